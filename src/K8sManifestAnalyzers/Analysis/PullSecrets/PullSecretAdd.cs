using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// A constant, non-empty name added to an <c>ImagePullSecrets</c> list the reader can place
    /// (<c>spec.ImagePullSecrets.Add(…)</c>, or a call to a helper of the compilation that adds it to the spec it is handed),
    /// with the names that same list already holds before the add.
    /// </summary>
    internal sealed class PullSecretAdd
    {
        internal PullSecretAdd(string name, Location at, ImmutableArray<string> listedBefore)
        {
            Name = name;
            At = at;
            ListedBefore = listedBefore;
        }

        /// <summary>The name added.</summary>
        internal string Name { get; }

        /// <summary>The entry added, or the call to the helper that adds it.</summary>
        internal Location At { get; }

        /// <summary>
        /// The constant, non-empty names the list holds on every path to the add, written when the list was created or
        /// assigned, or added earlier; in no particular order, and a name may appear more than once.
        /// </summary>
        internal ImmutableArray<string> ListedBefore { get; }
    }
}
