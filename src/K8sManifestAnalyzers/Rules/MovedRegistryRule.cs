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
    /// KMA010: an image from a registry (or a namespace of one) its owner froze or moved (<see cref="RegistryMoves"/>),
    /// with the image rewritten to where it lives now when the constant can be edited.
    /// </summary>
    internal static class MovedRegistryRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, ImageFacts image, ValueLocation? through = null)
        {
            if (image.Reference is not { } reference || RegistryMoves.Find(reference) is not { } move)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            string? rewritten = move.Rewrite(image.Text);
            if (where.From is not null)
            {
                // A constant declared elsewhere is fixed where it is declared, when one literal declares it.
                var properties = where.Declaration is { } declaration ? RuleProperties.ReplacementAtDeclaration(rewritten, declaration) : RuleProperties.Replacement(null);
                var additional = where.Declaration is null ? null : new[] { where.Declaration };
                report(Diagnostic.Create(Descriptors.KMA010_MovedRegistryFrom, where.Location, additional, properties, image.Text, move.From, move.What, move.To, where.From));
                return;
            }

            report(rewritten is not null && where.OnConstant
                ? Diagnostic.Create(Descriptors.KMA010_MovedRegistry, where.Location, RuleProperties.Replacement(rewritten), image.Text, move.From, move.What, rewritten)
                : Diagnostic.Create(Descriptors.KMA010_MovedRegistryNoFix, where.Location, image.Text, move.From, move.What, move.To));
        }

        /// <summary>An image with unknown parts whose registry is certain (<c>$"k8s.gcr.io/{name}:{tag}"</c>); no fix.</summary>
        internal static void CheckPartial(Action<Diagnostic> report, ManifestValue written, PartialValue partial, PartialImageReference image, ValueLocation? through = null)
        {
            if (RegistryMoves.Find(image) is not { } move)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, partial);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA010_MovedRegistryNoFix, where.Location, partial.Pattern, move.From, move.What, move.To)
                : Diagnostic.Create(Descriptors.KMA010_MovedRegistryFrom, where.Location, partial.Pattern, move.From, move.What, move.To, where.From));
        }
    
        /// <summary>The image an Aspire app host composes, on WithImageRegistry's argument when it gives the registry, else on the image argument; no fix.</summary>
        internal static void CheckAspire(Action<Diagnostic> report, AspireImage image)
        {
            var move = image.Reference is { } reference ? RegistryMoves.Find(reference) : image.Partial is { Problem: null } partial ? RegistryMoves.Find(partial) : null;
            if (move is not null)
            {
                report(Diagnostic.Create(Descriptors.KMA010_AspireMovedRegistry, image.NameAt, image.Text, image.Calls, move.From, move.What, move.To));
            }
        }
    

        /// <summary>An image of a YAML manifest from a frozen or moved registry, on the value, naming the image to use.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.Facts?.Reference is not { } reference || RegistryMoves.Find(reference) is not { } move)
            {
                return;
            }

            string text = container.Facts.Text;
            report(move.Rewrite(text) is { } rewritten
                ? Diagnostic.Create(Descriptors.KMA010_MovedRegistry, container.Image!.Location, text, move.From, move.What, rewritten)
                : Diagnostic.Create(Descriptors.KMA010_MovedRegistryNoFix, container.Image!.Location, text, move.From, move.What, move.To));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA010, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string MovedRegistryDescription = "Registries are frozen or moved by their owners: k8s.gcr.io was frozen by the Kubernetes project in April 2023 and only redirects to registry.k8s.io, and Bitnami moved every versioned tag of docker.io/bitnami to docker.io/bitnamilegacy in August 2025. A frozen registry gets no security patches, a redirect breaks behind egress allow-lists and with clients that do not follow it, and a removed tag fails with ErrImagePull. The fix rewrites the registry and keeps the path, tag and digest; the rule page lists each move with its owner's announcement.";

        internal static readonly DiagnosticDescriptor KMA010_MovedRegistry = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' is from {1}, which {2}; use '{3}'",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        /// <summary>KMA010 where no rewritten image can be written (unknown parts, a value from elsewhere).</summary>
        internal static readonly DiagnosticDescriptor KMA010_MovedRegistryNoFix = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' is from {1}, which {2}; pull it from {3}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        /// <summary>KMA010 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA010_MovedRegistryFrom = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' ({4}) is from {1}, which {2}; pull it from {3}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        /// <summary>KMA010 for the image an Aspire app host composes.</summary>
        internal static readonly DiagnosticDescriptor KMA010_AspireMovedRegistry = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' that Aspire composes from {1} is from {2}, which {3}; pull it from {4}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);
    }
}
