using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// The registry-credential rule of the per-body host (<see cref="ContainerAnalyzer"/>): hands KMA105
    /// (<see cref="HardCodedRegistryCredentialRule"/>) what <see cref="RegistryCredentialReader"/> reads of constant
    /// strings, in any project, and of the data of docker-registry Secrets where the pull-secret types are referenced.
    /// </summary>
    internal static class RegistryCredentialRuleSet
    {
        /// <summary>The descriptors the registry-credential rule reports.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(K8sManifestAnalyzers.Descriptors.KMA105_HardCodedRegistryCredential);

        /// <summary>Whether <see cref="Analyze"/> judges operations of this kind when the KubernetesClient types are absent.</summary>
        internal static bool IsConstantStringKind(OperationKind kind) => RegistryCredentialReader.IsConstantStringKind(kind);

        /// <summary>
        /// Judges one operation of a body: a literal, interpolated string, concatenation or UTF-8 literal holding a docker
        /// config with a credential (reported once, on the outermost constant); with <paramref name="types"/> that have
        /// the pull-secret types, new V1Secret of a docker-registry type with a constant credential under its data key.
        /// Docker config JSON leaks whether or not KubernetesClient is referenced, so <paramref name="types"/> may be null.
        /// </summary>
        internal static void Analyze(Action<Diagnostic> report, AnalyzerOptions options, IOperation operation, KubernetesTypes? types)
        {
            if (RegistryCredentialReader.IsConstantStringKind(operation.Kind))
            {
                if (RegistryCredentialReader.ReadConstantString(operation, out var constant))
                {
                    HardCodedRegistryCredentialRule.CheckConstantString(report, constant);
                }
            }
            else if (operation is IObjectCreationOperation creation && types is { HasPullSecretTypes: true } && types.IsSecret(creation.Type))
            {
                foreach (var payload in RegistryCredentialReader.ReadSecret(creation))
                {
                    HardCodedRegistryCredentialRule.CheckSecretPayload(report, payload);
                }
            }
        }
    }
}
