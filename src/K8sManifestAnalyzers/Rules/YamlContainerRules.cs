using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Yaml;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The image and pull-policy rules (KMA001 to KMA008, KMA010 to KMA012) on the containers of a YAML manifest, in one
    /// place for both YAML hosts (files and C# literals), so that a rule added to one is added to both.
    /// </summary>
    internal static class YamlContainerRules
    {
        internal static void Check(Action<Diagnostic> report, ImmutableArray<YamlContainer> containers, MutableTags tags, ImmutableArray<string> allowed)
        {
            foreach (var container in containers)
            {
                MissingPullPolicyRule.CheckYaml(report, container);
                InvalidPullPolicyRule.CheckYaml(report, container);
                StalePullPolicyRule.CheckYaml(report, container, tags);
                NeverPullPolicyRule.CheckYaml(report, container);
                AlwaysPullRequiredRule.CheckYaml(report, container);
                MissingImageRule.CheckYaml(report, container);
                InvalidImageRule.CheckYaml(report, container);
                MutableImageRule.CheckYaml(report, container, tags);
                RegistryNotAllowedRule.CheckYaml(report, allowed, container);
                MovedRegistryRule.CheckYaml(report, container);
                DigestRequiredRule.CheckYaml(report, container);
            }
        }
    }
}
