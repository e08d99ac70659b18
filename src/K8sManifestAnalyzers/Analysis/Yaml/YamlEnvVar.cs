using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// One entry of a container's <c>env</c> list in YAML, as KMA117 and KMA119 read it: its name, its <c>value</c>,
    /// whether it reads <c>valueFrom</c>, and where it is. Strings and locations only.
    /// </summary>
    internal sealed class YamlEnvVar
    {
        internal YamlEnvVar(string? name, Location nameAt, Location at, YamlValue? value, bool hasValueFrom)
        {
            Name = name;
            NameAt = nameAt;
            At = at;
            Value = value;
            HasValueFrom = hasValueFrom;
        }

        /// <summary>The <c>name</c> when it is written as a non-empty string; null otherwise.</summary>
        internal string? Name { get; }

        /// <summary>The name's scalar, or the entry when it has no name.</summary>
        internal Location NameAt { get; }

        /// <summary>The whole entry.</summary>
        internal Location At { get; }

        /// <summary>The <c>value</c>; null when not written.</summary>
        internal YamlValue? Value { get; }

        /// <summary>The entry reads <c>valueFrom</c> (a Secret, a ConfigMap, a field): its value is not written here.</summary>
        internal bool HasValueFrom { get; }
    }
}
