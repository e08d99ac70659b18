using System;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA301: a YAML file the parser rejects, once, where the parser stopped, with its message.</summary>
    internal static class UnreadableYamlRule
    {
        internal static void Check(Action<Diagnostic> report, YamlManifest manifest)
        {
            if (manifest is { ParseError: { } error, ProblemAt: { } at })
            {
                report(Diagnostic.Create(Descriptors.KMA301_UnreadableYaml, at, error));
            }
        }
    }
}
