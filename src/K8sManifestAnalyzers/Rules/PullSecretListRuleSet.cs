using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The pull-secret list rule of the per-body host (<see cref="Analyzers.ContainerAnalyzer"/>): KMA106
    /// (<see cref="InvalidPullSecretEntryRule"/>) on the ImagePullSecrets lists of pod specs and service accounts written,
    /// passed to a KubernetesClient 17 constructor, or added to (in the body, or by a helper of the compilation), as
    /// <see cref="PullSecretListReader"/> reads them.
    /// </summary>
    internal static class PullSecretListRuleSet
    {
        /// <summary>The descriptors the pull-secret list rule reports.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(K8sManifestAnalyzers.Descriptors.KMA106_InvalidPullSecretEntry);

        /// <summary>Judges what one operation of a body writes to or adds to ImagePullSecrets lists.</summary>
        internal static void Analyze(Action<Diagnostic> report, AnalyzerOptions options, PullSecretListFacts facts) =>
            InvalidPullSecretEntryRule.Check(report, facts);
    }
}
