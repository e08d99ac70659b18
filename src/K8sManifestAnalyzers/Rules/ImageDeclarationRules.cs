using System;
using System.Threading;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The entry of the declaration rules, KMA201 to KMA207, for <see cref="Analyzers.ContainerImageAnalyzer"/>: it reads
    /// a [ContainerImage] declaration once (with the generator's own parser checks, <see cref="ImageDeclaration"/>) or
    /// picks out a builder call, and hands it to each rule in the order they report: on a declaration KMA206
    /// (<see cref="ImageBuildersNeedCSharp8Rule"/>), KMA204 (<see cref="ImageTypeNotExtensibleRule"/>), KMA207
    /// (<see cref="GeneratedMemberConflictRule"/>), KMA201 (<see cref="InvalidImageDeclarationRule"/>), KMA008 on a
    /// declared repository outside the allowed registries (<see cref="RegistryNotAllowedRule"/>) and KMA205
    /// (<see cref="InvalidPullSecretNameRule"/>); on each constant argument of a builder call KMA202
    /// (<see cref="InvalidTagOrDigestRule"/>) and KMA203 (<see cref="MutableTagInBuilderRule"/>).
    /// </summary>
    internal static class ImageDeclarationRules
    {
        /// <summary>KMA201, KMA204 to KMA207 and KMA008 on one type's [ContainerImage] declaration.</summary>
        internal static void CheckDeclaration(Action<Diagnostic> report, ISymbol symbol, INamedTypeSymbol attributeType, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken)
        {
            // The generator uses the first [ContainerImage]; a second one is the compiler's CS0579.
            if (symbol is not INamedTypeSymbol type
                || ImageDeclaration.Read(type, cancellationToken) is not { Syntax: { } syntax } declaration
                || !SymbolEqualityComparer.Default.Equals(declaration.Attribute.AttributeClass, attributeType))
            {
                return;
            }

            ImageBuildersNeedCSharp8Rule.Check(report, declaration, syntax);
            ImageTypeNotExtensibleRule.Check(report, declaration);
            GeneratedMemberConflictRule.Check(report, declaration);

            var arguments = syntax.ArgumentList?.Arguments ?? default;
            var repositoryLocation = arguments.Count > 0 ? arguments[0].GetLocation() : syntax.GetLocation();
            InvalidImageDeclarationRule.Check(report, declaration, repositoryLocation);
            RegistryNotAllowedRule.CheckDeclaration(report, analyzerOptions, declaration, repositoryLocation);
            InvalidPullSecretNameRule.Check(report, declaration, syntax);
        }

        /// <summary>KMA202 and KMA203 on the constant arguments of a generated builder call.</summary>
        internal static void CheckBuilderCall(Action<Diagnostic> report, IOperation operation, INamedTypeSymbol attributeType, INamedTypeSymbol? imageReference)
        {
            if (operation is not IInvocationOperation invocation)
            {
                return;
            }

            var method = invocation.TargetMethod;
            bool isBuilder = method.Name is "Tag" or "Digest" or "TagAndDigest" && method.IsStatic && HasAttribute(method.ContainingType, attributeType);
            bool isWith = method.Name is "WithTag" or "WithDigest" && imageReference is not null
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, imageReference);
            if (!isBuilder && !isWith)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.ConstantValue is not { HasValue: true, Value: string value } || argument.Parameter is null)
                {
                    continue;
                }

                InvalidTagOrDigestRule.Check(report, argument, value);
                MutableTagInBuilderRule.Check(report, method, argument, value);
            }
        }

        private static bool HasAttribute(INamedTypeSymbol? type, INamedTypeSymbol attributeType)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
