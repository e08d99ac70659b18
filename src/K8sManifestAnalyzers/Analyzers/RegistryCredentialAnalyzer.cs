using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of KMA105 (<see cref="HardCodedRegistryCredentialRule"/>): constant strings anywhere, and the data of
    /// docker-registry Secrets where KubernetesClient is referenced.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegistryCredentialAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMA105_HardCodedRegistryCredential);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

            // Credentials in docker config JSON leak whether or not KubernetesClient is referenced.
            context.RegisterOperationAction(c => HardCodedRegistryCredentialRule.CheckConstantString(c.ReportDiagnostic, c.Operation), OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary, OperationKind.Utf8String);
            context.RegisterCompilationStartAction(start =>
            {
                if (KubernetesTypes.TryCreate(start.Compilation) is { } types && types.HasPullSecretTypes)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            if (c.Operation is IObjectCreationOperation creation && types.IsSecret(creation.Type))
                            {
                                HardCodedRegistryCredentialRule.CheckSecret(c.ReportDiagnostic, creation);
                            }
                        },
                        OperationKind.ObjectCreation);
                }
            });
        }
    }
}
