using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of the image rules: KMA004 (<see cref="InvalidImageRule"/>), KMA005 (<see cref="MutableImageRule"/>),
    /// KMA006 (<see cref="MissingImageRule"/>), KMA008 (<see cref="RegistryNotAllowedRule"/>), KMA010
    /// (<see cref="MovedRegistryRule"/>) and KMA011 (<see cref="DigestRequiredRule"/>). Each image is parsed
    /// once per compilation (<see cref="CompilationFacts"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImageReferenceAnalyzer : ContainerAnalyzerBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA004_InvalidImageReference,
            Descriptors.KMA004_InvalidImageReferenceFrom,
            Descriptors.KMA005_MutableImageTag,
            Descriptors.KMA005_MutableImageTagFrom,
            Descriptors.KMA006_MissingImage,
            Descriptors.KMA008_RegistryNotAllowed,
            Descriptors.KMA008_RegistryNotAllowedNormalized,
            Descriptors.KMA008_RegistryNotAllowedFrom,
            Descriptors.KMA010_MovedRegistry,
            Descriptors.KMA010_MovedRegistryNoFix,
            Descriptors.KMA010_MovedRegistryFrom,
            Descriptors.KMA011_DigestRequired,
            Descriptors.KMA011_DigestRequiredFrom,
            Descriptors.KMA004_AspireInvalidImage,
            Descriptors.KMA005_AspireDefaultTag,
            Descriptors.KMA005_AspireMutableTag,
            Descriptors.KMA008_AspireRegistryNotAllowed,
            Descriptors.KMA010_AspireMovedRegistry,
            Descriptors.KMA011_AspireDigestRequired);

        /// <inheritdoc/>
        internal override bool HandlesAspire => true;

        /// <summary>The image rules on an image an Aspire app host composes (see <see cref="Analysis.Aspire.AspireContainer"/>).</summary>
        internal override void AnalyzeAspireImage(Action<Diagnostic> report, AnalyzerOptions options, Analysis.Aspire.AspireImage image, IInvocationOperation call, CompilationFacts facts)
        {
            InvalidImageRule.CheckAspire(report, image);
            MutableImageRule.CheckAspire(report, image, ManifestOptions.MutableTags(options, image.ImageAt.SourceTree));
            RegistryNotAllowedRule.CheckAspire(report, options, image);
            MovedRegistryRule.CheckAspire(report, image);
            DigestRequiredRule.CheckAspire(report, image);
        }

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.Image || value.Operation is null)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, value.Operation.Syntax.SyntaxTree);

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

        internal override void AnalyzeContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts) =>
            MissingImageRule.Check(report, container);

        internal override void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, IInvocationOperation call, string method, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.Image)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, call.Syntax.SyntaxTree);

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } text && ValueLocation.IsPassedBy(constant, call))
                {
                    var image = facts.Image(text);
                    var through = ValueLocation.Through(constant, "passed to " + method, call);
                    InvalidImageRule.Check(report, value, constant, image, through);
                    MutableImageRule.Check(report, value, constant, image, tags, through);
                    RegistryNotAllowedRule.Check(report, options, value, constant, image, through);
                    MovedRegistryRule.Check(report, value, constant, image, through);
                    DigestRequiredRule.Check(report, value, constant, image, through);
                }
            }

            foreach (var partial in value.Values.Partials)
            {
                if (ValueLocation.IsWithin(partial.Origin, call))
                {
                    var image = PartialImageReference.Of(partial.Texts);
                    var through = ValueLocation.Through(partial, "passed to " + method);
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
