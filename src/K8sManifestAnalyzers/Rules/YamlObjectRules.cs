using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Yaml;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The rules on env lists, pull-secret lists and object data (KMA105, KMA106, KMA117, KMA119) on a YAML manifest, in
    /// one place for both YAML hosts (files and C# strings), beside <see cref="YamlContainerRules"/>.
    /// </summary>
    internal static class YamlObjectRules
    {
        /// <summary>The descriptors <see cref="Check"/> reports, for the <c>SupportedDiagnostics</c> of both hosts.</summary>
        internal static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA105_HardCodedRegistryCredential,
            K8sManifestAnalyzers.Descriptors.KMA106_InvalidPullSecretEntry,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValue,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMap,
            K8sManifestAnalyzers.Descriptors.KMA119_DuplicateEnvName,
            K8sManifestAnalyzers.Descriptors.KMA119_YamlDuplicateEnvNameLater);

        /// <summary>Judges the env lists of <paramref name="manifest"/>'s containers, its pull-secret lists and its data entries.</summary>
        internal static void Check(Action<Diagnostic> report, YamlManifest manifest, Func<CredentialName> names)
        {
            CredentialName? credentialNames = null;
            foreach (var container in manifest.Containers)
            {
                if (container.Env.IsEmpty)
                {
                    continue;
                }

                DuplicateEnvNameRule.CheckYaml(report, container, manifest.Fallback);
                CredentialInEnvValueRule.CheckYaml(report, container, credentialNames ??= names());
            }

            foreach (var list in manifest.PullSecretLists)
            {
                InvalidPullSecretEntryRule.CheckList(report, list);
            }

            foreach (var entry in manifest.DataEntries)
            {
                HardCodedRegistryCredentialRule.CheckYaml(report, entry);
                if (!entry.InSecret)
                {
                    CredentialInEnvValueRule.CheckYaml(report, entry, credentialNames ??= names());
                }
            }
        }
    }
}
