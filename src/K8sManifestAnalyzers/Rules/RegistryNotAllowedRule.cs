using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Aspire;
using K8sManifestAnalyzers.Analysis.Yaml;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA008: an image outside the prefixes of <c>k8s_manifests.allowed_registries</c> (opt-in).</summary>
    internal static class RegistryNotAllowedRule
    {
        /// <summary>One possible value of a written image.</summary>
        internal static void Check(Action<Diagnostic> report, AnalyzerOptions options, ManifestValue written, PossibleValue constant, ImageFacts image, ValueLocation? through = null)
        {
            if (image.Reference is not { } reference)
            {
                return;
            }

            // The option is read first: without it (the usual case) nothing below is worth computing.
            if (!AllowedLists.TryRead(options, written, constant.Location, out var lists))
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            var allowed = lists.At(where.Location);
            if (allowed.IsEmpty || RegistryPrefix.MatchesAny(reference, allowed))
            {
                return;
            }

            report(where.From is null
                ? Create(where.Location, image.Text, reference, allowed)
                : Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowedFrom, where.Location, image.Text, string.Join(", ", allowed), where.From));
        }

        /// <summary>
        /// An image with known and unknown parts, reported only when no value of the unknown parts puts it under an
        /// allowed prefix: <c>$"quay.io/evil/miner:{tag}"</c> is reported, <c>$"{registry}/app:1.0"</c> is not.
        /// </summary>
        internal static void CheckPartial(Action<Diagnostic> report, AnalyzerOptions options, ManifestValue written, PartialValue partial, PartialImageReference image, ValueLocation? through = null)
        {
            if (image.Name is null && image.NamePrefix is null)
            {
                return;
            }

            if (!AllowedLists.TryRead(options, written, ValueLocation.Of(partial), out var lists))
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, partial);
            var allowed = lists.At(where.Location);
            if (allowed.IsEmpty || !RegistryPrefix.MatchesNone(image, allowed))
            {
                return;
            }

            string pattern = partial.Pattern;
            string list = string.Join(", ", allowed);
            report(where.From is not null
                ? Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowedFrom, where.Location, pattern, list, where.From)
                : image.Name is { } name && !pattern.StartsWith(name, StringComparison.Ordinal)
                    ? Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowedNormalized, where.Location, pattern, name, list)
                    : Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowed, where.Location, pattern, list));
        }

        /// <summary>
        /// A repository declared with [ContainerImage]: the policy covers images declared for the builders too. Only a
        /// valid repository is judged; KMA201 reports the others.
        /// </summary>
        internal static void CheckDeclaration(Action<Diagnostic> report, AnalyzerOptions options, ImageDeclaration declaration, Location repositoryLocation)
        {
            if (declaration.Repository is not { } repository || declaration.Reference is not { } reference)
            {
                return;
            }

            // The options of the file that declares the image.
            var allowed = ManifestOptions.GetList(options, repositoryLocation, ManifestOptions.AllowedRegistries);
            if (!allowed.IsEmpty && !RegistryPrefix.MatchesAny(reference, allowed))
            {
                report(Create(repositoryLocation, repository, reference, allowed));
            }
        }

        /// <summary>
        /// The finding, naming the normalized image only where it differs from what is written (<c>nginx</c> is
        /// <c>docker.io/library/nginx</c>; <c>ghcr.io/acme/app</c> is itself). Also used for [ContainerImage] declarations.
        /// </summary>
        internal static Diagnostic Create(Location location, string image, ImageReference reference, ImmutableArray<string> allowed) =>
            image.StartsWith(reference.Name, StringComparison.Ordinal)
                ? Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowed, location, image, string.Join(", ", allowed))
                : Diagnostic.Create(Descriptors.KMA008_RegistryNotAllowedNormalized, location, image, reference.Name, string.Join(", ", allowed));

        // A finding is reported on the constant or on the written value, so their files' options decide, each read once.
        private readonly struct AllowedLists
        {
            private readonly ImmutableArray<string> _atOrigin;
            private readonly ImmutableArray<string> _whereWritten;
            private readonly Location _written;

            private AllowedLists(ImmutableArray<string> atOrigin, ImmutableArray<string> whereWritten, Location written)
            {
                _atOrigin = atOrigin;
                _whereWritten = whereWritten;
                _written = written;
            }

            // False when the option is set in neither file: the usual case, decided before any location is computed.
            internal static bool TryRead(AnalyzerOptions options, ManifestValue written, Location origin, out AllowedLists lists)
            {
                var whereWritten = written.WrittenAt ?? origin;
                var atOrigin = ManifestOptions.GetList(options, origin, ManifestOptions.AllowedRegistries);
                var inWritten = SameFile(whereWritten, origin) ? atOrigin : ManifestOptions.GetList(options, whereWritten, ManifestOptions.AllowedRegistries);
                lists = new AllowedLists(atOrigin, inWritten, whereWritten);
                return !atOrigin.IsEmpty || !inWritten.IsEmpty;
            }

            internal ImmutableArray<string> At(Location location) => SameFile(location, _written) ? _whereWritten : _atOrigin;

            private static bool SameFile(Location a, Location b) =>
                a.SourceTree is { } tree ? tree == b.SourceTree : b.SourceTree is null && a.GetLineSpan().Path == b.GetLineSpan().Path;
        }
    
        /// <summary>The image an Aspire app host composes, on WithImageRegistry's argument when it gives the registry, else on the image argument.</summary>
        internal static void CheckAspire(Action<Diagnostic> report, AnalyzerOptions options, AspireImage image)
        {
            if (image.NameAt.SourceTree is not { } tree || ManifestOptions.GetList(options, tree, ManifestOptions.AllowedRegistries) is not { IsEmpty: false } allowed)
            {
                return;
            }

            bool outside = image.Reference is { } reference
                ? !RegistryPrefix.MatchesAny(reference, allowed)
                : image.Partial is { Problem: null } partial && (partial.Name is not null || partial.NamePrefix is not null) && RegistryPrefix.MatchesNone(partial, allowed);
            if (outside)
            {
                report(Diagnostic.Create(Descriptors.KMA008_AspireRegistryNotAllowed, image.NameAt, image.Text, image.Calls, string.Join(", ", allowed)));
            }
        }
    

        /// <summary>An image of a YAML manifest outside <paramref name="allowed"/> (the file's allowed_registries), on the value.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, ImmutableArray<string> allowed, YamlContainer container)
        {
            if (allowed.IsEmpty || container.Facts?.Reference is not { } reference || RegistryPrefix.MatchesAny(reference, allowed))
            {
                return;
            }

            report(Create(container.Image!.Location, container.Facts.Text, reference, allowed));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA008, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string RegistryNotAllowedDescription = "Lists the registries images may come from in k8s_manifests.allowed_registries. Images from elsewhere bypass the scanning, signing and availability guarantees of the allowed registries. Silent while the option is unset.";

        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowed = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' is not under any allowed registry prefix ({1})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        /// <summary>KMA008 for a short name, shown with the name it normalizes to (<c>nginx</c> is <c>docker.io/library/nginx</c>).</summary>
        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowedNormalized = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}', that is '{1}', is not under any allowed registry prefix ({2})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        /// <summary>KMA008 for an image that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowedFrom = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' ({2}) is not under any allowed registry prefix ({1})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        /// <summary>KMA008 for the image an Aspire app host composes.</summary>
        internal static readonly DiagnosticDescriptor KMA008_AspireRegistryNotAllowed = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' that Aspire composes from {1} is not under any allowed registry prefix ({2})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);
    }
}
