namespace K8sManifestAnalyzers.Generator
{
    /// <summary>A type that encloses the target: its keyword and name, for the partial declaration.</summary>
    internal sealed record ContainingType(string Keyword, string Name);

    /// <summary>
    /// One [ContainerImage] class, reduced to equatable strings: no symbols, syntax or locations, so the pipeline
    /// caches it across unrelated edits.
    /// </summary>
    internal sealed record ImageTypeModel(
        string? Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Name,
        string Keyword,
        bool IsStatic,
        string Repository,
        string Domain,
        string Path,
        string? PullSecret,
        string HintName);
}
