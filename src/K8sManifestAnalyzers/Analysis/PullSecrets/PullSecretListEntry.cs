using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// One entry of an <c>ImagePullSecrets</c> list, as KMA106 judges it: the name it gives, and where the entry is. Plain
    /// facts, which the C# reader (<see cref="PullSecretListReader"/>) and the YAML reader fill in.
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

        /// <summary>
        /// True when the entry writes a name at all (in C#: <c>Name = …</c> or the constructor's argument; in YAML: a
        /// <c>name</c> that is not null): the message then says the name is empty rather than missing.
        /// </summary>
        internal bool NameIsWritten { get; }

        /// <summary>The whole entry (usually <c>new V1LocalObjectReference { Name = … }</c>).</summary>
        internal Location At { get; }

        /// <summary>No name, or an empty one: the entry names nothing.</summary>
        internal bool IsEmpty => NameIsKnown && string.IsNullOrEmpty(Name);
    }
}
