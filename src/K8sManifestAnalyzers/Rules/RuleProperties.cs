using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>The diagnostic properties the rules hand to their fixes.</summary>
    internal static class RuleProperties
    {
        /// <summary>The <c>Replacement</c> a fix writes in place of the reported value, or none.</summary>
        internal static ImmutableDictionary<string, string?> Replacement(string? value) =>
            value is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, value);
    }
}
