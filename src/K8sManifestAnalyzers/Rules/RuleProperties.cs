using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>The diagnostic properties the rules hand to their fixes.</summary>
    internal static class RuleProperties
    {
        /// <summary>The clause a message adds for a suggestion, <c> (did you mean 'x'?)</c>; empty when there is none.</summary>
        internal static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";

        /// <summary>The <c>Replacement</c> a fix writes in place of the reported value, or none.</summary>
        internal static ImmutableDictionary<string, string?> Replacement(string? value) =>
            value is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, value);

        /// <summary>
        /// The <c>Replacement</c> of a constant declared elsewhere, written where it is declared (the diagnostic's first
        /// additional location); none when there is no replacement or no such declaration.
        /// </summary>
        internal static ImmutableDictionary<string, string?> ReplacementAtDeclaration(string? value, Location? declaration) =>
            value is null || declaration is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.Replacement, value)
                    .Add(DiagnosticProperties.ReplaceAt, DiagnosticProperties.Declaration);
    
        /// <summary>
        /// The scalar of a YAML finding and the one a fix writes instead; none without a replacement. Only a finding in a
        /// C# string (a document) can be fixed: additional files have no document.
        /// </summary>
        internal static ImmutableDictionary<string, string?> YamlScalar(string scalar, string? replacement) =>
            replacement is null || replacement == scalar
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty
                    .Add(DiagnosticProperties.YamlScalar, scalar)
                    .Add(DiagnosticProperties.YamlReplacement, replacement);
    }
}
