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

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA301, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string UnreadableYamlDescription =
            "A .yaml or .yml file given to the compiler (AdditionalFiles), or a constant string handed to KubernetesYaml.Deserialize, LoadFromString or LoadAllFromString, is read as Kubernetes manifests. When the YAML parser rejects it, kubectl apply and KubernetesYaml reject it too, and none of its containers is checked. Reported once per file, where the parser stopped, or once per string, on the string.";

        internal static readonly DiagnosticDescriptor KMA301_UnreadableYaml = Create(
            DiagnosticIds.UnreadableYaml,
            "YAML file cannot be parsed",
            "The file is not valid YAML: {0}; kubectl rejects it, and no rule could read it",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UnreadableYamlDescription);

        /// <summary>KMA301 for a constant string handed to KubernetesClient's YAML entry points.</summary>
        internal static readonly DiagnosticDescriptor KMA301_UnreadableYamlLiteral = Create(
            DiagnosticIds.UnreadableYaml,
            "YAML file cannot be parsed",
            "The string is not valid YAML: {0}; KubernetesYaml throws on it, and no rule could read it",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UnreadableYamlDescription);
    }
}
