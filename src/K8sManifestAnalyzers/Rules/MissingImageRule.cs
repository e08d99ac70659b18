using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA006: a container created without an image, or with a null or empty one.</summary>
    internal static class MissingImageRule
    {
        internal static void Check(Action<Diagnostic> report, ContainerModel container)
        {
            if (container.IsImageVolume)
            {
                // About containers: an image volume without a reference fails validation on its own terms.
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
                report(Diagnostic.Create(Descriptors.KMA006_MissingImage, container.At, missing));
            }
        }
    

        /// <summary>A container of a YAML manifest with no image, or a null or empty one, on the container's name.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.IsImageVolume)
            {
                return;
            }

            string? missing = container.Image switch
            {
                null => "no image",
                { IsScalar: true, Text: null } => "a null image",
                { IsScalar: true, Text: { Length: 0 } } => "an empty image",
                _ => null,
            };

            if (missing is not null)
            {
                report(Diagnostic.Create(Descriptors.KMA006_YamlMissingImage, container.At, container.Display, missing));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA006, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA006_MissingImage = Create(
            DiagnosticIds.MissingImage,
            "Container has no image",
            "Container is created {0}: the API server rejects the object with 'image: Required value'",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "Every container, init container and ephemeral container needs an image. Only a mutating admission webhook could still supply one.");

        /// <summary>KMA006 for a container of a YAML manifest ({1}: no image, a null image, an empty image).</summary>
        internal static readonly DiagnosticDescriptor KMA006_YamlMissingImage = Create(
            DiagnosticIds.MissingImage,
            "Container has no image",
            "Container {0} has {1}: the API server rejects the object with 'image: Required value'",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "Every container, init container and ephemeral container needs an image. Only a mutating admission webhook could still supply one.");
    }
}
