using System.Collections.Concurrent;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The facts one compilation's operation actions collect, matched once at compilation end. Collection is
    /// thread-safe: actions run concurrently.
    /// </summary>
    internal sealed class PullSecretState
    {
        internal ConcurrentQueue<SecretFact> Secrets { get; } = new ConcurrentQueue<SecretFact>();

        internal ConcurrentQueue<PullSecretReferenceFact> References { get; } = new ConcurrentQueue<PullSecretReferenceFact>();

        internal ConcurrentQueue<ServiceAccountFact> ServiceAccounts { get; } = new ConcurrentQueue<ServiceAccountFact>();

        internal ConcurrentQueue<PodSpecFact> PodSpecs { get; } = new ConcurrentQueue<PodSpecFact>();

        internal ConcurrentQueue<ConfigReferenceFact> ConfigReferences { get; } = new ConcurrentQueue<ConfigReferenceFact>();

        internal ConcurrentQueue<ConfigMapFact> ConfigMaps { get; } = new ConcurrentQueue<ConfigMapFact>();
    }
}
