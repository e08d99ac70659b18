using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// One entry of an <c>ImagePullSecrets</c> list written in C#, as KMA106 judges it: the name it gives, and where the
    /// entry is. Plain facts; the reader (<see cref="PullSecretListReader"/>) fills them in.
    /// </summary>
    internal readonly struct PullSecretListEntry
    {
        internal PullSecretListEntry(string? name, bool nameIsKnown, bool nameIsWritten, Location at)
        {
            Name = name;
            NameIsKnown = nameIsKnown;
            NameIsWritten = nameIsWritten;
            At = at;
        }

        /// <summary>The constant name: null when no name is written or it is null, empty when it is <c>""</c>.</summary>
        internal string? Name { get; }

        /// <summary>False when the name is computed, or the entry is not a reference the reader can read: nothing is said of it.</summary>
        internal bool NameIsKnown { get; }

        /// <summary>True when the entry writes a name at all (<c>Name = …</c> or the constructor's argument).</summary>
        internal bool NameIsWritten { get; }

        /// <summary>The whole entry (usually <c>new V1LocalObjectReference { Name = … }</c>).</summary>
        internal Location At { get; }

        /// <summary>No name, or an empty one: the entry names nothing.</summary>
        internal bool IsEmpty => NameIsKnown && string.IsNullOrEmpty(Name);
    }
}
