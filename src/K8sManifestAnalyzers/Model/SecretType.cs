namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Kubernetes' facts about Secrets used as image pull secrets: the kubelet takes credentials only from a
    /// <c>kubernetes.io/dockerconfigjson</c> Secret with a <c>.dockerconfigjson</c> key, or a legacy
    /// <c>kubernetes.io/dockercfg</c> Secret with a <c>.dockercfg</c> key; any other Secret is silently ignored.
    /// </summary>
    public static class SecretType
    {
        /// <summary>The current docker-registry Secret type.</summary>
        public const string DockerConfigJson = "kubernetes.io/dockerconfigjson";

        /// <summary>The legacy docker-registry Secret type.</summary>
        public const string DockerCfg = "kubernetes.io/dockercfg";

        /// <summary>What an unset type defaults to.</summary>
        public const string Opaque = "Opaque";

        /// <summary>The data key of a <see cref="DockerConfigJson"/> Secret.</summary>
        public const string DockerConfigJsonKey = ".dockerconfigjson";

        /// <summary>The data key of a <see cref="DockerCfg"/> Secret.</summary>
        public const string DockerCfgKey = ".dockercfg";

        /// <summary>True for the two types whose Secrets feed the kubelet's registry keyring.</summary>
        public static bool IsDockerRegistry(string? type) => type is DockerConfigJson or DockerCfg;

        /// <summary>The data key a docker-registry type requires, or <see langword="null"/> for other types.</summary>
        public static string? KeyFor(string? type) => type switch
        {
            DockerConfigJson => DockerConfigJsonKey,
            DockerCfg => DockerCfgKey,
            _ => null,
        };

        /// <summary>True for a data key that only docker-registry Secrets use.</summary>
        public static bool IsDockerRegistryKey(string? key) => key is DockerConfigJsonKey or DockerCfgKey;
    }
}
