using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Aspire;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA011 (off by default): a valid image without a digest. Malformed images are KMA004's; no fix, since only the
    /// registry knows the digest.
    /// </summary>
    internal static class DigestRequiredRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, ImageFacts image, ValueLocation? through = null)
        {
            if (image.Reference is not { IsPinned: false })
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA011_DigestRequired, where.Location, image.Text)
                : Diagnostic.Create(Descriptors.KMA011_DigestRequiredFrom, where.Location, image.Text, where.From));
        }

        /// <summary>
        /// An image with unknown parts that certainly has no digest: untagged, or ending in a known tag
        /// (<c>$"{registry}/app:1.4"</c>); silent when a part could still carry one.
        /// </summary>
        internal static void CheckPartial(Action<Diagnostic> report, ManifestValue written, PartialValue partial, PartialImageReference image, ValueLocation? through = null)
        {
            if (image.IsPinned || image.Problem is not null || (!image.IsUntagged && image.Tag is null))
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, partial);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA011_DigestRequired, where.Location, partial.Pattern)
                : Diagnostic.Create(Descriptors.KMA011_DigestRequiredFrom, where.Location, partial.Pattern, where.From));
        }
    
        /// <summary>The image an Aspire app host composes, on the argument that gives the tag (the image argument when Aspire uses latest).</summary>
        internal static void CheckAspire(Action<Diagnostic> report, AspireImage image)
        {
            bool noDigest = image.Reference is { } reference
                ? !reference.IsPinned
                : image.Partial is { Problem: null, IsPinned: false } partial && (partial.IsUntagged || partial.Tag is not null);
            if (noDigest)
            {
                report(Diagnostic.Create(Descriptors.KMA011_AspireDigestRequired, image.TagAt, image.Text, image.Calls));
            }
        }
    

        /// <summary>A valid image of a YAML manifest without a digest, on the value.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.Facts is { Reference.IsPinned: false } image)
            {
                report(Diagnostic.Create(Descriptors.KMA011_DigestRequired, container.Image!.Location, image.Text));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA011, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string DigestRequiredDescription = "A tag can be pushed again; a digest (@sha256:…) names one build for good, so every node runs the image that was tested and a rollback returns to it. Off by default: turn it on with a severity (dotnet_diagnostic.KMA011.severity = warning) where the team's policy is to pin every image by digest. There is no automatic fix, because the digest is known only to the registry.";

        internal static readonly DiagnosticDescriptor KMA011_DigestRequired = Create(
            DiagnosticIds.DigestRequired,
            "Image is not pinned by digest",
            "Image '{0}' has no digest: pin the build you tested with '@sha256:<digest>' (the registry gives it: crane digest, docker buildx imagetools inspect)",
            Categories.Security,
            DiagnosticSeverity.Warning,
            DigestRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA011 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA011_DigestRequiredFrom = Create(
            DiagnosticIds.DigestRequired,
            "Image is not pinned by digest",
            "Image '{0}' ({1}) has no digest: pin the build you tested with '@sha256:<digest>' (the registry gives it: crane digest, docker buildx imagetools inspect)",
            Categories.Security,
            DiagnosticSeverity.Warning,
            DigestRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA011 for the image an Aspire app host composes.</summary>
        internal static readonly DiagnosticDescriptor KMA011_AspireDigestRequired = Create(
            DiagnosticIds.DigestRequired,
            "Image is not pinned by digest",
            "Image '{0}' that Aspire composes from {1} has no digest: pin the build you tested with WithImageSHA256 (the registry gives it: crane digest, docker buildx imagetools inspect)",
            Categories.Security,
            DiagnosticSeverity.Warning,
            DigestRequiredDescription,
            isEnabledByDefault: false);
    }
}
