using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA202: a constant tag or digest passed to a generated builder (<c>Tag</c>, <c>Digest</c>, <c>TagAndDigest</c>) or
    /// to <c>ImageReference.WithTag</c>/<c>WithDigest</c> that the grammar rejects: the call throws ArgumentException.
    /// </summary>
    internal static class InvalidTagOrDigestRule
    {
        /// <summary>One constant argument of a builder call.</summary>
        internal static void Check(Action<Diagnostic> report, in TagOrDigestArgument argument)
        {
            string value = argument.Value;
            if (argument.Parameter == "tag")
            {
                if (!ImageReference.IsValidTag(value))
                {
                    report(Diagnostic.Create(Descriptors.KMA202_InvalidTagOrDigest, argument.Location, value, "tag", "a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'"));
                }
            }
            else if (argument.Parameter == "digest" && ImageReference.ValidateDigest(value) is var error && error != ImageReferenceError.None)
            {
                report(Diagnostic.Create(Descriptors.KMA202_InvalidTagOrDigest, argument.Location, value, "digest", ImageReference.Describe(error)));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA202, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA202_InvalidTagOrDigest = Create(
            DiagnosticIds.InvalidTagOrDigest,
            "Image tag or digest is not valid",
            "'{0}' is not a valid image {1}: {2}; the call throws ArgumentException",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Tags match [\\w][\\w.-]{0,127}; digests are sha256:, sha384: or sha512: followed by the lowercase hex digest of the right length.");
    }
}
