using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// What one operation of a body does to <c>ImagePullSecrets</c> lists, as <see cref="PullSecretListReader"/> reads it:
    /// the lists it writes, or the names it adds. Plain facts for KMA106: names, flags and locations.
    /// </summary>
    internal sealed class PullSecretListFacts
    {
        internal PullSecretListFacts(ImmutableArray<PullSecretList> lists, ImmutableArray<PullSecretAdd> adds)
        {
            Lists = lists;
            Adds = adds;
        }

        /// <summary>The lists written: one, or one per branch of a conditional.</summary>
        internal ImmutableArray<PullSecretList> Lists { get; }

        /// <summary>The names added: one for an <c>Add</c>, one per add and argument for a call to a helper.</summary>
        internal ImmutableArray<PullSecretAdd> Adds { get; }
    }
}
