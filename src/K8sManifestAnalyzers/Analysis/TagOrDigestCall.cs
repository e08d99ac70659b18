using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// A call to a generated builder (<c>Tag</c>, <c>Digest</c>, <c>TagAndDigest</c> on a <c>[ContainerImage]</c> class)
    /// or to <c>ImageReference.WithTag</c> / <c>WithDigest</c>, with its constant string arguments, for KMA202 and KMA203.
    /// </summary>
    internal sealed class TagOrDigestCall
    {
        internal TagOrDigestCall(bool isTagAndDigest, ImmutableArray<TagOrDigestArgument> constantArguments)
        {
            IsTagAndDigest = isTagAndDigest;
            ConstantArguments = constantArguments;
        }

        /// <summary>True for <c>TagAndDigest</c>, where the digest pins the image whatever the tag.</summary>
        internal bool IsTagAndDigest { get; }

        /// <summary>The arguments whose value is a constant string, in the order written.</summary>
        internal ImmutableArray<TagOrDigestArgument> ConstantArguments { get; }
    }
}
