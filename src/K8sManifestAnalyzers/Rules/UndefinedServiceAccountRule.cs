using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA118: a pod spec names a service account defined nowhere in the compilation for a compatible namespace, while
    /// the compilation defines service accounts (the project manages them in code). The API server rejects such pods at
    /// admission. The message points to an account of that name in another namespace, or else to the closest name,
    /// which the fix writes. <c>default</c> exists in every namespace and is never judged.
    /// </summary>
    internal static class UndefinedServiceAccountRule
    {
        internal static void Check(Action<Diagnostic> report, AnalyzerOptions options, ServiceAccountIndex index)
        {
            if (!index.DefinesServiceAccounts)
            {
                // The project does not create service accounts in code: they come from elsewhere.
                return;
            }

            foreach (var reference in index.References)
            {
                if (reference.Name is { } name)
                {
                    CheckName(report, options, index, reference, name);
                }
                else if (reference.NamePattern is { } pattern)
                {
                    CheckPattern(report, options, index, reference, pattern);
                }
            }
        }

        private static void CheckName(Action<Diagnostic> report, AnalyzerOptions options, ServiceAccountIndex index, ServiceAccountReferenceFact reference, string name)
        {
            if (index.Defines(name, reference.Namespace, reference.NamespacePattern)
                || ConfigObjectIndex.AnyCompatible(index.ComputedNamespaces, reference.Namespace, reference.NamespacePattern)
                || ServiceAccountIndex.IsExternal(options, reference))
            {
                return;
            }

            // The right name in the wrong namespace: renaming would not help, so no fix.
            if (index.OtherNamespace(name, null, reference.Namespace, reference.NamespacePattern) is { } other)
            {
                report(Diagnostic.Create(Descriptors.KMA118_UndefinedServiceAccountInOtherNamespace, reference.Location, name, reference.Namespace ?? reference.NamespacePattern!.Display, other));
                return;
            }

            report(index.Closest(name, reference.Namespace, reference.NamespacePattern) is { } closest
                ? Diagnostic.Create(Descriptors.KMA118_UndefinedServiceAccountClosest, reference.Location, reference.InYaml ? null : RuleProperties.Replacement(closest), name, reference.Where, closest)
                : Diagnostic.Create(Descriptors.KMA118_UndefinedServiceAccount, reference.Location, name, reference.Where));
        }

        // A name computed with constant parts (`$"{tenant}-runner"`): reported, naming the pattern and without a fix,
        // when no defined account is a name those parts allow, and `default` is not one of them.
        private static void CheckPattern(Action<Diagnostic> report, AnalyzerOptions options, ServiceAccountIndex index, ServiceAccountReferenceFact reference, Model.NamePattern pattern)
        {
            if (pattern.Matches("default")
                || index.DefinesLike(pattern, reference.Namespace, reference.NamespacePattern)
                || ConfigObjectIndex.AnyCompatible(index.ComputedNamespaces, reference.Namespace, reference.NamespacePattern)
                || ServiceAccountIndex.IsExternal(options, reference))
            {
                return;
            }

            string display = pattern.Display;
            report(index.OtherNamespace(null, pattern, reference.Namespace, reference.NamespacePattern) is { } other
                ? Diagnostic.Create(Descriptors.KMA118_UndefinedServiceAccountInOtherNamespace, reference.Location, display, reference.Namespace ?? reference.NamespacePattern!.Display, other)
                : Diagnostic.Create(Descriptors.KMA118_UndefinedServiceAccount, reference.Location, display, reference.Where));
        }
    }
}
