using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Aspire;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA004: an image the Docker reference grammar rejects; the kubelet fails with InvalidImageName.</summary>
    internal static class InvalidImageRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, ImageFacts image, ValueLocation? through = null)
        {
            if (image.IsValid)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            var properties = where.Declaration is { } declaration
                ? RuleProperties.ReplacementAtDeclaration(ImageRepair.Suggest(image.Text), declaration)
                : RuleProperties.Replacement(where.OnConstant ? ImageRepair.Suggest(image.Text) : null);
            var additional = where.Declaration is null ? null : new[] { where.Declaration };
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA004_InvalidImageReference, where.Location, additional, properties, image.Text, image.Problem)
                : Diagnostic.Create(Descriptors.KMA004_InvalidImageReferenceFrom, where.Location, additional, properties, image.Text, image.Problem, where.From));
        }

        /// <summary>
        /// An image with known and unknown parts that no value of the unknown parts makes valid (uppercase in a known
        /// path component, white space, a URL scheme). No fix: the repair may belong in the unknown parts.
        /// </summary>
        internal static void CheckPartial(Action<Diagnostic> report, ManifestValue written, PartialValue partial, PartialImageReference image, ValueLocation? through = null)
        {
            if (image.Problem is not { } problem)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, partial);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA004_InvalidImageReference, where.Location, partial.Pattern, problem)
                : Diagnostic.Create(Descriptors.KMA004_InvalidImageReferenceFrom, where.Location, partial.Pattern, problem, where.From));
        }
    
        /// <summary>The image an Aspire app host composes, on the one argument that makes it malformed (with the repaired literal when there is one).</summary>
        internal static void CheckAspire(Action<Diagnostic> report, AspireImage image)
        {
            string? problem = image.Facts is { IsValid: false } facts ? facts.Problem : image.Partial?.Problem;
            if (problem is null)
            {
                return;
            }

            report(Diagnostic.Create(Descriptors.KMA004_AspireInvalidImage, image.ProblemAt, RuleProperties.Replacement(image.Repair), image.Text, image.Calls, problem));
        }
    

        /// <summary>A malformed image in a YAML manifest, on the value (no fix in YAML files).</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.Facts is not { IsValid: false } image)
            {
                return;
            }

            report(Diagnostic.Create(Descriptors.KMA004_InvalidImageReference, container.Image!.Location, RuleProperties.YamlScalar(image.Text, ImageRepair.Suggest(image.Text)), image.Text, image.Problem));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA004, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string InvalidImageDescription = "The API server does not check the syntax of an image reference. The kubelet parses it with the Docker reference grammar before pulling and fails the container with InvalidImageName when it cannot.";

        internal static readonly DiagnosticDescriptor KMA004_InvalidImageReference = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' is not a valid image reference: {1}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidImageDescription);

        /// <summary>KMA004 for an image that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA004_InvalidImageReferenceFrom = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' ({2}) is not a valid image reference: {1}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidImageDescription);

        /// <summary>KMA004 for the image an Aspire app host composes for a container resource.</summary>
        internal static readonly DiagnosticDescriptor KMA004_AspireInvalidImage = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' that Aspire composes from {1} is not a valid image reference: {2}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidImageDescription);
    }
}
