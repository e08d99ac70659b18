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

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA118, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string UndefinedServiceAccountTitle = "Service account is not defined";

        private const string UndefinedServiceAccountDescription = "A pod whose serviceAccountName (or deprecated serviceAccount) names a service account that does not exist in its namespace is rejected by the API server at admission: a Deployment, StatefulSet, DaemonSet or Job creates no pods, and the only trace is a FailedCreate event on its controller. The account 'default' exists in every namespace. Reported only when the project creates service accounts in code; list those created elsewhere in k8s_manifests.external_service_accounts.";

        /// <summary>KMA118; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA118_UndefinedServiceAccount = Create(
            DiagnosticIds.UndefinedServiceAccount,
            UndefinedServiceAccountTitle,
            "No service account named '{0}' is defined for {1} in this compilation: the API server rejects the pods at admission, so a Deployment gets no pods and only a FailedCreate event; if it is created outside this code, list it in k8s_manifests.external_service_accounts",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedServiceAccountDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA118 with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA118_UndefinedServiceAccountClosest = Create(
            DiagnosticIds.UndefinedServiceAccount,
            UndefinedServiceAccountTitle,
            "No service account named '{0}' is defined for {1} in this compilation; did you mean '{2}'? The API server rejects the pods at admission, so a Deployment gets no pods and only a FailedCreate event; if it is created outside this code, list it in k8s_manifests.external_service_accounts",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedServiceAccountDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA118 when an account of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA118_UndefinedServiceAccountInOtherNamespace = Create(
            DiagnosticIds.UndefinedServiceAccount,
            UndefinedServiceAccountTitle,
            "No service account named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': a pod can use only a service account of its own namespace, so the API server rejects the pods at admission and a Deployment gets no pods, only a FailedCreate event; if it is created outside this code, list it in k8s_manifests.external_service_accounts",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedServiceAccountDescription,
            reportedAtCompilationEnd: true);
    }
}
