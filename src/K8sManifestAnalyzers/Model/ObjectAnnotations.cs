namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Well-known annotations that name a Secret or a ConfigMap, or that hand an Ingress's TLS Secrets to cert-manager.
    /// A controller, not the pod spec, reads these objects, so the names count as uses.
    /// </summary>
    public static class ObjectAnnotations
    {
        /// <summary>cert-manager's ingress-shim issues the Ingress's <c>tls[].secretName</c> Secrets from this ClusterIssuer.</summary>
        public const string CertManagerClusterIssuer = "cert-manager.io/cluster-issuer";

        /// <summary>The same, from an Issuer of the Ingress's namespace.</summary>
        public const string CertManagerIssuer = "cert-manager.io/issuer";

        /// <summary>With the value <c>true</c>, cert-manager issues the TLS Secrets from its default issuer.</summary>
        public const string TlsAcme = "kubernetes.io/tls-acme";

        // Annotations whose value names a Secret, as `name` or `namespace/name`.
        private static readonly string[] SecretAnnotations =
        {
            "nginx.ingress.kubernetes.io/auth-secret",
            "nginx.ingress.kubernetes.io/auth-tls-secret",
            "nginx.ingress.kubernetes.io/proxy-ssl-secret",
            "nginx.org/basic-auth-secret",
            "cert-manager.io/inject-ca-from-secret",
        };

        // Annotations whose value names a ConfigMap, as `name` or `namespace/name`.
        private static readonly string[] ConfigMapAnnotations =
        {
            "nginx.ingress.kubernetes.io/auth-proxy-set-headers",
            "nginx.ingress.kubernetes.io/custom-headers",
        };

        /// <summary>True when the annotation makes cert-manager create the Ingress's TLS Secrets.</summary>
        public static bool IssuesTlsSecrets(string key, string? value) =>
            key is CertManagerClusterIssuer or CertManagerIssuer
            || (key == TlsAcme && value == "true");

        /// <summary>
        /// True when the annotation names a Secret (<paramref name="isSecret"/>) or a ConfigMap; then
        /// <paramref name="name"/> is the name and <paramref name="namespace"/> the namespace written before a
        /// <c>/</c>, or <see langword="null"/> (the annotated object's).
        /// </summary>
        public static bool TryReadObjectName(string key, string? value, out bool isSecret, out string? @namespace, out string name)
        {
            isSecret = System.Array.IndexOf(SecretAnnotations, key) >= 0;
            @namespace = null;
            name = string.Empty;
            if ((!isSecret && System.Array.IndexOf(ConfigMapAnnotations, key) < 0) || string.IsNullOrWhiteSpace(value))
            {
                return false;
            }

            string text = value!.Trim();
            int slash = text.IndexOf('/');
            if (slash >= 0)
            {
                // ingress-nginx reads `/name` as the annotated object's namespace, like `name`.
                @namespace = slash > 0 ? text.Substring(0, slash) : null;
                text = text.Substring(slash + 1);
            }

            name = text;
            return name.Length > 0;
        }
    }
}
