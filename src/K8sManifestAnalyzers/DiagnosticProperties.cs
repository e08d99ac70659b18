namespace K8sManifestAnalyzers
{
    /// <summary>Keys of the data analyzers attach to diagnostics for the code fixes.</summary>
    internal static class DiagnosticProperties
    {
        /// <summary>The string a code fix writes in place of the reported value.</summary>
        internal const string Replacement = "Replacement";

        /// <summary>The pull policy the API server would default for the container's image, when known.</summary>
        internal const string DefaultPolicy = "DefaultPolicy";

        /// <summary>KMA001: the member the fix writes (<c>PullPolicy</c> on an image volume; <c>ImagePullPolicy</c> when absent).</summary>
        internal const string Member = "Member";

        /// <summary>
        /// "true" when <see cref="Replacement"/> is the name of an enum member that replaces the one written at the
        /// finding (Aspire's <c>ImagePullPolicy.Missing</c> becomes <c>ImagePullPolicy.Always</c>), not a string literal.
        /// </summary>
        internal const string EnumMember = "EnumMember";

        /// <summary>
        /// Where the <see cref="Replacement"/> goes when not at the diagnostic's location: <see cref="Declaration"/>,
        /// the declaration of a named constant, at the diagnostic's first additional location.
        /// </summary>
        internal const string ReplaceAt = "ReplaceAt";

        /// <summary>The value of <see cref="ReplaceAt"/> for a constant's declaration.</summary>
        internal const string Declaration = "Declaration";

        /// <summary>KMA001: the member after which the fix writes it (<c>Reference</c> on an image volume; <c>Image</c> when absent).</summary>
        internal const string After = "After";

        /// <summary>
        /// KMA119: present when the fix may remove the reported entry, which is then the diagnostic's first additional
        /// location (both entries are creations with constant names in one list, and no entry between reads another).
        /// </summary>
        internal const string RemoveEntry = "RemoveEntry";

        /// <summary>
        /// A finding on a scalar of YAML written in a C# string: the scalar's text as the YAML parser read it. With
        /// <see cref="YamlReplacement"/>, the fix writes the replacement over the scalar when the source holds exactly
        /// that text there (no escape inside it).
        /// </summary>
        internal const string YamlScalar = "YamlScalar";

        /// <summary>The scalar a fix writes in place of <see cref="YamlScalar"/>.</summary>
        internal const string YamlReplacement = "YamlReplacement";
    }
}
