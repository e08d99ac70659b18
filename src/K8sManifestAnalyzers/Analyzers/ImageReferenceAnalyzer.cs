using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// KMA004 (malformed reference), KMA005 (mutable tag), KMA006 (no image) and KMA008 (registry not allowed).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImageReferenceAnalyzer : ContainerAnalyzerBase
    {
        /// <summary>
        /// KMA008, naming the normalized image only where it differs from what is written (<c>nginx</c> is
        /// <c>docker.io/library/nginx</c>; <c>ghcr.io/acme/app</c> is itself).
        /// </summary>
        internal static Diagnostic RegistryNotAllowed(Location location, string image, ImageReference reference, System.Collections.Immutable.ImmutableArray<string> allowed) =>
            image.StartsWith(reference.Name, StringComparison.Ordinal)
                ? Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowed, location, image, string.Join(", ", allowed))
                : Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowedNormalized, location, image, reference.Name, string.Join(", ", allowed));

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

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value)
        {
            if (property != ContainerProperty.Image || value.Operation is null)
            {
                return;
            }

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } image)
                {
                    AnalyzeImage(report, options, value, constant, image);
                }
            }
        }

        private static void AnalyzeImage(Action<Diagnostic> report, AnalyzerOptions options, ManifestValue value, PossibleValue constant, string image)
        {
            var (location, onConstant, from) = Where(value, constant);
            if (!ImageReference.TryParseNormalized(image, out var reference, out var error))
            {
                string? repaired = onConstant ? ImageRepair.Suggest(image) : null;
                var properties = repaired is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, repaired);
                string why = ImageProblem.Explain(image, error);
                report(from is null
                    ? Diagnostic.Create(Descriptors.KMA004_InvalidImageReference, location, properties, image, why)
                    : Diagnostic.Create(Descriptors.KMA004_InvalidImageReferenceFrom, location, properties, image, why, from));
                return;
            }

            if (reference!.IsMutable)
            {
                string why = reference.Tag is null ? "has no tag or digest, so it means 'latest'" : "uses the tag 'latest'";
                report(from is null
                    ? Diagnostic.Create(Descriptors.KMA005_MutableImageTag, location, image, why)
                    : Diagnostic.Create(Descriptors.KMA005_MutableImageTagFrom, location, image, why, from));
            }

            var allowed = ManifestOptions.GetList(options, location.SourceTree ?? value.Operation!.Syntax.SyntaxTree, ManifestOptions.AllowedRegistries);
            if (!allowed.IsEmpty && !RegistryPrefix.MatchesAny(reference, allowed))
            {
                report(from is null
                    ? RegistryNotAllowed(location, image, reference, allowed)
                    : Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowedFrom, location, image, string.Join(", ", allowed), from));
            }
        }

        internal override void AnalyzeContainer(Action<Diagnostic> report, ContainerModel container)
        {
            if (container.IsImageVolume)
            {
                // KMA006 is about containers: an image volume without a reference is rejected by validation on its own terms.
                return;
            }

            // A with-copy keeps the original's image (the model reads it as unknown), unless it writes an empty one.
            string? missing = container.Image.State switch
            {
                ValueState.Unset => "without an image",
                ValueState.Null => "with a null image",
                ValueState.Constant when container.Image.Text!.Length == 0 => "with an empty image",
                _ => null,
            };

            if (missing is not null)
            {
                report(Diagnostic.Create(
                    Descriptors.KMA006_MissingImage,
                    Locations.OfCreation(container.Creation),
                    missing));
            }
        }
    }
}
