using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers
{
    /// <summary>Every diagnostic this package reports, built through one factory.</summary>
    internal static class Descriptors
    {
        /// <summary>
        /// Where the rule pages live; each descriptor links to <c>docs/rules/&lt;ID&gt;.md</c> under it. The address comes
        /// from the <c>RepositoryUrl</c> MSBuild property (Directory.Build.props), the same one the package carries.
        /// </summary>
        internal const string HelpLinkBase = PackageInfo.RepositoryUrl + "/blob/" + PackageInfo.Branch + "/docs/rules/";

        private const string MissingPullPolicyDescription = "When imagePullPolicy is unset the API server defaults it once, at creation: Always for an untagged or ':latest' image, IfNotPresent otherwise. The stored value is not recomputed when the image is later patched, so a container that moves from ':latest' to a pinned tag keeps pulling on every start, and the reverse keeps a stale image.";

        private const string InvalidPullPolicyDescription = "The API server accepts exactly Always, IfNotPresent and Never, compared case-sensitively. Any other value makes the whole object fail validation with 'Unsupported value'.";

        private const string InvalidImageDescription = "The API server does not check the syntax of an image reference. The kubelet parses it with the Docker reference grammar before pulling and fails the container with InvalidImageName when it cannot.";

        private const string MutableImageDescription = "An image with the tag 'latest', or with no tag and no digest (which means 'latest'), names whatever was pushed last. Rollbacks cannot return to a known build and nodes may run different builds.";

        private const string NeverPolicyDescription = "With Never the kubelet never pulls. On a node without the image the container waits with ErrImageNeverPull, and there is no retry that could fix it.";

        private const string StalePolicyDescription = "With IfNotPresent or Never, a node that already has the image never pulls it again. For ':latest' or an untagged image that means different nodes run different builds, and a new push never reaches nodes that had the old one.";

        private const string RegistryNotAllowedDescription = "Lists the registries images may come from in k8s_manifests.allowed_registries. Images from elsewhere bypass the scanning, signing and availability guarantees of the allowed registries. Silent while the option is unset.";

        private const string MissingPullSecretDescription = "Images from the registries listed in k8s_manifests.private_registries, and images a [ContainerImage] declaration gives a pull secret, need credentials. Without imagePullSecrets on the pod spec or its service account, the pull fails with ErrImagePull unless the nodes hold credentials. Silent for other images while the option is unset.";

        private const string UndefinedPullSecretDescription = "The API server accepts imagePullSecrets that name a Secret that does not exist. The kubelet skips it and pulls without credentials. List Secrets created outside this code in k8s_manifests.external_pull_secrets.";

        private const string UndefinedSecretDescription = "A reference in env, envFrom or a volume to a Secret that does not exist stops the pod on the node; an Ingress whose TLS Secret does not exist is served with the ingress controller's default certificate. Optional references, and the TLS Secrets of an Ingress annotated for cert-manager, are not reported. List Secrets created outside this code (by an operator, sealed-secrets, external-secrets, Helm) in k8s_manifests.external_secrets.";

        private const string UndefinedConfigMapDescription = "A reference in env, envFrom or a volume to a ConfigMap that does not exist stops the pod on the node. Optional references are not reported. List ConfigMaps created outside this code in k8s_manifests.external_config_maps.";

        private const string UndefinedServiceAccountTitle = "Service account is not defined";

        private const string UndefinedServiceAccountDescription = "A pod whose serviceAccountName (or deprecated serviceAccount) names a service account that does not exist in its namespace is rejected by the API server at admission: a Deployment, StatefulSet, DaemonSet or Job creates no pods, and the only trace is a FailedCreate event on its controller. The account 'default' exists in every namespace. Reported only when the project creates service accounts in code; list those created elsewhere in k8s_manifests.external_service_accounts.";

        private const string OptionTitle = "Option key or value is not understood";

        private const string OptionDescription = "Options are read silently, so a typo changes what the rules check without a word: an unknown k8s_manifests key is ignored, a value property_defaults does not accept is read as true, an entry of allowed_registries or private_registries that no image can match reports every image of the registry meant or turns KMA103 off for it, and an invalid name in external_pull_secrets, external_secrets, external_config_maps or external_service_accounts excuses nothing, and an entry of mutable_tags that is not a tag marks nothing mutable.";

        internal static readonly DiagnosticDescriptor KMA001_MissingPullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container sets no ImagePullPolicy: the API server will store {0} at creation and keep it when the image changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for an image volume (<c>V1ImageVolumeSource</c>), defaulted like a container.</summary>
        internal static readonly DiagnosticDescriptor KMA001_MissingVolumePullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Image volume sets no PullPolicy: the API server will store {0} at creation and keep it when the reference changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for an image volume whose policy is written on some paths only.</summary>
        internal static readonly DiagnosticDescriptor KMA001_VolumePullPolicyOnSomePaths = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Image volume sets PullPolicy on some paths only: on the others the API server will store {0} at creation and keep it when the reference changes; write it in the initializer",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for a container whose policy is written on some paths only.</summary>
        internal static readonly DiagnosticDescriptor KMA001_PullPolicyOnSomePaths = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container sets ImagePullPolicy on some paths only: on the others the API server will store {0} at creation and keep it when the image changes; write it in the initializer",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for a policy that is empty or null on some paths (an arm, a fallback): the server defaults it there.</summary>
        internal static readonly DiagnosticDescriptor KMA001_EmptyPullPolicyOnSomePaths = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "ImagePullPolicy is empty on some paths: there the API server will store {0} at creation and keep it when the image changes; write Always, IfNotPresent or Never",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        internal static readonly DiagnosticDescriptor KMA002_InvalidPullPolicy = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' is not a valid imagePullPolicy: the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        /// <summary>KMA002 for a value that comes from elsewhere (an option default, a field, a local).</summary>
        internal static readonly DiagnosticDescriptor KMA002_InvalidPullPolicyFrom = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' ({2}) is not a valid imagePullPolicy: the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        /// <summary>
        /// KMA002 for <c>KubernetesEnvironmentResource.DefaultImagePullPolicy</c>, which Aspire.Hosting.Kubernetes writes
        /// on every container it generates without checking it.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA002_AspireInvalidDefaultPullPolicy = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' is not a valid DefaultImagePullPolicy: Aspire writes it unchecked on every container it generates for the environment, and the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        /// <summary>KMA002 for <c>DefaultImagePullPolicy</c> given a value that comes from elsewhere (a constant, a field, a local).</summary>
        internal static readonly DiagnosticDescriptor KMA002_AspireInvalidDefaultPullPolicyFrom = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' ({2}) is not a valid DefaultImagePullPolicy: Aspire writes it unchecked on every container it generates for the environment, and the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        internal static readonly DiagnosticDescriptor KMA003_StalePolicyForMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but ImagePullPolicy is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for <c>Never</c>, which never pulls at all.</summary>
        internal static readonly DiagnosticDescriptor KMA003_NeverWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but ImagePullPolicy is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA003_StalePolicyForMutableImageFrom = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' ({2}) is mutable ({1}) but ImagePullPolicy is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for <c>Never</c> and an image that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA003_NeverWithMutableImageFrom = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' ({2}) is mutable ({1}) but ImagePullPolicy is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for <c>WithImagePullPolicy(ImagePullPolicy.Missing)</c> on an Aspire container resource with a mutable image.</summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireMissingWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' that Aspire composes from {1} is mutable ({2}) but WithImagePullPolicy gives ImagePullPolicy.Missing: nodes keep whatever they pulled first; use ImagePullPolicy.Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>
        /// KMA003 for an Aspire.Hosting.Kubernetes <c>ContainerV1</c> whose ImagePullPolicy is not written: Aspire writes
        /// its default 'IfNotPresent', so the finding goes on the image, where it can be acted on.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireDefaultPolicyWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) and this ContainerV1 does not set ImagePullPolicy, so Aspire writes its default 'IfNotPresent': nodes keep whatever they pulled first; set ImagePullPolicy = \"Always\" or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>
        /// KMA003 for an Aspire container resource with a mutable image, published to a Kubernetes environment whose
        /// DefaultImagePullPolicy is left at Aspire's 'IfNotPresent'.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireEnvironmentDefaultWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' that Aspire composes from {1} is mutable ({2}), and AddKubernetesEnvironment leaves DefaultImagePullPolicy at Aspire's 'IfNotPresent', which Aspire writes on the container it generates: nodes keep whatever they pulled first; set DefaultImagePullPolicy = \"Always\" in WithProperties or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for the same, with DefaultImagePullPolicy written as 'IfNotPresent' (the write is the additional location).</summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireEnvironmentPolicyWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' that Aspire composes from {1} is mutable ({2}), and the Kubernetes environment's DefaultImagePullPolicy is 'IfNotPresent', which Aspire writes on the container it generates: nodes keep whatever they pulled first; set DefaultImagePullPolicy to \"Always\" or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        internal static readonly DiagnosticDescriptor KMA004_InvalidImageReference = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' is not a valid image reference: {1}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidImageDescription);

        /// <summary>KMA004 for an image that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA004_InvalidImageReferenceFrom = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' ({2}) is not a valid image reference: {1}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidImageDescription);

        /// <summary>KMA004 for the image an Aspire app host composes for a container resource.</summary>
        internal static readonly DiagnosticDescriptor KMA004_AspireInvalidImage = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' that Aspire composes from {1} is not a valid image reference: {2}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidImageDescription);

        internal static readonly DiagnosticDescriptor KMA005_MutableImageTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' {1}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        /// <summary>KMA005 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA005_MutableImageTagFrom = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' ({2}) {1}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        /// <summary>KMA005 for an Aspire container resource given no tag: Aspire uses 'latest'.</summary>
        internal static readonly DiagnosticDescriptor KMA005_AspireDefaultTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' passed to {1} has no tag or digest, so Aspire uses 'latest' ('{2}'): what runs changes whenever the tag is pushed again; give a version tag (WithImageTag) or a digest (WithImageSHA256)",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        /// <summary>KMA005 for the image an Aspire app host composes with a mutable tag.</summary>
        internal static readonly DiagnosticDescriptor KMA005_AspireMutableTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' that Aspire composes from {1} {2}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MutableImageDescription);

        internal static readonly DiagnosticDescriptor KMA006_MissingImage = Create(
            DiagnosticIds.MissingImage,
            "Container has no image",
            "Container is created {0}: the API server rejects the object with 'image: Required value'",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "Every container, init container and ephemeral container needs an image. Only a mutating admission webhook could still supply one.");

        internal static readonly DiagnosticDescriptor KMA007_NeverPullPolicy = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "ImagePullPolicy 'Never' starts the pod only on nodes that already have the image; elsewhere it waits in ErrImageNeverPull",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        /// <summary>KMA007 for a value that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA007_NeverPullPolicyFrom = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "ImagePullPolicy 'Never' ({0}) starts the pod only on nodes that already have the image; elsewhere it waits in ErrImageNeverPull",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        /// <summary>KMA007 for <c>WithImagePullPolicy(ImagePullPolicy.Never)</c> on an Aspire container resource.</summary>
        internal static readonly DiagnosticDescriptor KMA007_AspireNeverPullPolicy = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "WithImagePullPolicy(ImagePullPolicy.Never) never pulls '{0}': the container starts only where the image was loaded beforehand",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowed = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' is not under any allowed registry prefix ({1})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        /// <summary>KMA008 for a short name, shown with the name it normalizes to (<c>nginx</c> is <c>docker.io/library/nginx</c>).</summary>
        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowedNormalized = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}', that is '{1}', is not under any allowed registry prefix ({2})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        /// <summary>KMA008 for an image that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowedFrom = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' ({2}) is not under any allowed registry prefix ({1})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        /// <summary>KMA009 for a registry prefix that no image name can match.</summary>
        /// <summary>KMA009 for an entry of <c>mutable_tags</c> that no tag can match.</summary>
        /// <summary>KMA008 for the image an Aspire app host composes.</summary>
        internal static readonly DiagnosticDescriptor KMA008_AspireRegistryNotAllowed = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' that Aspire composes from {1} is not under any allowed registry prefix ({2})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            RegistryNotAllowedDescription);

        internal static readonly DiagnosticDescriptor KMA009_TagNeverMatches = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match a tag: it {2}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA009_OptionNeverMatches = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match as a registry prefix: {2}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for an entry of a list of object names whose name Kubernetes rejects; {3} names the kind of object.</summary>
        internal static readonly DiagnosticDescriptor KMA009_InvalidObjectName = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match: '{2}' is not a valid {3} name (lowercase letters, digits, '-' and '.', at most 253)",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a <c>namespace/name</c> entry whose namespace Kubernetes rejects.</summary>
        internal static readonly DiagnosticDescriptor KMA009_InvalidNamespace = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match: '{2}' is not a valid namespace (lowercase letters, digits and '-', at most 63)",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a value the option does not accept; {2} lists the values it accepts, {3} is how it is read.</summary>
        internal static readonly DiagnosticDescriptor KMA009_InvalidValue = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} value '{1}' is not one the option accepts ({2}), so it is read as {3}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a <c>k8s_manifests.*</c> key no option has, close to one that exists.</summary>
        internal static readonly DiagnosticDescriptor KMA009_UnknownKeyNear = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "'{0}' is not a k8s_manifests option and is ignored; did you mean '{1}'?",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a <c>k8s_manifests.*</c> key no option has, close to none; {1} lists the options.</summary>
        internal static readonly DiagnosticDescriptor KMA009_UnknownKey = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "'{0}' is not a k8s_manifests option and is ignored; the options are {1}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA101_UndefinedPullSecret = Create(
            DiagnosticIds.UndefinedPullSecret,
            "Pull secret is not defined",
            "No Secret named '{0}'{1} is defined in this compilation: the kubelet skips a missing pull secret and pulls anonymously, so a private image ends in ImagePullBackOff{2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedPullSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA101 when the closest defined name is a Secret the kubelet would ignore as a pull secret (KMA104's case).</summary>
        internal static readonly DiagnosticDescriptor KMA101_UndefinedPullSecretClosestWrongType = Create(
            DiagnosticIds.UndefinedPullSecret,
            "Pull secret is not defined",
            "No Secret named '{0}'{1} is defined in this compilation: the kubelet skips a missing pull secret and pulls anonymously, so a private image ends in ImagePullBackOff; did you mean '{2}'? It is of type '{3}': a pull secret must be of type kubernetes.io/dockerconfigjson with a .dockerconfigjson key (or kubernetes.io/dockercfg with .dockercfg), or the kubelet ignores it too",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UndefinedPullSecretDescription,
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA102_UnusedRegistrySecret = Create(
            DiagnosticIds.UnusedRegistrySecret,
            "Docker-registry Secret is not used",
            "Docker-registry Secret '{0}' is not referenced by any pod spec or service account in this compilation",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            "A registry credential that no imagePullSecrets list names is either dead weight or a sign that a reference is misspelt.",
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA103_MissingPullSecret = Create(
            DiagnosticIds.MissingPullSecret,
            "Private-registry image without a pull secret",
            "Image '{0}' comes from a private registry ({1}) but its pod spec lists no imagePullSecrets{2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA103 for a container made by a generated builder whose declaration names a pull secret.</summary>
        internal static readonly DiagnosticDescriptor KMA103_MissingDeclaredPullSecret = Create(
            DiagnosticIds.MissingPullSecret,
            "Private-registry image without a pull secret",
            "Image '{0}' is declared with the pull secret '{1}' but its pod spec lists no imagePullSecrets{2}; place the container with AddTo or AddInitContainerTo, or call AddPullSecretTo",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullSecretDescription,
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA104_PullSecretWrongType = Create(
            DiagnosticIds.PullSecretWrongType,
            "Pull secret has the wrong type or key",
            "Secret '{0}' is used as an image pull secret but {1}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "The kubelet reads credentials only from a kubernetes.io/dockerconfigjson Secret with a .dockerconfigjson key, or a kubernetes.io/dockercfg Secret with a .dockercfg key. Any other Secret named in imagePullSecrets is silently ignored.",
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA105_HardCodedRegistryCredential = Create(
            DiagnosticIds.HardCodedRegistryCredential,
            "Registry credential in source code",
            "{0}: a registry credential in source leaks with the repository; read it from the environment or a secret store",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "A docker config document with an auth, password or identitytoken field, or a constant under a docker-registry Secret's data key, is a credential in plain text (auth is only base64 of user:password).");

        internal static readonly DiagnosticDescriptor KMA106_InvalidPullSecretEntry = Create(
            DiagnosticIds.InvalidPullSecretEntry,
            "Empty or duplicate imagePullSecrets entry",
            "{0}: the API server answers it with a warning, and it adds nothing",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An imagePullSecrets entry without a name does nothing; a name listed twice is redundant. The API server returns a warning for both.");

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

        internal static readonly DiagnosticDescriptor KMA112_MissingSecretKey = Create(
            DiagnosticIds.MissingSecretKey,
            "Secret has no such key",
            "Secret '{0}' defines no key '{1}': a pod that needs it does not start (CreateContainerConfigError for env, FailedMount for a volume){2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "secretKeyRef.key and items[].key must name a key of the Secret's data; unless the reference is optional the kubelet does not start the container.",
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA113_UnusedSecret = Create(
            DiagnosticIds.UnusedSecret,
            "Secret is not used",
            "Secret '{0}' is not referenced by any pod spec, service account or Ingress in this compilation",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            "A Secret nothing references is dead configuration, and a credential nobody rotates. Off by default: Secrets are often consumed outside C# (Helm charts, controllers, annotations this package does not know); turn it on in projects that create every consumer in C#.",
            isEnabledByDefault: false,
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

        internal static readonly DiagnosticDescriptor KMA115_MissingConfigMapKey = Create(
            DiagnosticIds.MissingConfigMapKey,
            "ConfigMap has no such key",
            "ConfigMap '{0}' defines no key '{1}': a pod that needs it does not start (CreateContainerConfigError for env, FailedMount for a volume){2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "configMapKeyRef.key and items[].key must name a key of the ConfigMap's data or binaryData; unless the reference is optional the kubelet does not start the container.",
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA116_UnusedConfigMap = Create(
            DiagnosticIds.UnusedConfigMap,
            "ConfigMap is not used",
            "ConfigMap '{0}' is not referenced by any pod spec in this compilation",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            "A ConfigMap nothing references is dead configuration, or a sign that a reference is misspelt. Off by default: ConfigMaps are often consumed outside C# (Helm charts, controllers); turn it on in projects that create every consumer in C#.",
            isEnabledByDefault: false,
            reportedAtCompilationEnd: true);

        internal static readonly DiagnosticDescriptor KMA201_InvalidImageDeclaration = Create(
            DiagnosticIds.InvalidImageDeclaration,
            "[ContainerImage] repository is not valid",
            "'{0}' is not a valid image repository: {1}; no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The repository of [ContainerImage] must be a repository name in the Docker reference grammar, without a tag or a digest: the builders add those.");

        internal static readonly DiagnosticDescriptor KMA202_InvalidTagOrDigest = Create(
            DiagnosticIds.InvalidTagOrDigest,
            "Image tag or digest is not valid",
            "'{0}' is not a valid image {1}: {2}; the call throws ArgumentException",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Tags match [\\w][\\w.-]{0,127}; digests are sha256:, sha384: or sha512: followed by the lowercase hex digest of the right length.");

        internal static readonly DiagnosticDescriptor KMA203_MutableTagInBuilder = Create(
            DiagnosticIds.MutableTagInBuilder,
            "Image built with the tag latest",
            "The tag 'latest' names whatever was pushed last: use a version tag or Digest(…)",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An image with the tag latest is not pinned: rollbacks cannot return to a known build and nodes may run different builds.");

        internal static readonly DiagnosticDescriptor KMA204_ImageTypeNotExtensible = Create(
            DiagnosticIds.ImageTypeNotExtensible,
            "[ContainerImage] class cannot be extended",
            "{0}: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The builders are generated as another part of the class.");

        internal static readonly DiagnosticDescriptor KMA205_InvalidPullSecretName = Create(
            DiagnosticIds.InvalidPullSecretName,
            "[ContainerImage] pull secret is not a valid Secret name",
            "'{0}' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Secret names are DNS subdomains: dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most.");

        internal static readonly DiagnosticDescriptor KMA206_ImageBuildersNeedCSharp8 = Create(
            DiagnosticIds.ImageBuildersNeedCSharp8,
            "[ContainerImage] needs C# 8 or later",
            "The image builders need C# 8 or later (nullable annotations); this project compiles C# {0}, so no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Set <LangVersion> to 8.0 or later to use [ContainerImage]. Projects below C# 8 that do not use the attribute are not affected.");

        internal static readonly DiagnosticDescriptor KMA207_GeneratedMemberConflict = Create(
            DiagnosticIds.GeneratedMemberConflict,
            "[ContainerImage] class has a member the generator adds",
            "'{0}' is a name the generator gives a member of '{1}' ({2}); rename it, so the builders can be generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The generator adds Repository, Tag(string), Digest(string) and TagAndDigest(string, string) to a [ContainerImage] class. A member of the same name (a field, a property, a record parameter, a method with the same parameters) or a class of that name would clash, so no builder is generated for the class.");

        private const string MovedRegistryDescription = "Registries are frozen or moved by their owners: k8s.gcr.io was frozen by the Kubernetes project in April 2023 and only redirects to registry.k8s.io, and Bitnami moved every versioned tag of docker.io/bitnami to docker.io/bitnamilegacy in August 2025. A frozen registry gets no security patches, a redirect breaks behind egress allow-lists and with clients that do not follow it, and a removed tag fails with ErrImagePull. The fix rewrites the registry and keeps the path, tag and digest; the rule page lists each move with its owner's announcement.";

        private const string DigestRequiredDescription = "A tag can be pushed again; a digest (@sha256:…) names one build for good, so every node runs the image that was tested and a rollback returns to it. Off by default: turn it on with a severity (dotnet_diagnostic.KMA011.severity = warning) where the team's policy is to pin every image by digest. There is no automatic fix, because the digest is known only to the registry.";

        private const string AlwaysPullRequiredDescription = "Some teams require imagePullPolicy: Always, so every start checks the registry (and the pod's credentials) and a node never runs an image it pulled for someone else. Off by default: turn it on with a severity (dotnet_diagnostic.KMA012.severity = warning). Images pinned by digest are left alone: no pull can bring a different build there.";

        internal static readonly DiagnosticDescriptor KMA010_MovedRegistry = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' is from {1}, which {2}; use '{3}'",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        /// <summary>KMA010 where no rewritten image can be written (unknown parts, a value from elsewhere).</summary>
        internal static readonly DiagnosticDescriptor KMA010_MovedRegistryNoFix = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' is from {1}, which {2}; pull it from {3}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        /// <summary>KMA010 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA010_MovedRegistryFrom = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' ({4}) is from {1}, which {2}; pull it from {3}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        /// <summary>KMA010 for the image an Aspire app host composes.</summary>
        internal static readonly DiagnosticDescriptor KMA010_AspireMovedRegistry = Create(
            DiagnosticIds.MovedRegistry,
            "Image is from a registry that was frozen or moved",
            "Image '{0}' that Aspire composes from {1} is from {2}, which {3}; pull it from {4}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MovedRegistryDescription);

        internal static readonly DiagnosticDescriptor KMA011_DigestRequired = Create(
            DiagnosticIds.DigestRequired,
            "Image is not pinned by digest",
            "Image '{0}' has no digest: pin the build you tested with '@sha256:<digest>' (the registry gives it: crane digest, docker buildx imagetools inspect)",
            Categories.Security,
            DiagnosticSeverity.Warning,
            DigestRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA011 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA011_DigestRequiredFrom = Create(
            DiagnosticIds.DigestRequired,
            "Image is not pinned by digest",
            "Image '{0}' ({1}) has no digest: pin the build you tested with '@sha256:<digest>' (the registry gives it: crane digest, docker buildx imagetools inspect)",
            Categories.Security,
            DiagnosticSeverity.Warning,
            DigestRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA011 for the image an Aspire app host composes.</summary>
        internal static readonly DiagnosticDescriptor KMA011_AspireDigestRequired = Create(
            DiagnosticIds.DigestRequired,
            "Image is not pinned by digest",
            "Image '{0}' that Aspire composes from {1} has no digest: pin the build you tested with WithImageSHA256 (the registry gives it: crane digest, docker buildx imagetools inspect)",
            Categories.Security,
            DiagnosticSeverity.Warning,
            DigestRequiredDescription,
            isEnabledByDefault: false);

        internal static readonly DiagnosticDescriptor KMA012_AlwaysPullRequired = Create(
            DiagnosticIds.AlwaysPullRequired,
            "Pull policy is not Always",
            "ImagePullPolicy is '{0}', but this project requires Always: every start should check the registry",
            Categories.Security,
            DiagnosticSeverity.Warning,
            AlwaysPullRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA012 for a policy that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA012_AlwaysPullRequiredFrom = Create(
            DiagnosticIds.AlwaysPullRequired,
            "Pull policy is not Always",
            "ImagePullPolicy is '{0}' ({1}), but this project requires Always: every start should check the registry",
            Categories.Security,
            DiagnosticSeverity.Warning,
            AlwaysPullRequiredDescription,
            isEnabledByDefault: false);

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

        private const string CredentialInEnvValueDescription =
            "An env var whose name says it holds a password, token, key or secret, or a ConfigMap key of that kind, gets a constant: the credential is in the repository, in every image of the manifest and in plain text in the object the API server stores. Read it from a Secret (valueFrom.secretKeyRef) instead.";

        internal static readonly DiagnosticDescriptor KMA117_CredentialInEnvValue = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "Env var '{0}' gets a constant credential: it is stored in plain text with the pod spec and leaks with the source; read it from a Secret with valueFrom.secretKeyRef",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        /// <summary>KMA117 on a constant defined elsewhere or passed to a helper; {1} says where it comes from.</summary>
        internal static readonly DiagnosticDescriptor KMA117_CredentialInEnvValueFrom = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "Env var '{0}' gets a constant credential ({1}): it is stored in plain text with the pod spec and leaks with the source; read it from a Secret with valueFrom.secretKeyRef",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        internal static readonly DiagnosticDescriptor KMA117_CredentialInConfigMap = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "ConfigMap key '{0}' holds a constant credential: ConfigMap data is stored and shown in plain text; move the entry into a Secret",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        /// <summary>KMA117 on a ConfigMap entry whose constant is defined elsewhere; {1} says where it comes from.</summary>
        internal static readonly DiagnosticDescriptor KMA117_CredentialInConfigMapFrom = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "ConfigMap key '{0}' holds a constant credential ({1}): ConfigMap data is stored and shown in plain text; move the entry into a Secret",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        private const string DuplicateEnvNameDescription =
            "When a container's env list names a variable twice, the kubelet keeps the later entry and the earlier one does nothing; kubectl apply merges env entries by name, so the two also fight over the stored object. Remove the entry that has no effect.";

        /// <summary>KMA119; {1} is the line of the later entry.</summary>
        internal static readonly DiagnosticDescriptor KMA119_DuplicateEnvName = Create(
            DiagnosticIds.DuplicateEnvName,
            "Duplicate env name",
            "Env var '{0}' is defined again on line {1}: the later entry wins and this one has no effect",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            DuplicateEnvNameDescription);

        // The YAML front-end (Analysis/Yaml): descriptors of the same ids where the C# message names C# members or
        // constructs; the other rules report their usual descriptor on the YAML value.

        /// <summary>KMA001 for a container of a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA001_YamlMissingPullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container {0} sets no imagePullPolicy: the API server will store {1} at creation and keep it when the image changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for an image volume of a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA001_YamlMissingVolumePullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Image volume {0} sets no pullPolicy: the API server will store {1} at creation and keep it when the reference changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA003 for IfNotPresent in a YAML manifest ({2}: the field, imagePullPolicy or pullPolicy).</summary>
        internal static readonly DiagnosticDescriptor KMA003_YamlStalePolicyForMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but {2} is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for Never in a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA003_YamlNeverWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but {2} is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA006 for a container of a YAML manifest ({1}: no image, a null image, an empty image).</summary>
        internal static readonly DiagnosticDescriptor KMA006_YamlMissingImage = Create(
            DiagnosticIds.MissingImage,
            "Container has no image",
            "Container {0} has {1}: the API server rejects the object with 'image: Required value'",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "Every container, init container and ephemeral container needs an image. Only a mutating admission webhook could still supply one.");

        /// <summary>KMA007 in a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA007_YamlNeverPullPolicy = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "Pull policy 'Never' starts the pod only on nodes that already have '{0}'; elsewhere it waits in ErrImageNeverPull",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        /// <summary>KMA012 in a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA012_YamlAlwaysPullRequired = Create(
            DiagnosticIds.AlwaysPullRequired,
            "Pull policy is not Always",
            "Pull policy is '{0}', but this project requires Always: every start should check the registry",
            Categories.Security,
            DiagnosticSeverity.Warning,
            AlwaysPullRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>
        /// KMA119 in YAML written in a C# string, when the later entry cannot be placed in the source (it spans an
        /// interpolation hole or two pieces of a concatenation), so no line can be named.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA119_YamlDuplicateEnvNameLater = Create(
            DiagnosticIds.DuplicateEnvName,
            "Duplicate env name",
            "Env var '{0}' is defined again later in this env list: the later entry wins and this one has no effect",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            DuplicateEnvNameDescription);

        private const string UnreadableYamlDescription =
            "A .yaml or .yml file given to the compiler (AdditionalFiles), or a constant string handed to KubernetesYaml.Deserialize, LoadFromString or LoadAllFromString, is read as Kubernetes manifests. When the YAML parser rejects it, kubectl apply and KubernetesYaml reject it too, and none of its containers is checked. Reported once per file, where the parser stopped, or once per string, on the string.";

        private const string YamlTemplateDescription =
            "A .yaml or .yml file given to the compiler (AdditionalFiles), or a constant string handed to KubernetesYaml, that contains '{{ ... }}' outside a comment line is a template (Helm, or another Go template): its values are known only when it is rendered. It is skipped, said once per file or string; give the compiler the rendered manifests, or leave templates out of AdditionalFiles.";

        internal static readonly DiagnosticDescriptor KMA301_UnreadableYaml = Create(
            DiagnosticIds.UnreadableYaml,
            "YAML file cannot be parsed",
            "The file is not valid YAML: {0}; kubectl rejects it, and no rule could read it",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UnreadableYamlDescription);

        internal static readonly DiagnosticDescriptor KMA302_YamlTemplateSkipped = Create(
            DiagnosticIds.YamlTemplateSkipped,
            "YAML file with template expressions is not analyzed",
            "The file holds template expressions ('{0}'), so it is YAML only once rendered; it was not analyzed: analyze the rendered manifests (helm template) instead",
            Categories.Usage,
            DiagnosticSeverity.Info,
            YamlTemplateDescription);

        /// <summary>KMA301 for a constant string handed to KubernetesClient's YAML entry points.</summary>
        internal static readonly DiagnosticDescriptor KMA301_UnreadableYamlLiteral = Create(
            DiagnosticIds.UnreadableYaml,
            "YAML file cannot be parsed",
            "The string is not valid YAML: {0}; KubernetesYaml throws on it, and no rule could read it",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            UnreadableYamlDescription);

        /// <summary>KMA302 for a constant string handed to KubernetesClient's YAML entry points.</summary>
        internal static readonly DiagnosticDescriptor KMA302_YamlLiteralTemplateSkipped = Create(
            DiagnosticIds.YamlTemplateSkipped,
            "YAML file with template expressions is not analyzed",
            "The string holds template expressions ('{0}'), so it is YAML only once rendered; it was not analyzed",
            Categories.Usage,
            DiagnosticSeverity.Info,
            YamlTemplateDescription);

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity severity,
            string description,
            bool isEnabledByDefault = true,
            bool reportedAtCompilationEnd = false) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault,
                description,
                HelpLinkBase + id + ".md",
                reportedAtCompilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());

        private static class Categories
        {
            internal const string Reliability = "Reliability";
            internal const string Security = "Security";
            internal const string Usage = "Usage";
        }
    }
}
