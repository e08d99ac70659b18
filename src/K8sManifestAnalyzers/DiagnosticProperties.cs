namespace K8sManifestAnalyzers
{
    /// <summary>Keys of the data analyzers attach to diagnostics for the code fixes.</summary>
    internal static class DiagnosticProperties
    {
        /// <summary>The string a code fix writes in place of the reported value.</summary>
        internal const string Replacement = "Replacement";

        /// <summary>The pull policy the API server would default for the container's image, when known.</summary>
        internal const string DefaultPolicy = "DefaultPolicy";
    }
}
