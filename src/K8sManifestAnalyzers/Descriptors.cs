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
