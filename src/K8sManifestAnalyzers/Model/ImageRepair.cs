namespace K8sManifestAnalyzers.Model
{
    /// <summary>The one obvious repair of a malformed image reference, when there is one.</summary>
    public static class ImageRepair
    {
        /// <summary>
        /// <paramref name="image"/> with surrounding white space and an <c>http://</c> or <c>https://</c> scheme removed
        /// and its repository lowercased (the tag and digest keep their case), if that makes it valid; otherwise
        /// <see langword="null"/>.
        /// </summary>
        public static string? Suggest(string? image)
        {
            if (image is null)
            {
                return null;
            }

            string candidate = image.Trim();

            // A URL scheme is not part of a reference: "https://registry.example.com/app:1.0".
            int scheme = candidate.IndexOf("://", System.StringComparison.Ordinal);
            if (scheme > 0 && candidate.Substring(0, scheme).ToLowerInvariant() is "http" or "https")
            {
                candidate = candidate.Substring(scheme + 3).TrimEnd('/');
            }

            if (candidate.Length == 0)
            {
                return null;
            }

            int at = candidate.IndexOf('@');
            int beforeDigest = at < 0 ? candidate.Length : at;
            int nameEnd = beforeDigest;
            if (beforeDigest > 0)
            {
                int lastSlash = candidate.LastIndexOf('/', beforeDigest - 1);
                int colon = candidate.LastIndexOf(':', beforeDigest - 1);
                if (colon > lastSlash)
                {
                    nameEnd = colon;
                }
            }

            candidate = candidate.Substring(0, nameEnd).ToLowerInvariant() + candidate.Substring(nameEnd);
            return candidate != image && ImageReference.TryParseNormalized(candidate, out _, out _) ? candidate : null;
        }
    }
}
