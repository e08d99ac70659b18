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
    /// KMA005: an image that is not pinned: the tag latest, a tag <c>k8s_manifests.mutable_tags</c> lists, or no tag and
    /// no digest.
    /// </summary>
    internal static class MutableImageRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, ImageFacts image, MutableTags tags, ValueLocation? through = null)
        {
            if (image.Reference is not { } reference || !tags.IsMutable(reference))
            {
                return;
            }

            Report(report, through ?? ValueLocation.Of(written, constant), image.Text, reference.Tag);
        }

        /// <summary>An image with known and unknown parts whose tag is known: <c>$"{repository}:latest"</c>, <c>$"{registry}/app"</c>.</summary>
        internal static void CheckPartial(Action<Diagnostic> report, ManifestValue written, PartialValue partial, PartialImageReference image, MutableTags tags, ValueLocation? through = null)
        {
            if (!tags.IsMutable(image))
            {
                return;
            }

            Report(report, through ?? ValueLocation.Of(written, partial), partial.Pattern, image.IsUntagged ? null : image.Tag);
        }

        /// <summary>Why an image with this tag (null: none) is mutable, as the rules word it after the image.</summary>
        internal static string Why(string? tag) =>
            tag is null ? "has no tag or digest, so it means 'latest'"
            : tag == MutableTags.Latest ? "uses the tag 'latest'"
            : $"uses the tag '{tag}', which k8s_manifests.mutable_tags lists as mutable";

        private static void Report(Action<Diagnostic> report, ValueLocation where, string image, string? tag)
        {
            string why = Why(tag);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA005_MutableImageTag, where.Location, image, why)
                : Diagnostic.Create(Descriptors.KMA005_MutableImageTagFrom, where.Location, image, why, where.From));
        }
    
        /// <summary>
        /// The image an Aspire app host composes: on the argument that gives the tag, or, when no call gives one (Aspire
        /// then uses latest), on the image argument.
        /// </summary>
        internal static void CheckAspire(Action<Diagnostic> report, AspireImage image, MutableTags tags)
        {
            string? tag;
            if (image.Reference is { } reference)
            {
                if (!tags.IsMutable(reference))
                {
                    return;
                }

                tag = reference.Tag;
            }
            else if (image.Partial is { Problem: null } partial && tags.IsMutable(partial))
            {
                tag = partial.IsUntagged ? null : partial.Tag;
            }
            else
            {
                return;
            }

            report(image.TagDefaulted
                ? Diagnostic.Create(Descriptors.KMA005_AspireDefaultTag, image.TagAt, image.ImageArgument, image.ImageCall, image.Text)
                : Diagnostic.Create(Descriptors.KMA005_AspireMutableTag, image.TagAt, image.Text, image.Calls, Why(tag)));
        }
    

        /// <summary>An image of a YAML manifest that is not pinned, on the value.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container, MutableTags tags)
        {
            if (container.Facts?.Reference is not { } reference || !tags.IsMutable(reference))
            {
                return;
            }

            report(Diagnostic.Create(Descriptors.KMA005_MutableImageTag, container.Image!.Location, container.Facts.Text, Why(reference.Tag)));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA005, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string MutableImageDescription = "An image with the tag 'latest', or with no tag and no digest (which means 'latest'), names whatever was pushed last. Rollbacks cannot return to a known build and nodes may run different builds.";

        internal static readonly DiagnosticDescriptor KMA005_MutableImageTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' {1}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        /// <summary>KMA005 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA005_MutableImageTagFrom = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' ({2}) {1}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        /// <summary>KMA005 for an Aspire container resource given no tag: Aspire uses 'latest'.</summary>
        internal static readonly DiagnosticDescriptor KMA005_AspireDefaultTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' passed to {1} has no tag or digest, so Aspire uses 'latest' ('{2}'): what runs changes whenever the tag is pushed again; give a version tag (WithImageTag) or a digest (WithImageSHA256)",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        /// <summary>KMA005 for the image an Aspire app host composes with a mutable tag.</summary>
        internal static readonly DiagnosticDescriptor KMA005_AspireMutableTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' that Aspire composes from {1} {2}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);
    }
}
