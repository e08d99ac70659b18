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
    /// KMA006 (<see cref="MissingImageRule"/>) and KMA008 (<see cref="RegistryNotAllowedRule"/>). Each image is parsed
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
            Descriptors.KMA008_RegistryNotAllowedFrom);

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.Image || value.Operation is null)
            {
                return;
            }

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is not { Length: > 0 } text)
                {
                    continue;
                }

                var image = facts.Image(text);
                InvalidImageRule.Check(report, value, constant, image);
                MutableImageRule.Check(report, value, constant, image);
                RegistryNotAllowedRule.Check(report, options, value, constant, image);
            }

            // Known and unknown parts (`$"quay.io/evil/miner:{tag}"`): what the known parts make certain.
            foreach (var partial in value.Values.Partials)
            {
                var image = PartialImageReference.Of(partial.Texts);
                InvalidImageRule.CheckPartial(report, value, partial, image);
                MutableImageRule.CheckPartial(report, value, partial, image);
                RegistryNotAllowedRule.CheckPartial(report, options, value, partial, image);
            }
        }

        internal override void AnalyzeContainer(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts) =>
            MissingImageRule.Check(report, container);

        internal override void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, IInvocationOperation call, string method, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.Image)
            {
                return;
            }

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } text && ValueLocation.IsPassedBy(constant, call))
                {
                    var image = facts.Image(text);
                    var through = ValueLocation.Through(constant, "passed to " + method, call);
                    InvalidImageRule.Check(report, value, constant, image, through);
                    MutableImageRule.Check(report, value, constant, image, through);
                    RegistryNotAllowedRule.Check(report, options, value, constant, image, through);
                }
            }

            foreach (var partial in value.Values.Partials)
            {
                if (ValueLocation.IsWithin(partial.Origin, call))
                {
                    var image = PartialImageReference.Of(partial.Texts);
                    var through = ValueLocation.Through(partial, "passed to " + method);
                    InvalidImageRule.CheckPartial(report, value, partial, image, through);
                    MutableImageRule.CheckPartial(report, value, partial, image, through);
                    RegistryNotAllowedRule.CheckPartial(report, options, value, partial, image, through);
                }
            }
        }
    }
}
