namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>How one model type references a Secret or ConfigMap: the kind, the site, the name property, keys and items.</summary>
    internal sealed class ConfigReferenceShape
    {
        internal ConfigReferenceShape(ConfigKind kind, ConfigReferenceSite site, string nameProperty, bool hasKey, bool hasItems)
        {
            Kind = kind;
            Site = site;
            NameProperty = nameProperty;
            HasKey = hasKey;
            HasItems = hasItems;
        }

        internal ConfigKind Kind { get; }

        internal ConfigReferenceSite Site { get; }

        /// <summary><c>Name</c>, or <c>SecretName</c> for secret volumes and Ingress TLS.</summary>
        internal string NameProperty { get; }

        /// <summary>A single <c>Key</c> (key selectors).</summary>
        internal bool HasKey { get; }

        /// <summary><c>Items</c> of <c>V1KeyToPath</c>, each with a <c>Key</c> (volumes and projections).</summary>
        internal bool HasItems { get; }
    }
}
