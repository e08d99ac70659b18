using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Matches an image against registry prefixes such as <c>docker.io</c>, <c>ghcr.io/acme</c> or
    /// <c>registry.example.com:5000</c>, on path-segment boundaries of the normalized name
    /// (<c>nginx</c> is <c>docker.io/library/nginx</c>; <c>ghcr.io/acme</c> does not cover <c>ghcr.io/acmecorp/app</c>).
    /// </summary>
    public static class RegistryPrefix
    {
        /// <summary>True when the normalized name of <paramref name="reference"/> is <paramref name="prefix"/> or lies under it.</summary>
        public static bool Matches(ImageReference reference, string prefix)
        {
            string normalizedPrefix = Normalize(prefix);
            if (normalizedPrefix.Length == 0)
            {
                return false;
            }

            string name = reference.Name;
            return name.StartsWith(normalizedPrefix, StringComparison.OrdinalIgnoreCase)
                && (name.Length == normalizedPrefix.Length || name[normalizedPrefix.Length] == '/');
        }

        /// <summary>True when any of <paramref name="prefixes"/> matches.</summary>
        public static bool MatchesAny(ImageReference reference, System.Collections.Generic.IEnumerable<string> prefixes) =>
            FindMatch(reference, prefixes) is not null;

        /// <summary>The first of <paramref name="prefixes"/> that matches, normalized (<c>ghcr.io/acme</c> for <c>https://ghcr.io/acme/</c>), or <see langword="null"/>.</summary>
        public static string? FindMatch(ImageReference reference, System.Collections.Generic.IEnumerable<string> prefixes)
        {
            foreach (string prefix in prefixes)
            {
                if (Matches(reference, prefix))
                {
                    return Normalize(prefix);
                }
            }

            return null;
        }

        /// <summary>
        /// For an image with unknown parts: true when every name it can have is <paramref name="prefix"/> or under it,
        /// false when none is, null when that depends on the unknown parts (the name's known start is shorter than the
        /// prefix and agrees with it, or nothing of the name is known).
        /// </summary>
        public static bool? Matches(PartialImageReference image, string prefix)
        {
            string normalizedPrefix = Normalize(prefix);
            if (normalizedPrefix.Length == 0)
            {
                return false;
            }

            if (image.Name is { } name)
            {
                return name.StartsWith(normalizedPrefix, StringComparison.OrdinalIgnoreCase)
                    && (name.Length == normalizedPrefix.Length || name[normalizedPrefix.Length] == '/');
            }

            if (image.NamePrefix is not { } known)
            {
                return null;
            }

            // Every name is `known` followed by some text.
            if (known.Length > normalizedPrefix.Length)
            {
                return known.StartsWith(normalizedPrefix, StringComparison.OrdinalIgnoreCase) && known[normalizedPrefix.Length] == '/';
            }

            return normalizedPrefix.StartsWith(known, StringComparison.OrdinalIgnoreCase) ? null : false;
        }

        /// <summary>The first of <paramref name="prefixes"/> that every name of <paramref name="image"/> matches, normalized; else null.</summary>
        public static string? FindMatch(PartialImageReference image, System.Collections.Generic.IEnumerable<string> prefixes)
        {
            foreach (string prefix in prefixes)
            {
                if (Matches(image, prefix) == true)
                {
                    return Normalize(prefix);
                }
            }

            return null;
        }

        /// <summary>True when no name <paramref name="image"/> can have matches any of <paramref name="prefixes"/>.</summary>
        public static bool MatchesNone(PartialImageReference image, System.Collections.Generic.IEnumerable<string> prefixes)
        {
            foreach (string prefix in prefixes)
            {
                if (Matches(image, prefix) != false)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Why <paramref name="prefix"/> can never match an image name (a wildcard, a tag, characters no registry or
        /// repository has), or <see langword="null"/> when it can.
        /// </summary>
        public static string? Problem(string prefix)
        {
            string normalized = Normalize(prefix);
            if (normalized.Length == 0)
            {
                return "it is empty";
            }

            if (normalized.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                return "wildcards are not supported: list each registry host or path prefix, such as 'registry.example.com'";
            }

            if (normalized.IndexOf('@') >= 0)
            {
                return "a prefix names a registry or repository, not a digest";
            }

            int slash = normalized.IndexOf('/');
            string host = slash < 0 ? normalized : normalized.Substring(0, slash);
            int colon = host.IndexOf(':');
            if (colon >= 0 && (colon == host.Length - 1 || !IsDigits(host, colon + 1)))
            {
                return "only a registry host may have ':', followed by a port number";
            }

            for (int i = 0; i < normalized.Length; i++)
            {
                char c = normalized[i];
                if (c == ':' && i >= host.Length)
                {
                    return "a prefix names a registry or repository, not a tag";
                }

                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '.' or '-' or '_' or '/' || (c == ':' && i < host.Length);
                if (!allowed)
                {
                    return $"'{c}' appears in no registry host or repository name";
                }

                if (c == '/' && i > 0 && normalized[i - 1] == '/')
                {
                    return "it has an empty path segment ('//')";
                }
            }

            return null;
        }

        private static bool IsDigits(string text, int start)
        {
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        // "ghcr.io/acme/" is "ghcr.io/acme"; a URL scheme ("https://") is dropped; the legacy Docker Hub host
        // "index.docker.io" is "docker.io".
        private static string Normalize(string prefix)
        {
            string result = prefix.Trim();
            int scheme = result.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && (result.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || result.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                result = result.Substring(scheme + 3);
            }

            result = result.TrimEnd('/');
            const string Legacy = "index.docker.io";
            if (result.Equals(Legacy, StringComparison.OrdinalIgnoreCase)
                || result.StartsWith(Legacy + "/", StringComparison.OrdinalIgnoreCase))
            {
                result = ImageReference.DefaultDomain + result.Substring(Legacy.Length);
            }

            return result;
        }
    }
}
