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
