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
        /// <summary>The descriptors <see cref="Check"/> reports, for the <c>SupportedDiagnostics</c> of both hosts.</summary>
        internal static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA001_YamlMissingPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA001_YamlMissingVolumePullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA003_YamlStalePolicyForMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA003_YamlNeverWithMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReference,
            K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTag,
            K8sManifestAnalyzers.Descriptors.KMA006_YamlMissingImage,
            K8sManifestAnalyzers.Descriptors.KMA007_YamlNeverPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA008_RegistryNotAllowed,
            K8sManifestAnalyzers.Descriptors.KMA008_RegistryNotAllowedNormalized,
            K8sManifestAnalyzers.Descriptors.KMA010_MovedRegistry,
            K8sManifestAnalyzers.Descriptors.KMA010_MovedRegistryNoFix,
            K8sManifestAnalyzers.Descriptors.KMA011_DigestRequired,
            K8sManifestAnalyzers.Descriptors.KMA012_YamlAlwaysPullRequired);

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
