namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// What the rules need to know of one image string, parsed once: the normalized reference or why it is malformed,
    /// whether it is mutable and why, and the pull policy the API server would default for it.
    /// </summary>
    public sealed class ImageFacts
    {
        private ImageFacts(string text, ImageReference? reference, ImageReferenceError error)
        {
            Text = text;
            Reference = reference;
            Error = error;
        }

        /// <summary>The image as written.</summary>
        public string Text { get; }

        /// <summary>The normalized reference (<c>nginx</c> is <c>docker.io/library/nginx</c>), or null when malformed.</summary>
        public ImageReference? Reference { get; }

        /// <summary>Why the image is malformed; <see cref="ImageReferenceError.None"/> when it is valid.</summary>
        public ImageReferenceError Error { get; }

        /// <summary>True for the empty string: the same as no image.</summary>
        public bool IsEmpty => Text.Length == 0;

        /// <summary>True when the image parses.</summary>
        public bool IsValid => Reference is not null;

        /// <summary>True when it names whatever was pushed last: the tag <c>latest</c>, or no tag and no digest.</summary>
        public bool IsMutable => Reference is { IsMutable: true };

        /// <summary>For a mutable image, true when it has no tag at all (so it means <c>latest</c>).</summary>
        public bool IsUntagged => Reference is { Tag: null, Digest: null };

        /// <summary>The policy the API server stores when none is written (IfNotPresent for a malformed image).</summary>
        public string DefaultPolicy => Reference?.DefaultPullPolicy ?? PullPolicy.IfNotPresent;

        /// <summary>Why a malformed image is malformed, in one clause (see <see cref="ImageProblem"/>).</summary>
        public string Problem => ImageProblem.Explain(Text, Error);

        /// <summary>Parses <paramref name="image"/>.</summary>
        public static ImageFacts Of(string image)
        {
            ImageReference.TryParseNormalized(image, out var reference, out var error);
            return new ImageFacts(image, reference, error);
        }
    }
}
