using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA102: a docker-registry Secret that no pod spec, service account or builder declaration names.</summary>
    internal static class UnusedRegistrySecretRule
    {
        internal static void Check(Action<Diagnostic> report, PullSecretIndex index)
        {
            foreach (var bucket in index.SecretsByName.Values)
            {
                foreach (var secret in bucket)
                {
                    // A computed reference in a compatible namespace may name it.
                    if (secret.IsDockerRegistry && !index.Referenced.Contains(secret) && secret.NameLocation is { } location
                        && !PullSecretIndex.AnyCompatible(index.ComputedReferenceNamespaces, secret.Namespace))
                    {
                        report(Diagnostic.Create(Descriptors.KMA102_UnusedRegistrySecret, location, secret.Name));
                    }
                }
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA102, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA102_UnusedRegistrySecret = Create(
            DiagnosticIds.UnusedRegistrySecret,
            "Docker-registry Secret is not used",
            "Docker-registry Secret '{0}' is not referenced by any pod spec or service account in this compilation",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            "A registry credential that no imagePullSecrets list names is either dead weight or a sign that a reference is misspelt.",
            reportedAtCompilationEnd: true);
    }
}
