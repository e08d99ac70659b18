using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// One entry of an env list (<c>V1EnvVar</c>) as the rules see it: its name when it is one constant, where it is
    /// written, and what its value shows. <see cref="EnvVarReader"/> reads it from a creation in place or from a call to
    /// a method of the compilation that creates and returns one (<c>Env("DB_PASSWORD", "…")</c>), with its name and value
    /// folded (for a call, with the call's arguments). An element of an env list that is neither is unknown
    /// (<see cref="IsKnown"/>). Strings, flags and locations only: no Roslyn operation.
    /// </summary>
    internal sealed class EnvEntry
    {
        /// <summary>An element of an env list that is not an env var read here.</summary>
        internal EnvEntry(Location location)
        {
            Location = location;
            NameLocation = location;
        }

        internal EnvEntry(Location location, Location nameLocation, string? constantName, bool isCreatedInPlace, bool hasKnownValue, bool valueMayReadVariables)
        {
            Location = location;
            NameLocation = nameLocation;
            ConstantName = constantName;
            IsKnown = true;
            IsCreatedInPlace = isCreatedInPlace;
            HasKnownValue = hasKnownValue;
            ValueMayReadVariables = valueMayReadVariables;
        }

        /// <summary>Where the entry is written: the creation, the call, or whatever else the list holds.</summary>
        internal Location Location { get; }

        /// <summary>
        /// Where a finding on the name goes: the name written in place, or at a call the argument that chooses it (else
        /// the call).
        /// </summary>
        internal Location NameLocation { get; }

        /// <summary>The one name the entry has on every path, or null.</summary>
        internal string? ConstantName { get; }

        /// <summary>True for an env var created in place or by a method of the compilation; false for any other element.</summary>
        internal bool IsKnown { get; }

        /// <summary>True when the env var is created in place in the list, not by a call.</summary>
        internal bool IsCreatedInPlace { get; }

        /// <summary>True when the entry is known and every value it can have is a constant (or it sets no value).</summary>
        internal bool HasKnownValue { get; }

        /// <summary>
        /// True when a constant the value can be contains <c>$(</c>: the kubelet expands <c>$(NAME)</c> from the entries
        /// listed before it.
        /// </summary>
        internal bool ValueMayReadVariables { get; }
    }
}
