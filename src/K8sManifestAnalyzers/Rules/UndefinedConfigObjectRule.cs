using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA111 (Secret) and KMA114 (ConfigMap): a non-optional reference to an object defined nowhere in the
    /// compilation for a compatible namespace, while the compilation defines objects of that kind (the project
    /// manages them in code) or the name is a small edit away from a defined one. Suggests that one.
    /// </summary>
    internal static class UndefinedConfigObjectRule
    {
        internal static void Check(Action<Diagnostic> report, AnalyzerOptions options, ConfigObjectIndex index)
        {
            foreach (var reference in index.References)
            {
                if (reference.Name is not { } name || index.Defined(reference.Kind, name, reference.Namespace).Count > 0)
                {
                    continue;
                }

                bool secret = reference.Kind == ConfigKind.Secret;
                if (PullSecretIndex.AnyCompatible(secret ? index.ComputedSecretNamespaces : index.ComputedConfigMapNamespaces, reference.Namespace)
                    || ConfigObjectIndex.IsExternal(options, reference))
                {
                    continue;
                }

                string? closest = index.Closest(reference.Kind, name, reference.Namespace);
                if (closest is null && !(secret ? index.DefinesSecrets : index.DefinesConfigMaps))
                {
                    // The project does not create objects of this kind in code: they come from elsewhere.
                    continue;
                }

                report(Diagnostic.Create(
                    secret ? Descriptors.KMA111_UndefinedSecret : Descriptors.KMA114_UndefinedConfigMap,
                    reference.Location,
                    RuleProperties.Replacement(closest),
                    name,
                    reference.Namespace is null ? string.Empty : $" in namespace '{reference.Namespace}'",
                    closest is null ? string.Empty : $" (did you mean '{closest}'?)"));
            }
        }
    }
}
