using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// An <c>ImagePullSecrets</c> list: in C# (<c>ImagePullSecrets = […]</c>, <c>??=</c>, or a KubernetesClient 17
    /// constructor's <c>imagePullSecrets</c> argument; each branch of a conditional is a list of its own) or a YAML
    /// manifest's <c>imagePullSecrets</c>. Its entries in the order they are written.
    /// </summary>
    internal sealed class PullSecretList
    {
        internal PullSecretList(ImmutableArray<PullSecretListEntry> entries) => Entries = entries;

        /// <summary>The entries the reader can see; an entry it cannot read has <see cref="PullSecretListEntry.NameIsKnown"/> false.</summary>
        internal ImmutableArray<PullSecretListEntry> Entries { get; }
    }
}
