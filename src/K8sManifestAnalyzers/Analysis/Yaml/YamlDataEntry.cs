namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// One entry of a ConfigMap's <c>data</c>, or of a Secret's <c>data</c> or <c>stringData</c>, in YAML: the object's
    /// kind and type, the key and the value, for KMA105 (registry credentials in a docker-registry Secret) and KMA117
    /// (credentials in a ConfigMap).
    /// </summary>
    internal sealed class YamlDataEntry
    {
        internal YamlDataEntry(bool inSecret, string? secretType, string key, YamlValue value)
        {
            InSecret = inSecret;
            SecretType = secretType;
            Key = key;
            Value = value;
        }

        /// <summary>True for a Secret's entry, false for a ConfigMap's.</summary>
        internal bool InSecret { get; }

        /// <summary>The Secret's <c>type</c> when written as a string; null for a ConfigMap.</summary>
        internal string? SecretType { get; }

        internal string Key { get; }

        internal YamlValue Value { get; }
    }
}
