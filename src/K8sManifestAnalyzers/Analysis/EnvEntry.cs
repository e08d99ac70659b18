using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// One env var (<c>V1EnvVar</c>) as the code writes it: a creation in place, or a call to a method of the compilation
    /// that creates and returns one (<c>Env("DB_PASSWORD", "…")</c>), with its name and value folded (for a call, with
    /// the call's arguments). An element of an env list that is neither is kept as unknown (<see cref="IsKnown"/>).
    /// </summary>
    internal sealed class EnvEntry
    {
        internal EnvEntry(IOperation element)
        {
            Element = element;
            Name = PossibleValues.Unknown;
            Value = PossibleValues.Unknown;
        }

        internal EnvEntry(IOperation element, IObjectCreationOperation creation, IInvocationOperation? call, string? method, IOperation? nameValue, PossibleValues name, IOperation? value, PossibleValues values, bool hasValueFrom)
        {
            Element = element;
            Creation = creation;
            Call = call;
            Method = method;
            NameValue = nameValue;
            Name = name;
            ValueOperation = value;
            Value = values;
            HasValueFrom = hasValueFrom;
        }

        /// <summary>The expression that gives the entry: the creation, the call, or whatever else the list holds.</summary>
        internal IOperation Element { get; }

        /// <summary>The creation of the V1EnvVar, in place or in the called method; null for an unknown element.</summary>
        internal IObjectCreationOperation? Creation { get; }

        internal bool IsKnown => Creation is not null;

        /// <summary>The call that creates the entry in another method, or null when it is created in place.</summary>
        internal IInvocationOperation? Call { get; }

        /// <summary>The called method as messages name it (<c>Manifests.Env</c>), with <see cref="Call"/>.</summary>
        internal string? Method { get; }

        /// <summary>The expression written to <c>Name</c> (in the called method for a call), or null.</summary>
        internal IOperation? NameValue { get; }

        internal PossibleValues Name { get; }

        /// <summary>The one name the entry has on every path, or null.</summary>
        internal string? ConstantName => Name.IsSingleConstant ? Name.Constants[0].Text : null;

        /// <summary>The expression written to <c>Value</c> (in the called method for a call), or null when none is.</summary>
        internal IOperation? ValueOperation { get; }

        internal PossibleValues Value { get; }

        /// <summary>True when the entry sets <c>ValueFrom</c> (to anything but null).</summary>
        internal bool HasValueFrom { get; }

        /// <summary>
        /// Where a finding on the name goes: the name written in place, or at a call the argument that chooses it (else
        /// the call).
        /// </summary>
        internal Location NameLocation =>
            Call is null
                ? (NameValue ?? Element).Syntax.GetLocation()
                : (Name.IsSingleConstant ? ValueLocation.ChosenAt(Name.Constants[0], Call) : Call.Syntax.GetLocation());
    }
}
