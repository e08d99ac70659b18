using System;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA204: a [ContainerImage] class the generator cannot add members to: not partial, nested in a type that is not,
    /// generic or file-local.
    /// </summary>
    internal static class ImageTypeNotExtensibleRule
    {
        /// <summary>The declaration; <paramref name="type"/> is the class's first declaration.</summary>
        internal static void Check(Action<Diagnostic> report, ImageDeclaration declaration, Location type)
        {
            if (declaration.NotExtensible is { } shape)
            {
                report(Diagnostic.Create(Descriptors.KMA204_ImageTypeNotExtensible, type, shape));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA204, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA204_ImageTypeNotExtensible = Create(
            DiagnosticIds.ImageTypeNotExtensible,
            "[ContainerImage] class cannot be extended",
            "{0}: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The builders are generated as another part of the class.");
    }
}
