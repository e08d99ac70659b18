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
