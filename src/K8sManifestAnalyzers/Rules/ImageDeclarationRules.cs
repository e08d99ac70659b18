using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The entry of the declaration rules, KMA201 to KMA207, for the per-body host <see cref="Analyzers.ContainerAnalyzer"/>: it hands
    /// a [ContainerImage] declaration read once (<see cref="ImageDeclarationSite"/>, by
    /// <see cref="ImageDeclarationReader"/>), or a builder call (<see cref="TagOrDigestCall"/>), to each rule in the order they
    /// report: on a declaration KMA206 (<see cref="ImageBuildersNeedCSharp8Rule"/>), KMA204
    /// (<see cref="ImageTypeNotExtensibleRule"/>), KMA207 (<see cref="GeneratedMemberConflictRule"/>), KMA201
    /// (<see cref="InvalidImageDeclarationRule"/>), KMA008 on a declared repository outside the allowed registries
    /// (<see cref="RegistryNotAllowedRule"/>) and KMA205 (<see cref="InvalidPullSecretNameRule"/>); on each constant
    /// argument of a builder call KMA202 (<see cref="InvalidTagOrDigestRule"/>) and KMA203
    /// (<see cref="MutableTagInBuilderRule"/>).
    /// </summary>
    internal static class ImageDeclarationRules
    {
        /// <summary>The descriptors the declaration rules report (KMA008's are the image rules' too).</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA201_InvalidImageDeclaration,
            K8sManifestAnalyzers.Descriptors.KMA202_InvalidTagOrDigest,
            K8sManifestAnalyzers.Descriptors.KMA203_MutableTagInBuilder,
            K8sManifestAnalyzers.Descriptors.KMA204_ImageTypeNotExtensible,
            K8sManifestAnalyzers.Descriptors.KMA205_InvalidPullSecretName,
            K8sManifestAnalyzers.Descriptors.KMA206_ImageBuildersNeedCSharp8,
            K8sManifestAnalyzers.Descriptors.KMA207_GeneratedMemberConflict);

        /// <summary>KMA201, KMA204 to KMA207 and KMA008 on one type's [ContainerImage] declaration.</summary>
        internal static void CheckDeclaration(Action<Diagnostic> report, ImageDeclarationSite site, AnalyzerOptions analyzerOptions)
        {
            var declaration = site.Declaration;
            ImageBuildersNeedCSharp8Rule.Check(report, declaration, site.Attribute);
            ImageTypeNotExtensibleRule.Check(report, declaration, site.Type);
            GeneratedMemberConflictRule.Check(report, site);
            InvalidImageDeclarationRule.Check(report, declaration, site.Repository);
            RegistryNotAllowedRule.CheckDeclaration(report, analyzerOptions, declaration, site.Repository);
            InvalidPullSecretNameRule.Check(report, declaration, site.PullSecret);
        }

        /// <summary>KMA202 and KMA203 on the constant arguments of a generated builder call.</summary>
        internal static void CheckBuilderCall(Action<Diagnostic> report, TagOrDigestCall call)
        {
            foreach (var argument in call.ConstantArguments)
            {
                InvalidTagOrDigestRule.Check(report, argument);
                MutableTagInBuilderRule.Check(report, call, argument);
            }
        }
    }
}
