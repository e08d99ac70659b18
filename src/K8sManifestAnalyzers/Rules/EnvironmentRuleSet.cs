using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The environment rules of the per-body host (<see cref="Analyzers.ContainerAnalyzer"/>): KMA117
    /// (<see cref="CredentialInEnvValueRule"/>) and KMA119 (<see cref="DuplicateEnvNameRule"/>), judged on the facts the C#
    /// front-end (<see cref="EnvironmentReader"/>) reads from one operation of a body.
    /// </summary>
    internal static class EnvironmentRuleSet
    {
        /// <summary>The descriptors the environment rules report.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValue,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValueFrom,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMap,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMapFrom,
            K8sManifestAnalyzers.Descriptors.KMA119_DuplicateEnvName);

        /// <summary>Judges the facts of one operation; nothing when it shows none (null).</summary>
        internal static void Check(Action<Diagnostic> report, EnvironmentFacts? facts)
        {
            if (facts is null)
            {
                return;
            }

            CredentialInEnvValueRule.Check(report, facts);
            DuplicateEnvNameRule.Check(report, facts);
        }
    }
}
