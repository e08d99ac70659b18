namespace K8sManifestAnalyzers
{
    /// <summary>
    /// Rule ids. They are a contract: users' .editorconfig files, suppressions and CI refer to them.
    /// </summary>
    public static class DiagnosticIds
    {
        /// <summary>KMA001: a container sets no imagePullPolicy.</summary>
        public const string MissingPullPolicy = "KMA001";

        /// <summary>KMA002: an imagePullPolicy value the API server rejects.</summary>
        public const string InvalidPullPolicy = "KMA002";

        /// <summary>KMA003: IfNotPresent or Never with a mutable image.</summary>
        public const string StalePolicyForMutableImage = "KMA003";

        /// <summary>KMA004: an image reference the grammar rejects.</summary>
        public const string InvalidImageReference = "KMA004";

        /// <summary>KMA005: an image with the tag latest, or with no tag and no digest.</summary>
        public const string MutableImageTag = "KMA005";

        /// <summary>KMA006: a container with no image or an empty one.</summary>
        public const string MissingImage = "KMA006";

        /// <summary>KMA007: imagePullPolicy Never.</summary>
        public const string NeverPullPolicy = "KMA007";

        /// <summary>KMA008: an image outside k8s_manifests.allowed_registries.</summary>
        public const string RegistryNotAllowed = "KMA008";

        /// <summary>KMA009: a k8s_manifests option entry that can never match.</summary>
        public const string OptionNeverMatches = "KMA009";

        /// <summary>KMA010: an image from a registry its owner froze or moved.</summary>
        public const string MovedRegistry = "KMA010";

        /// <summary>KMA011: an image without a digest (off by default).</summary>
        public const string DigestRequired = "KMA011";

        /// <summary>KMA012: a pull policy other than Always (off by default).</summary>
        public const string AlwaysPullRequired = "KMA012";

        /// <summary>KMA101: an imagePullSecrets name that no Secret in the compilation defines.</summary>
        public const string UndefinedPullSecret = "KMA101";

        /// <summary>KMA102: a docker-registry Secret that no pod spec or service account references.</summary>
        public const string UnusedRegistrySecret = "KMA102";

        /// <summary>KMA103: a private-registry image in a pod spec with no pull secret.</summary>
        public const string MissingPullSecret = "KMA103";

        /// <summary>KMA104: a pull secret whose type or key the kubelet ignores.</summary>
        public const string PullSecretWrongType = "KMA104";

        /// <summary>KMA105: a registry credential written in source.</summary>
        public const string HardCodedRegistryCredential = "KMA105";

        /// <summary>KMA106: an empty or duplicate imagePullSecrets entry.</summary>
        public const string InvalidPullSecretEntry = "KMA106";

        /// <summary>KMA201: a [ContainerImage] repository that is not a valid repository name.</summary>
        public const string InvalidImageDeclaration = "KMA201";

        /// <summary>KMA202: a constant tag or digest the grammar rejects, passed to a generated builder.</summary>
        public const string InvalidTagOrDigest = "KMA202";

        /// <summary>KMA203: the mutable tag latest passed to a generated builder.</summary>
        public const string MutableTagInBuilder = "KMA203";

        /// <summary>KMA204: a [ContainerImage] class the generator cannot extend.</summary>
        public const string ImageTypeNotExtensible = "KMA204";

        /// <summary>KMA205: a [ContainerImage] pull secret that is not a valid Secret name.</summary>
        public const string InvalidPullSecretName = "KMA205";

        /// <summary>KMA206: [ContainerImage] in a project below C# 8.</summary>
        public const string ImageBuildersNeedCSharp8 = "KMA206";

        /// <summary>KMA207: a member of a [ContainerImage] class has the name of a generated member.</summary>
        public const string GeneratedMemberConflict = "KMA207";

        /// <summary>KMA111: a reference to a Secret defined nowhere.</summary>
        public const string UndefinedSecret = "KMA111";

        /// <summary>KMA112: a key a Secret does not define.</summary>
        public const string MissingSecretKey = "KMA112";

        /// <summary>KMA113: a Secret nothing references.</summary>
        public const string UnusedSecret = "KMA113";

        /// <summary>KMA114: a reference to a ConfigMap defined nowhere.</summary>
        public const string UndefinedConfigMap = "KMA114";

        /// <summary>KMA115: a key a ConfigMap does not define.</summary>
        public const string MissingConfigMapKey = "KMA115";

        /// <summary>KMA116: a ConfigMap nothing references.</summary>
        public const string UnusedConfigMap = "KMA116";

        /// <summary>KMA117: a constant credential in an env var's value or a ConfigMap's data.</summary>
        public const string CredentialInEnvValue = "KMA117";

        /// <summary>KMA119: two env entries of one container with the same name; the later one wins.</summary>
        public const string DuplicateEnvName = "KMA119";

        /// <summary>KMA118: a pod spec names a service account defined nowhere.</summary>
        public const string UndefinedServiceAccount = "KMA118";

        /// <summary>KMA301: a YAML file given to the compiler that is not valid YAML.</summary>
        public const string UnreadableYaml = "KMA301";

        /// <summary>KMA302: a YAML file with template expressions (Helm), not analyzed.</summary>
        public const string YamlTemplateSkipped = "KMA302";
    }
}
