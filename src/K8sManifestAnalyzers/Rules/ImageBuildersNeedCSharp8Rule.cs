using System;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA206: a [ContainerImage] declaration in a file compiled before C# 8; the builders need nullable annotations.</summary>
    internal static class ImageBuildersNeedCSharp8Rule
    {
        /// <summary>The declaration; <paramref name="attribute"/> is where its attribute is written.</summary>
        internal static void Check(Action<Diagnostic> report, ImageDeclaration declaration, Location attribute)
        {
            if (declaration.OldLanguage is { } version)
            {
                report(Diagnostic.Create(Descriptors.KMA206_ImageBuildersNeedCSharp8, attribute, version.ToDisplayString()));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA206, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA206_ImageBuildersNeedCSharp8 = Create(
            DiagnosticIds.ImageBuildersNeedCSharp8,
            "[ContainerImage] needs C# 8 or later",
            "The image builders need C# 8 or later (nullable annotations); this project compiles C# {0}, so no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Set <LangVersion> to 8.0 or later to use [ContainerImage]. Projects below C# 8 that do not use the attribute are not affected.");
    }
}
