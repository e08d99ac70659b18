using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA113 (Secret) and KMA116 (ConfigMap): an object that nothing in the compilation references. Docker-registry
    /// Secrets are KMA102's; service-account-token Secrets are used by the token controller, not by name.
    /// </summary>
    internal static class UnusedConfigObjectRule
    {
        private const string ServiceAccountToken = "kubernetes.io/service-account-token";

        internal static void Check(Action<Diagnostic> report, ConfigObjectIndex index)
        {
            foreach (var bucket in index.Secrets.Values)
            {
                foreach (var secret in bucket)
                {
                    if (secret.TypeKnown && !SecretType.IsDockerRegistry(secret.Type) && secret.Type != ServiceAccountToken
                        && secret.NameLocation is { } location
                        && !Referenced(index.SecretReferences, index.ComputedSecretReferenceNamespaces, secret.Name!, secret.Namespace)
                        && !index.ReferencedByPattern(ConfigKind.Secret, secret.Name!, secret.Namespace))
                    {
                        report(Diagnostic.Create(Descriptors.KMA113_UnusedSecret, location, secret.Name));
                    }
                }
            }

            foreach (var bucket in index.ConfigMaps.Values)
            {
                foreach (var map in bucket)
                {
                    if (map.NameLocation is { } location
                        && !Referenced(index.ConfigMapReferences, index.ComputedConfigMapReferenceNamespaces, map.Name!, map.Namespace)
                        && !index.ReferencedByPattern(ConfigKind.ConfigMap, map.Name!, map.Namespace))
                    {
                        report(Diagnostic.Create(Descriptors.KMA116_UnusedConfigMap, location, map.Name));
                    }
                }
            }
        }

        private static bool Referenced(Dictionary<string, List<string?>> references, List<string?> computed, string name, string? @namespace) =>
            PullSecretIndex.AnyCompatible(computed, @namespace)
            || (references.TryGetValue(name, out var namespaces) && PullSecretIndex.AnyCompatible(namespaces, @namespace));
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA113 and KMA116, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA113_UnusedSecret = Create(
            DiagnosticIds.UnusedSecret,
            "Secret is not used",
            "Secret '{0}' is not referenced by any pod spec, service account or Ingress in this compilation",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            "A Secret nothing references is dead configuration, and a credential nobody rotates. Off by default: Secrets are often consumed outside C# (Helm charts, controllers, annotations this package does not know); turn it on in projects that create every consumer in C#.",
            isEnabledByDefault: false,
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA116_UnusedConfigMap = Create(
            DiagnosticIds.UnusedConfigMap,
            "ConfigMap is not used",
            "ConfigMap '{0}' is not referenced by any pod spec in this compilation",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            "A ConfigMap nothing references is dead configuration, or a sign that a reference is misspelt. Off by default: ConfigMaps are often consumed outside C# (Helm charts, controllers); turn it on in projects that create every consumer in C#.",
            isEnabledByDefault: false,
            reportedAtCompilationEnd: true);
    }
}
