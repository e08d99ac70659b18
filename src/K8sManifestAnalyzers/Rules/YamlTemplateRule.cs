using System;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA302: a YAML file with template expressions (Helm), skipped; said once, on the first expression.</summary>
    internal static class YamlTemplateRule
    {
        internal static void Check(Action<Diagnostic> report, YamlManifest manifest)
        {
            if (manifest is { Template: { } template, ProblemAt: { } at })
            {
                report(Diagnostic.Create(Descriptors.KMA302_YamlTemplateSkipped, at, template));
            }
        }
    }
}
