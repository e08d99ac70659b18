using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers
{
    /// <summary>
    /// Every diagnostic this package reports, built through one factory. Each rule declares its descriptors in its own
    /// file (<c>Rules/*Rule.cs</c>), in a part of this class; this part holds what they share: the factory, the help-link
    /// base and the categories. A rule has one descriptor per message shape; the YAML front-end has its own
    /// (<c>KMAxxx_Yaml...</c>) where the C# message names C# members or constructs, and otherwise reports the usual one.
    /// </summary>
    internal static partial class Descriptors
    {
        /// <summary>
        /// Where the rule pages live; each descriptor links to <c>docs/rules/&lt;ID&gt;.md</c> under it. The address comes
        /// from the <c>RepositoryUrl</c> MSBuild property (Directory.Build.props), the same one the package carries.
        /// </summary>
        internal const string HelpLinkBase = PackageInfo.RepositoryUrl + "/blob/" + PackageInfo.Branch + "/docs/rules/";

        // KMA103's descriptors are still here, not in Rules/MissingPullSecretRule.cs, while that rule is being changed
        // on another branch; DescriptorTests allows this one exception.
        private const string MissingPullSecretDescription = "Images from the registries listed in k8s_manifests.private_registries, and images a [ContainerImage] declaration gives a pull secret, need credentials. Without imagePullSecrets on the pod spec or its service account, the pull fails with ErrImagePull unless the nodes hold credentials. Silent for other images while the option is unset.";

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
