using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
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
            Descriptors.KMA005_MutableImageTag,
            Descriptors.KMA006_MissingImage,
            Descriptors.KMA008_RegistryNotAllowed,
            Descriptors.KMA008_RegistryNotAllowedNormalized);

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value)
        {
            if (property != ContainerProperty.Image || value.Text is not { Length: > 0 } image || value.Operation is null)
            {
                return;
            }

            var location = Locations.OfValue(value.Operation);
            if (!ImageReference.TryParseNormalized(image, out var reference, out var error))
            {
                string? repaired = ImageRepair.Suggest(image);
                report(Diagnostic.Create(
                    Descriptors.KMA004_InvalidImageReference,
                    location,
                    repaired is null
                        ? ImmutableDictionary<string, string?>.Empty
                        : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, repaired),
                    image,
                    ImageProblem.Explain(image, error)));
                return;
            }

            if (reference!.IsMutable)
            {
                report(Diagnostic.Create(
                    Descriptors.KMA005_MutableImageTag,
                    location,
                    image,
                    reference.Tag is null ? "has no tag or digest, so it means 'latest'" : "uses the tag 'latest'"));
            }

            var allowed = ManifestOptions.GetList(options, value.Operation.Syntax.SyntaxTree, ManifestOptions.AllowedRegistries);
            if (!allowed.IsEmpty && !RegistryPrefix.MatchesAny(reference, allowed))
            {
                report(RegistryNotAllowed(location, image, reference, allowed));
            }
        }

        internal override void AnalyzeContainer(Action<Diagnostic> report, ContainerModel container)
        {
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
