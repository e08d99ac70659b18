namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>The container properties the image and pull-policy rules read.</summary>
    internal enum ContainerProperty
    {
        None,
        Image,
        ImagePullPolicy,
    }
}
