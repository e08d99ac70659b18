using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The image rules of the per-body host (<see cref="Analyzers.ContainerAnalyzer"/>): KMA004 (<see cref="InvalidImageRule"/>), KMA005 (<see cref="MutableImageRule"/>),
    /// KMA006 (<see cref="MissingImageRule"/>), KMA008 (<see cref="RegistryNotAllowedRule"/>), KMA010
    /// (<see cref="MovedRegistryRule"/>) and KMA011 (<see cref="DigestRequiredRule"/>). Each image is parsed
    /// once per compilation (<see cref="CompilationFacts"/>).
    /// </summary>
    internal static class ImageRuleSet
    {
        /// <summary>The descriptors the image rules report.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReference,
            K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom,
            K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTag,
            K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom,
            K8sManifestAnalyzers.Descriptors.KMA006_MissingImage,
            K8sManifestAnalyzers.Descriptors.KMA008_RegistryNotAllowed,
            K8sManifestAnalyzers.Descriptors.KMA008_RegistryNotAllowedNormalized,
            K8sManifestAnalyzers.Descriptors.KMA008_RegistryNotAllowedFrom,
            K8sManifestAnalyzers.Descriptors.KMA010_MovedRegistry,
            K8sManifestAnalyzers.Descriptors.KMA010_MovedRegistryNoFix,
            K8sManifestAnalyzers.Descriptors.KMA010_MovedRegistryFrom,
            K8sManifestAnalyzers.Descriptors.KMA011_DigestRequired,
            K8sManifestAnalyzers.Descriptors.KMA011_DigestRequiredFrom,
            K8sManifestAnalyzers.Descriptors.KMA004_AspireInvalidImage,
            K8sManifestAnalyzers.Descriptors.KMA005_AspireDefaultTag,
            K8sManifestAnalyzers.Descriptors.KMA005_AspireMutableTag,
            K8sManifestAnalyzers.Descriptors.KMA008_AspireRegistryNotAllowed,
            K8sManifestAnalyzers.Descriptors.KMA010_AspireMovedRegistry,
            K8sManifestAnalyzers.Descriptors.KMA011_AspireDigestRequired);

        /// <summary>The image rules on an image an Aspire app host composes (see <see cref="Analysis.Aspire.AspireContainer"/>).</summary>
        internal static void AnalyzeAspireImage(Action<Diagnostic> report, AnalyzerOptions options, Analysis.Aspire.AspireImage image)
        {
            InvalidImageRule.CheckAspire(report, image);
            MutableImageRule.CheckAspire(report, image, ManifestOptions.MutableTags(options, image.ImageAt.SourceTree));
            RegistryNotAllowedRule.CheckAspire(report, options, image);
            MovedRegistryRule.CheckAspire(report, image);
            DigestRequiredRule.CheckAspire(report, image);
        }

        internal static void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.Image || value.WrittenAt is not { } written)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, written);

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is not { Length: > 0 } text)
                {
                    continue;
                }

                var image = facts.Image(text);
                InvalidImageRule.Check(report, value, constant, image);
                MutableImageRule.Check(report, value, constant, image, tags);
                RegistryNotAllowedRule.Check(report, options, value, constant, image);
                MovedRegistryRule.Check(report, value, constant, image);
                DigestRequiredRule.Check(report, value, constant, image);
            }

            // Known and unknown parts (`$"quay.io/evil/miner:{tag}"`): what the known parts make certain.
            foreach (var partial in value.Values.Partials)
            {
                var image = PartialImageReference.Of(partial.Texts);
                InvalidImageRule.CheckPartial(report, value, partial, image);
                MutableImageRule.CheckPartial(report, value, partial, image, tags);
                RegistryNotAllowedRule.CheckPartial(report, options, value, partial, image);
                MovedRegistryRule.CheckPartial(report, value, partial, image);
                DigestRequiredRule.CheckPartial(report, value, partial, image);
            }
        }

        internal static void AnalyzeContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts) =>
            MissingImageRule.Check(report, container);

        internal static void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, CallSite call, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.Image)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, call.Location);

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } text && ValueLocation.IsPassedBy(constant, call))
                {
                    var image = facts.Image(text);
                    var through = ValueLocation.Through(constant, "passed to " + call.Method, call);
                    InvalidImageRule.Check(report, value, constant, image, through);
                    MutableImageRule.Check(report, value, constant, image, tags, through);
                    RegistryNotAllowedRule.Check(report, options, value, constant, image, through);
                    MovedRegistryRule.Check(report, value, constant, image, through);
                    DigestRequiredRule.Check(report, value, constant, image, through);
                }
            }

            foreach (var partial in value.Values.Partials)
            {
                if (ValueLocation.IsWrittenIn(partial, call))
                {
                    var image = PartialImageReference.Of(partial.Texts);
                    var through = ValueLocation.Through(partial, "passed to " + call.Method);
                    InvalidImageRule.CheckPartial(report, value, partial, image, through);
                    MutableImageRule.CheckPartial(report, value, partial, image, tags, through);
                    RegistryNotAllowedRule.CheckPartial(report, options, value, partial, image, through);
                    MovedRegistryRule.CheckPartial(report, value, partial, image, through);
                    DigestRequiredRule.CheckPartial(report, value, partial, image, through);
                }
            }
        }
    }
}
