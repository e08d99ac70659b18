using System;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA301: a YAML file the parser rejects, once, where the parser stopped, with its message.</summary>
    internal static class UnreadableYamlRule
    {
        internal static void Check(Action<Diagnostic> report, YamlManifest manifest) => Check(report, manifest, Descriptors.KMA301_UnreadableYaml);

        /// <summary>The same for a constant string handed to KubernetesClient's YAML entry points (YamlLiteralAnalyzer).</summary>
        internal static void CheckLiteral(Action<Diagnostic> report, YamlManifest manifest) => Check(report, manifest, Descriptors.KMA301_UnreadableYamlLiteral);

        private static void Check(Action<Diagnostic> report, YamlManifest manifest, DiagnosticDescriptor descriptor)
        {
            if (manifest is { ParseError: { } error, ProblemAt: { } at })
            {
                report(Diagnostic.Create(descriptor, at, error));
            }
        }
    }
}
