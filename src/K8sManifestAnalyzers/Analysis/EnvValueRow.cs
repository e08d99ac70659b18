using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// One constant string the value of an env var, or of a ConfigMap data entry, can take, with the name that goes with
    /// it (KMA117): the env var's name, or for a table of rows the name written in the same row as the constant; the
    /// ConfigMap key. Read only under a name that names a credential (<see cref="CredentialName"/>).
    /// </summary>
    internal readonly struct EnvValueRow
    {
        internal EnvValueRow(string name, CredentialKind nameKind, string value, Location location, string? from)
        {
            Name = name;
            NameKind = nameKind;
            Value = value;
            Location = location;
            From = from;
        }

        /// <summary>The name or key, as messages show it.</summary>
        internal string Name { get; }

        /// <summary>What kind of credential the name names (never <see cref="CredentialKind.None"/>).</summary>
        internal CredentialKind NameKind { get; }

        /// <summary>The constant; messages never show it.</summary>
        internal string Value { get; }

        /// <summary>Where a finding on the constant goes: the constant itself, or where this code chooses it.</summary>
        internal Location Location { get; }

        /// <summary>Where the constant comes from, in words, when <see cref="Location"/> is not on it; else null.</summary>
        internal string? From { get; }
    }
}
