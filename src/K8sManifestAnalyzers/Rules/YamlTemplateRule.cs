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

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA302, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string YamlTemplateDescription =
            "A .yaml or .yml file given to the compiler (AdditionalFiles), or a constant string handed to KubernetesYaml, that contains '{{ ... }}' outside a comment line is a template (Helm, or another Go template): its values are known only when it is rendered. It is skipped, said once per file or string; give the compiler the rendered manifests, or leave templates out of AdditionalFiles.";

        internal static readonly DiagnosticDescriptor KMA302_YamlTemplateSkipped = Create(
            DiagnosticIds.YamlTemplateSkipped,
            "YAML file with template expressions is not analyzed",
            "The file holds template expressions ('{0}'), so it is YAML only once rendered; it was not analyzed: analyze the rendered manifests (helm template) instead",
            Categories.Usage,
            DiagnosticSeverity.Info,
            YamlTemplateDescription);

        /// <summary>KMA302 for a constant string handed to KubernetesClient's YAML entry points.</summary>
        internal static readonly DiagnosticDescriptor KMA302_YamlLiteralTemplateSkipped = Create(
            DiagnosticIds.YamlTemplateSkipped,
            "YAML file with template expressions is not analyzed",
            "The string holds template expressions ('{0}'), so it is YAML only once rendered; it was not analyzed",
            Categories.Usage,
            DiagnosticSeverity.Info,
            YamlTemplateDescription);
    }
}
