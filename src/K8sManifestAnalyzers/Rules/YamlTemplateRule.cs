using System;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA302: a YAML file with template expressions (Helm), skipped; said once, on the first expression.</summary>
    internal static class YamlTemplateRule
    {
        internal static void Check(Action<Diagnostic> report, YamlManifest manifest) => Check(report, manifest, Descriptors.KMA302_YamlTemplateSkipped);

        /// <summary>The same for a constant string handed to KubernetesClient's YAML entry points (YamlLiteralAnalyzer).</summary>
        internal static void CheckLiteral(Action<Diagnostic> report, YamlManifest manifest) => Check(report, manifest, Descriptors.KMA302_YamlLiteralTemplateSkipped);

        private static void Check(Action<Diagnostic> report, YamlManifest manifest, DiagnosticDescriptor descriptor)
        {
            if (manifest is { Template: { } template, ProblemAt: { } at })
            {
                report(Diagnostic.Create(descriptor, at, template));
            }
        }
    }
}
