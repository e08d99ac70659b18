using System;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA203: the tag <c>latest</c> passed to a generated builder or to <c>ImageReference.WithTag</c>. Not for
    /// <c>TagAndDigest</c>, where the digest pins the image.
    /// </summary>
    internal static class MutableTagInBuilderRule
    {
        /// <summary>One constant argument of a builder call.</summary>
        internal static void Check(Action<Diagnostic> report, TagOrDigestCall call, in TagOrDigestArgument argument)
        {
            // 'latest' is a valid tag, so KMA202 never reports the same argument.
            if (argument.Parameter == "tag" && argument.Value == "latest" && !call.IsTagAndDigest)
            {
                report(Diagnostic.Create(Descriptors.KMA203_MutableTagInBuilder, argument.Location));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA203, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA203_MutableTagInBuilder = Create(
            DiagnosticIds.MutableTagInBuilder,
            "Image built with the tag latest",
            "The tag 'latest' names whatever was pushed last: use a version tag or Digest(…)",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An image with the tag latest is not pinned: rollbacks cannot return to a known build and nodes may run different builds.");
    }
}
