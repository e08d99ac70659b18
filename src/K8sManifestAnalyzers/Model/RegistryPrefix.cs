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
        public static bool MatchesAny(ImageReference reference, System.Collections.Generic.IEnumerable<string> prefixes)
        {
            foreach (string prefix in prefixes)
            {
                if (Matches(reference, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        // "ghcr.io/acme/" is "ghcr.io/acme"; the legacy Docker Hub host "index.docker.io" is "docker.io".
        private static string Normalize(string prefix)
        {
            string result = prefix.Trim().TrimEnd('/');
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
