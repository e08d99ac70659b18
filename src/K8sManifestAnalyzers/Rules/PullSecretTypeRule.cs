using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA104: a Secret used as a pull secret whose type the kubelet ignores (Opaque, none) or whose docker-registry
    /// type lacks its data key. The fix sets the type that matches the key the Secret has.
    /// </summary>
    internal static class PullSecretTypeRule
    {
        internal static void Check(Action<Diagnostic> report, PullSecretIndex index)
        {
            foreach (var secret in index.Referenced)
            {
                Check(report, secret);
            }
        }

        private static void Check(Action<Diagnostic> report, SecretFact secret)
        {
            if (!secret.TypeKnown)
            {
                return;
            }

            string type = secret.Type ?? SecretType.Opaque;
            string? problem = null;
            if (!SecretType.IsDockerRegistry(type))
            {
                problem = (secret.Type is null ? "it has no type, so it is Opaque" : $"its type is '{type}'")
                    + ": the kubelet ignores it and pulls without credentials";
            }
            else if (secret.KeysKnown && !secret.Keys.Contains(SecretType.KeyFor(type)!))
            {
                problem = $"its type '{type}' needs the data key '{SecretType.KeyFor(type)}': the API server rejects the Secret without it";
            }

            if (problem is null)
            {
                return;
            }

            string? replacement = secret.Keys.Contains(SecretType.DockerConfigJsonKey) ? SecretType.DockerConfigJson
                : secret.Keys.Contains(SecretType.DockerCfgKey) ? SecretType.DockerCfg
                : null;
            var properties = secret.InYaml ? null : RuleProperties.Replacement(replacement == type ? null : replacement);
            report(Diagnostic.Create(Descriptors.KMA104_PullSecretWrongType, secret.TypeLocation ?? secret.CreationLocation, properties, secret.Name, problem));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA104, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA104_PullSecretWrongType = Create(
            DiagnosticIds.PullSecretWrongType,
            "Pull secret has the wrong type or key",
            "Secret '{0}' is used as an image pull secret but {1}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "The kubelet reads credentials only from a kubernetes.io/dockerconfigjson Secret with a .dockerconfigjson key, or a kubernetes.io/dockercfg Secret with a .dockercfg key. Any other Secret named in imagePullSecrets is silently ignored.",
            reportedAtCompilationEnd: true);
    }
}
