using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of the compile-time checks of the typed image builders (<see cref="ImageDeclarationRules"/>): KMA201 and
    /// KMA204 to KMA207 (and KMA008) on [ContainerImage] declarations; KMA202 and KMA203 on builder calls. The
    /// declarations and calls are read by <see cref="ImageDeclarationReader"/>; the rules get only what it read.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContainerImageAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA201_InvalidImageDeclaration,
            Descriptors.KMA202_InvalidTagOrDigest,
            Descriptors.KMA203_MutableTagInBuilder,
            Descriptors.KMA204_ImageTypeNotExtensible,
            Descriptors.KMA205_InvalidPullSecretName,
            Descriptors.KMA206_ImageBuildersNeedCSharp8,
            Descriptors.KMA207_GeneratedMemberConflict,
            Descriptors.KMA008_RegistryNotAllowed,
            Descriptors.KMA008_RegistryNotAllowedNormalized);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var facts = CompilationFacts.For(start.Compilation);
                var attribute = facts.ImageAttribute;
                if (attribute is null)
                {
                    return;
                }

                start.RegisterSymbolAction(
                    c =>
                    {
                        if (ImageDeclarationReader.ReadDeclaration(c.Symbol, attribute, c.CancellationToken) is { } site)
                        {
                            ImageDeclarationRules.CheckDeclaration(c.ReportDiagnostic, site, c.Options);
                        }
                    },
                    SymbolKind.NamedType);

                // The builder methods whose arguments KMA202 and KMA203 check exist only where the generator wrote the
                // support types (a valid declaration at C# 8 or later): without them, no call can be one.
                if (facts.ImageReference is { } imageReference)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            if (ImageDeclarationReader.ReadTagOrDigestCall(c.Operation, attribute, imageReference) is { } call)
                            {
                                ImageDeclarationRules.CheckBuilderCall(c.ReportDiagnostic, call);
                            }
                        },
                        OperationKind.Invocation);
                }
            });
        }
    }
}
