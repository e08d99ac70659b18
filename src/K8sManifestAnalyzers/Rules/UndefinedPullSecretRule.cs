using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA101: an <c>imagePullSecrets</c> entry naming a Secret defined nowhere in the compilation (nor listed as
    /// external): the kubelet skips it and pulls anonymously. Suggests the closest docker-registry Secret, or else
    /// names the closest Secret of another type (without a fix: it would be KMA104's case).
    /// </summary>
    internal static class UndefinedPullSecretRule
    {
        /// <summary>Checks every reference that finds no Secret.</summary>
        internal static void Check(Action<Diagnostic> report, AnalyzerOptions options, PullSecretIndex index)
        {
            foreach (var reference in index.Unresolved)
            {
                if (reference.InYaml && index.SecretsByName.Count == 0)
                {
                    // A YAML manifest's pull secret in a project that defines no Secret at all, in C# or YAML: such
                    // Secrets are created elsewhere (`kubectl create secret docker-registry` in CI, a sealed secret), as
                    // KMA111 assumes for the Secrets of a project that creates none.
                    continue;
                }

                if (!PullSecretIndex.AnyCompatible(index.ComputedSecretNamespaces, reference.Namespace) && !PullSecretIndex.IsExternal(options, reference))
                {
                    Report(report, reference, index);
                }
            }
        }

        // The suggestion looks only at docker-registry Secrets, only for the references that are undefined, and
        // through an index of their names: a project with a thousand such Secrets and as many misspelt references
        // does not compare every pair.
        private static void Report(Action<Diagnostic> report, PullSecretReferenceFact reference, PullSecretIndex index)
        {
            int position = index.RegistrySecretNames.Closest(
                reference.Name!,
                candidate => PullSecretIndex.SameNamespace(index.RegistrySecrets[candidate].Namespace, reference.Namespace));
            string? closest = position < 0 ? null : index.RegistrySecrets[position].Name;
            string where = reference.Namespace is null ? string.Empty : $" in namespace '{reference.Namespace}'";
            if (closest is null && index.ClosestOtherTypeSecret(reference.Name!, reference.Namespace) is { } otherType)
            {
                // `corp-regisrty` beside an Opaque `corp-registry`: say so, with KMA104's advice. No fix: renaming
                // would only trade this finding for KMA104.
                report(Diagnostic.Create(
                    Descriptors.KMA101_UndefinedPullSecretClosestWrongType,
                    reference.Location,
                    reference.Name,
                    where,
                    otherType.Name,
                    otherType.Type ?? Model.SecretType.Opaque));
                return;
            }

            var properties = reference.InYaml ? null : RuleProperties.Replacement(closest);
            report(Diagnostic.Create(
                Descriptors.KMA101_UndefinedPullSecret,
                reference.Location,
                properties,
                reference.Name,
                where,
                RuleProperties.DidYouMean(closest)));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA101, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string UndefinedPullSecretDescription = "The API server accepts imagePullSecrets that name a Secret that does not exist. The kubelet skips it and pulls without credentials. List Secrets created outside this code in k8s_manifests.external_pull_secrets.";

        internal static readonly DiagnosticDescriptor KMA101_UndefinedPullSecret = Create(
            DiagnosticIds.UndefinedPullSecret,
            "Pull secret is not defined",
            "No Secret named '{0}'{1} is defined in this compilation: the kubelet skips a missing pull secret and pulls anonymously, so a private image ends in ImagePullBackOff{2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedPullSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA101 when the closest defined name is a Secret the kubelet would ignore as a pull secret (KMA104's case).</summary>
        internal static readonly DiagnosticDescriptor KMA101_UndefinedPullSecretClosestWrongType = Create(
            DiagnosticIds.UndefinedPullSecret,
            "Pull secret is not defined",
            "No Secret named '{0}'{1} is defined in this compilation: the kubelet skips a missing pull secret and pulls anonymously, so a private image ends in ImagePullBackOff; did you mean '{2}'? It is of type '{3}': a pull secret must be of type kubernetes.io/dockerconfigjson with a .dockerconfigjson key (or kubernetes.io/dockercfg with .dockercfg), or the kubelet ignores it too",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedPullSecretDescription,
            reportedAtCompilationEnd: true);
    }
}
