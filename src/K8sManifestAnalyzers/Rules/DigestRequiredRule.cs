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
