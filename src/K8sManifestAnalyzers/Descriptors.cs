using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers
{
    /// <summary>Every diagnostic this package reports, built through one factory.</summary>
    internal static class Descriptors
    {
        /// <summary>Where the rule pages live; each descriptor links to <c>docs/rules/&lt;ID&gt;.md</c> under it.</summary>
        internal const string HelpLinkBase = "https://github.com/k8s-manifest-analyzers/K8sManifestAnalyzers/blob/main/docs/rules/";

        internal static readonly DiagnosticDescriptor KMA001_MissingPullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container sets no ImagePullPolicy: the API server will store {0} at creation and keep it when the image changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "When imagePullPolicy is unset the API server defaults it once, at creation: Always for an untagged or ':latest' image, IfNotPresent otherwise. The stored value is not recomputed when the image is later patched, so a container that moves from ':latest' to a pinned tag keeps pulling on every start, and the reverse keeps a stale image.");

        internal static readonly DiagnosticDescriptor KMA002_InvalidPullPolicy = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' is not a valid imagePullPolicy: the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            "The API server accepts exactly Always, IfNotPresent and Never, compared case-sensitively. Any other value makes the whole object fail validation with 'Unsupported value'.");

        internal static readonly DiagnosticDescriptor KMA003_StalePolicyForMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but ImagePullPolicy is '{2}': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "With IfNotPresent or Never, a node that already has the image never pulls it again. For ':latest' or an untagged image that means different nodes run different builds, and a new push never reaches nodes that had the old one.");

        internal static readonly DiagnosticDescriptor KMA004_InvalidImageReference = Create(
            DiagnosticIds.InvalidImageReference,
            "Image reference is malformed",
            "Image '{0}' is not a valid image reference: {1}; the kubelet fails with InvalidImageName",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            "The API server does not check the syntax of an image reference. The kubelet parses it with the Docker reference grammar before pulling and fails the container with InvalidImageName when it cannot.");

        internal static readonly DiagnosticDescriptor KMA005_MutableImageTag = Create(
            DiagnosticIds.MutableImageTag,
            "Image is not pinned to a version",
            "Image '{0}' {1}: what runs changes whenever the tag is pushed again; use a version tag or a digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An image with the tag 'latest', or with no tag and no digest (which means 'latest'), names whatever was pushed last. Rollbacks cannot return to a known build and nodes may run different builds.");

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
            "With Never the kubelet never pulls. On a node without the image the container waits with ErrImageNeverPull, and there is no retry that could fix it.");

        internal static readonly DiagnosticDescriptor KMA008_RegistryNotAllowed = Create(
            DiagnosticIds.RegistryNotAllowed,
            "Image is not from an allowed registry",
            "Image '{0}' ('{1}') is not under any allowed registry prefix ({2})",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "Lists the registries images may come from in k8s_manifests.allowed_registries. Images from elsewhere bypass the scanning, signing and availability guarantees of the allowed registries. Silent while the option is unset.");

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
        }
    }
}
