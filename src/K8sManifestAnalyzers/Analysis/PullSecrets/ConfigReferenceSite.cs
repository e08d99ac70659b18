namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>Where a Secret or ConfigMap is referenced, which decides what its absence does.</summary>
    internal enum ConfigReferenceSite
    {
        /// <summary><c>env[].valueFrom</c> key selectors and <c>envFrom</c> sources: the container does not start (CreateContainerConfigError).</summary>
        Environment,

        /// <summary>Volumes and projected volume sources: the pod stays in ContainerCreating (FailedMount).</summary>
        Volume,

        /// <summary>An Ingress's <c>tls[].secretName</c>: the ingress controller serves its default certificate.</summary>
        IngressTls,

        /// <summary>A service account's <c>secrets</c>: the entry grants nothing.</summary>
        ServiceAccount,

        /// <summary>A well-known annotation that names the object (ingress-nginx, cert-manager): a use, never judged.</summary>
        Annotation,
    }
}
