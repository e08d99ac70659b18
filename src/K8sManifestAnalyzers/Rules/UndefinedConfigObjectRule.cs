using System;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA111 (Secret) and KMA114 (ConfigMap): a non-optional reference to an object defined nowhere in the
    /// compilation for a compatible namespace, while the compilation defines objects of that kind (the project
    /// manages them in code) or the name is a small edit away from a defined one. The message says what the absence
    /// does at the reference's site, and points to an object of that name in another namespace, or else to the
    /// closest name, which the fix writes.
    /// </summary>
    internal static class UndefinedConfigObjectRule
    {
        internal static void Check(Action<Diagnostic> report, AnalyzerOptions options, ConfigObjectIndex index)
        {
            foreach (var reference in index.References)
            {
                if (!reference.IsUseOnly && reference.Name is null && reference.NamePattern is { } pattern)
                {
                    CheckPattern(report, options, index, reference, pattern);
                    continue;
                }

                if (reference.IsUseOnly || reference.Name is not { } name || index.Defined(reference.Kind, name, reference.Namespace, reference.NamespacePattern).Count > 0)
                {
                    continue;
                }

                bool secret = reference.Kind == ConfigKind.Secret;
                if (ConfigObjectIndex.AnyCompatible(secret ? index.ComputedSecretNamespaces : index.ComputedConfigMapNamespaces, reference.Namespace, reference.NamespacePattern)
                    || ConfigObjectIndex.IsExternal(options, reference))
                {
                    continue;
                }

                // The right name in the wrong namespace: renaming would not help, so no fix.
                if (index.OtherNamespace(reference.Kind, name, reference.Namespace, reference.NamespacePattern) is { } other)
                {
                    report(Diagnostic.Create(Descriptor(reference, Hint.OtherNamespace), reference.Location, name, reference.Namespace ?? reference.NamespacePattern!.Display, other));
                    continue;
                }

                string? closest = index.Closest(reference.Kind, name, reference.Namespace, reference.NamespacePattern);
                if (closest is null && !(secret ? index.DefinesSecrets : index.DefinesConfigMaps))
                {
                    // The project does not create objects of this kind in code: they come from elsewhere.
                    continue;
                }

                string where = reference.Where;
                report(closest is null
                    ? Diagnostic.Create(Descriptor(reference, Hint.None), reference.Location, name, where)
                    : Diagnostic.Create(Descriptor(reference, Hint.Closest), reference.Location, reference.InYaml ? null : RuleProperties.Replacement(closest), name, where, closest));
            }
        }

        // A name computed with constant parts (`$"{tenant}-db"`): reported when no defined object is a name those parts
        // allow (and none has a name computed without them), in the reference's namespace or, with that hint, in another.
        private static void CheckPattern(Action<Diagnostic> report, AnalyzerOptions options, ConfigObjectIndex index, ConfigReferenceFact reference, Model.NamePattern pattern)
        {
            bool secret = reference.Kind == ConfigKind.Secret;
            if (!(secret ? index.DefinesSecrets : index.DefinesConfigMaps)
                || index.DefinedLike(reference.Kind, pattern, reference.Namespace, reference.NamespacePattern).Count > 0
                || ConfigObjectIndex.AnyCompatible(secret ? index.ComputedSecretNamespaces : index.ComputedConfigMapNamespaces, reference.Namespace, reference.NamespacePattern)
                || ConfigObjectIndex.IsExternalLike(options, reference, pattern))
            {
                return;
            }

            string display = pattern.Display;
            if (reference.Namespace is not null || reference.NamespacePattern is not null)
            {
                string? other = null;
                foreach (var (candidate, _, _) in index.DefinedLike(reference.Kind, pattern, null))
                {
                    if (candidate is not null && !ConfigObjectIndex.Compatible(candidate, reference.Namespace, reference.NamespacePattern) && (other is null || string.CompareOrdinal(candidate, other) < 0))
                    {
                        other = candidate;
                    }
                }

                if (other is not null)
                {
                    report(Diagnostic.Create(Descriptor(reference, Hint.OtherNamespace), reference.Location, display, reference.Namespace ?? reference.NamespacePattern!.Display, other));
                    return;
                }
            }

            report(Diagnostic.Create(Descriptor(reference, Hint.None), reference.Location, display, reference.Where));
        }

        private enum Hint
        {
            None,
            Closest,
            OtherNamespace,
        }

        // One descriptor per site and hint; a ConfigMap is referenced only from env and volumes.
        private static DiagnosticDescriptor Descriptor(ConfigReferenceFact reference, Hint hint) => (reference.Kind, reference.Site, hint) switch
        {
            (ConfigKind.Secret, ConfigReferenceSite.Volume, Hint.None) => Descriptors.KMA111_UndefinedSecretInVolume,
            (ConfigKind.Secret, ConfigReferenceSite.Volume, Hint.Closest) => Descriptors.KMA111_UndefinedSecretInVolumeClosest,
            (ConfigKind.Secret, ConfigReferenceSite.Volume, _) => Descriptors.KMA111_UndefinedSecretInVolumeInOtherNamespace,
            (ConfigKind.Secret, ConfigReferenceSite.IngressTls, Hint.None) => Descriptors.KMA111_UndefinedSecretInIngressTls,
            (ConfigKind.Secret, ConfigReferenceSite.IngressTls, Hint.Closest) => Descriptors.KMA111_UndefinedSecretInIngressTlsClosest,
            (ConfigKind.Secret, ConfigReferenceSite.IngressTls, _) => Descriptors.KMA111_UndefinedSecretInIngressTlsInOtherNamespace,
            (ConfigKind.Secret, ConfigReferenceSite.ServiceAccount, Hint.None) => Descriptors.KMA111_UndefinedSecretInServiceAccount,
            (ConfigKind.Secret, ConfigReferenceSite.ServiceAccount, Hint.Closest) => Descriptors.KMA111_UndefinedSecretInServiceAccountClosest,
            (ConfigKind.Secret, ConfigReferenceSite.ServiceAccount, _) => Descriptors.KMA111_UndefinedSecretInServiceAccountInOtherNamespace,
            (ConfigKind.Secret, _, Hint.None) => Descriptors.KMA111_UndefinedSecret,
            (ConfigKind.Secret, _, Hint.Closest) => Descriptors.KMA111_UndefinedSecretClosest,
            (ConfigKind.Secret, _, _) => Descriptors.KMA111_UndefinedSecretInOtherNamespace,
            (_, ConfigReferenceSite.Volume, Hint.None) => Descriptors.KMA114_UndefinedConfigMapInVolume,
            (_, ConfigReferenceSite.Volume, Hint.Closest) => Descriptors.KMA114_UndefinedConfigMapInVolumeClosest,
            (_, ConfigReferenceSite.Volume, _) => Descriptors.KMA114_UndefinedConfigMapInVolumeInOtherNamespace,
            (_, _, Hint.None) => Descriptors.KMA114_UndefinedConfigMap,
            (_, _, Hint.Closest) => Descriptors.KMA114_UndefinedConfigMapClosest,
            _ => Descriptors.KMA114_UndefinedConfigMapInOtherNamespace,
        };
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA111 and KMA114, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string UndefinedSecretDescription = "A reference in env, envFrom or a volume to a Secret that does not exist stops the pod on the node; an Ingress whose TLS Secret does not exist is served with the ingress controller's default certificate. Optional references, and the TLS Secrets of an Ingress annotated for cert-manager, are not reported. List Secrets created outside this code (by an operator, sealed-secrets, external-secrets, Helm) in k8s_manifests.external_secrets.";

        private const string UndefinedConfigMapDescription = "A reference in env, envFrom or a volume to a ConfigMap that does not exist stops the pod on the node. Optional references are not reported. List ConfigMaps created outside this code in k8s_manifests.external_config_maps.";

        /// <summary>KMA111 for env or envFrom; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecret = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation: a container that reads it from env or envFrom does not start (CreateContainerConfigError); if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for env or envFrom, with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretClosest = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation; did you mean '{2}'? A container that reads it from env or envFrom does not start (CreateContainerConfigError); if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for env or envFrom, when an object of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInOtherNamespace = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': a pod sees only the Secrets of its own namespace, so a container that reads it from env or envFrom does not start (CreateContainerConfigError); if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for a volume or projected source; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInVolume = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation: a pod that mounts it stays in ContainerCreating (FailedMount); if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for a volume or projected source, with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInVolumeClosest = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation; did you mean '{2}'? A pod that mounts it stays in ContainerCreating (FailedMount); if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for a volume or projected source, when an object of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInVolumeInOtherNamespace = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': a pod sees only the Secrets of its own namespace, so a pod that mounts it stays in ContainerCreating (FailedMount); if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for an Ingress's TLS; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInIngressTls = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation: the ingress controller serves its default, usually self-signed, certificate for the Ingress's TLS hosts; if cert-manager issues it, annotate the Ingress with cert-manager.io/cluster-issuer or cert-manager.io/issuer; if it is created elsewhere, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for an Ingress's TLS, with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInIngressTlsClosest = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation; did you mean '{2}'? The ingress controller serves its default, usually self-signed, certificate for the Ingress's TLS hosts; if cert-manager issues it, annotate the Ingress with cert-manager.io/cluster-issuer or cert-manager.io/issuer; if it is created elsewhere, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for an Ingress's TLS, when an object of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInIngressTlsInOtherNamespace = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': an Ingress sees only the Secrets of its own namespace, so the ingress controller serves its default, usually self-signed, certificate for the Ingress's TLS hosts; if cert-manager issues it, annotate the Ingress with cert-manager.io/cluster-issuer or cert-manager.io/issuer; if it is created elsewhere, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for a service account's secrets; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInServiceAccount = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation: the service account lists a Secret that does not exist, and the entry grants nothing; if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for a service account's secrets, with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInServiceAccountClosest = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for {1} in this compilation; did you mean '{2}'? The service account lists a Secret that does not exist, and the entry grants nothing; if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA111 for a service account's secrets, when an object of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA111_UndefinedSecretInServiceAccountInOtherNamespace = Create(
            DiagnosticIds.UndefinedSecret,
            "Secret is not defined",
            "No Secret named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': a service account sees only the Secrets of its own namespace, so the entry grants nothing; if it is created outside this code, list it in k8s_manifests.external_secrets",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA114 for env or envFrom; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA114_UndefinedConfigMap = Create(
            DiagnosticIds.UndefinedConfigMap,
            "ConfigMap is not defined",
            "No ConfigMap named '{0}' is defined for {1} in this compilation: a container that reads it from env or envFrom does not start (CreateContainerConfigError); if it is created outside this code, list it in k8s_manifests.external_config_maps",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedConfigMapDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA114 for env or envFrom, with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA114_UndefinedConfigMapClosest = Create(
            DiagnosticIds.UndefinedConfigMap,
            "ConfigMap is not defined",
            "No ConfigMap named '{0}' is defined for {1} in this compilation; did you mean '{2}'? A container that reads it from env or envFrom does not start (CreateContainerConfigError); if it is created outside this code, list it in k8s_manifests.external_config_maps",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedConfigMapDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA114 for env or envFrom, when an object of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA114_UndefinedConfigMapInOtherNamespace = Create(
            DiagnosticIds.UndefinedConfigMap,
            "ConfigMap is not defined",
            "No ConfigMap named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': a pod sees only the ConfigMaps of its own namespace, so a container that reads it from env or envFrom does not start (CreateContainerConfigError); if it is created outside this code, list it in k8s_manifests.external_config_maps",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedConfigMapDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA114 for a volume or projected source; {1} is the namespace it is looked for in.</summary>
        internal static readonly DiagnosticDescriptor KMA114_UndefinedConfigMapInVolume = Create(
            DiagnosticIds.UndefinedConfigMap,
            "ConfigMap is not defined",
            "No ConfigMap named '{0}' is defined for {1} in this compilation: a pod that mounts it stays in ContainerCreating (FailedMount); if it is created outside this code, list it in k8s_manifests.external_config_maps",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedConfigMapDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA114 for a volume or projected source, with the closest defined name.</summary>
        internal static readonly DiagnosticDescriptor KMA114_UndefinedConfigMapInVolumeClosest = Create(
            DiagnosticIds.UndefinedConfigMap,
            "ConfigMap is not defined",
            "No ConfigMap named '{0}' is defined for {1} in this compilation; did you mean '{2}'? A pod that mounts it stays in ContainerCreating (FailedMount); if it is created outside this code, list it in k8s_manifests.external_config_maps",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedConfigMapDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA114 for a volume or projected source, when an object of that name is defined in another namespace.</summary>
        internal static readonly DiagnosticDescriptor KMA114_UndefinedConfigMapInVolumeInOtherNamespace = Create(
            DiagnosticIds.UndefinedConfigMap,
            "ConfigMap is not defined",
            "No ConfigMap named '{0}' is defined for namespace '{1}' in this compilation, but one is defined in namespace '{2}': a pod sees only the ConfigMaps of its own namespace, so a pod that mounts it stays in ContainerCreating (FailedMount); if it is created outside this code, list it in k8s_manifests.external_config_maps",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedConfigMapDescription,
            reportedAtCompilationEnd: true);
    }
}
