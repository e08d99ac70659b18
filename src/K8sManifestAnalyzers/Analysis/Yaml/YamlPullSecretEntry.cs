using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// One entry of an <c>imagePullSecrets</c> list in YAML (a pod template's or a ServiceAccount's), as KMA106 reads it.
    /// Only mappings are entries; anything else in the list is the schema's business.
    /// </summary>
    internal sealed class YamlPullSecretEntry
    {
        internal YamlPullSecretEntry(string? name, bool nameIsKnown, Location at)
        {
            Name = name;
            NameIsKnown = nameIsKnown;
            At = at;
        }

        /// <summary>The <c>name</c>: null when not written or a YAML null, empty when <c>""</c>.</summary>
        internal string? Name { get; }

        /// <summary>False when the name is a sequence or a mapping: nothing is said of it.</summary>
        internal bool NameIsKnown { get; }

        /// <summary>The whole entry.</summary>
        internal Location At { get; }

        /// <summary>No name, or an empty one: the entry names nothing.</summary>
        internal bool IsEmpty => NameIsKnown && string.IsNullOrEmpty(Name);
    }
}
