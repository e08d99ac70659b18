using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA112 (Secret) and KMA115 (ConfigMap): a non-optional key reference (<c>secretKeyRef.key</c>,
    /// <c>configMapKeyRef.key</c>, <c>items[].key</c>) to an object defined with constant keys that lacks it. Objects
    /// with computed keys, or written after creation in a way that is not followed, are not judged.
    /// </summary>
    internal static class MissingConfigKeyRule
    {
        internal static void Check(Action<Diagnostic> report, ConfigObjectIndex index)
        {
            foreach (var reference in index.References)
            {
                if (reference.IsUseOnly || reference.Keys.Count == 0 || (reference.Name is null && reference.NamePattern is null))
                {
                    continue;
                }

                // A name with constant parts (`$"{tenant}-db"`) is judged against every object those parts allow.
                string name = reference.Name ?? reference.NamePattern!.Display;
                var defined = reference.Name is { } constant
                    ? index.Defined(reference.Kind, constant, reference.Namespace, reference.NamespacePattern)
                    : index.DefinedLike(reference.Kind, reference.NamePattern!, reference.Namespace, reference.NamespacePattern);
                if (reference.Name is null && ConfigObjectIndex.AnyCompatible(reference.Kind == ConfigKind.Secret ? index.ComputedSecretNamespaces : index.ComputedConfigMapNamespaces, reference.Namespace, reference.NamespacePattern))
                {
                    continue;
                }

                bool judged = defined.Count > 0;
                foreach (var (_, keysKnown, _) in defined)
                {
                    judged &= keysKnown;
                }

                if (!judged)
                {
                    continue;
                }

                foreach (var (key, location) in reference.Keys)
                {
                    string? closest = null;
                    int best = int.MaxValue;
                    bool present = false;
                    foreach (var (_, _, keys) in defined)
                    {
                        present |= keys.Contains(key);
                        foreach (var candidate in keys)
                        {
                            if (NameDistance.CloseDistance(key, candidate) is > 0 and var distance && distance < best)
                            {
                                best = distance;
                                closest = candidate;
                            }
                        }
                    }

                    if (!present)
                    {
                        report(Diagnostic.Create(
                            reference.Kind == ConfigKind.Secret ? Descriptors.KMA112_MissingSecretKey : Descriptors.KMA115_MissingConfigMapKey,
                            location,
                            reference.InYaml ? null : RuleProperties.Replacement(closest),
                            name,
                            key,
                            RuleProperties.DidYouMean(closest)));
                    }
                }
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA112 and KMA115, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA112_MissingSecretKey = Create(
            DiagnosticIds.MissingSecretKey,
            "Secret has no such key",
            "Secret '{0}' defines no key '{1}': a pod that needs it does not start (CreateContainerConfigError for env, FailedMount for a volume){2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "secretKeyRef.key and items[].key must name a key of the Secret's data; unless the reference is optional the kubelet does not start the container.",
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA115_MissingConfigMapKey = Create(
            DiagnosticIds.MissingConfigMapKey,
            "ConfigMap has no such key",
            "ConfigMap '{0}' defines no key '{1}': a pod that needs it does not start (CreateContainerConfigError for env, FailedMount for a volume){2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "configMapKeyRef.key and items[].key must name a key of the ConfigMap's data or binaryData; unless the reference is optional the kubelet does not start the container.",
            reportedAtCompilationEnd: true);
    }
}
