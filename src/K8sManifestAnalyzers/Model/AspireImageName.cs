using System.Text.RegularExpressions;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// How Aspire.Hosting reads the image string of <c>AddContainer(name, image)</c> and <c>WithImage(image, tag)</c>
    /// (<c>ContainerReferenceParser</c> in src/Aspire.Hosting/Utils): an optional registry (a host with a dot, a port or
    /// <c>localhost</c>), the image, an optional <c>:tag</c> and an optional <c>@digest</c>. Aspire keeps the registry and
    /// the image together as the annotation's <c>Image</c>; a digest, which must start with <c>sha256:</c>, becomes its
    /// <c>SHA256</c> (and the tag is dropped), otherwise the tag is the parsed one, else the <c>tag</c> argument, else
    /// <c>latest</c>.
    /// </summary>
    public sealed class AspireImageName
    {
        internal const string DigestPrefix = "sha256:";

        // Aspire's expression, character for character (ContainerReferenceParser.ImageNameRegex).
        private static readonly Regex Expression = new(
            @"^((?<registry>((localhost|\[(?:[a-fA-F0-9:]+)\]|([\w-]+(\.[\w-]+)+))(:\d+)?)|([\w-]+:\d+))\/)?(?<image>[\w-./<>]+)(:(?<tag>[\w-.<>]+))?(@(?<digest>.+))?$",
            RegexOptions.CultureInvariant);

        private AspireImageName(string name, string? tag, string? sha256)
        {
            Name = name;
            Tag = tag;
            Sha256 = sha256;
        }

        /// <summary>The registry and repository as Aspire stores them (the annotation's <c>Image</c>).</summary>
        public string Name { get; }

        /// <summary>The tag written in the string; null when there is none (or a digest).</summary>
        public string? Tag { get; }

        /// <summary>The digest's hex part when the string has <c>@sha256:…</c>; Aspire then drops any tag.</summary>
        public string? Sha256 { get; }

        /// <summary>Aspire's reading of <paramref name="image"/>; null where Aspire throws (empty, no match, a digest that is not sha256).</summary>
        public static AspireImageName? Parse(string? image)
        {
            if (image is not { Length: > 0 })
            {
                return null;
            }

            var match = Expression.Match(image);
            if (!match.Success)
            {
                return null;
            }

            var registry = match.Groups["registry"];
            string name = registry.Success ? registry.Value + "/" + match.Groups["image"].Value : match.Groups["image"].Value;
            var digest = match.Groups["digest"];
            if (digest.Success)
            {
                return digest.Value.StartsWith(DigestPrefix, System.StringComparison.Ordinal)
                    ? new AspireImageName(name, null, digest.Value.Substring(DigestPrefix.Length))
                    : null;
            }

            var tag = match.Groups["tag"];
            return new AspireImageName(name, tag.Success ? tag.Value : null, null);
        }

        /// <summary>
        /// The image Aspire hands to the runtime (<c>ResourceExtensions.TryGetContainerImageName</c>): the registry and a
        /// slash when the registry is not empty, the image, then <c>@sha256:</c> and the digest when there is one, else a
        /// colon and the tag when the tag is not empty.
        /// </summary>
        public static string Compose(string? registry, string name, string? tag, string? sha256) =>
            (string.IsNullOrEmpty(registry) ? string.Empty : registry + "/")
            + name
            + (!string.IsNullOrEmpty(sha256) ? "@" + DigestPrefix + sha256 : string.IsNullOrEmpty(tag) ? string.Empty : ":" + tag);
    }
}
