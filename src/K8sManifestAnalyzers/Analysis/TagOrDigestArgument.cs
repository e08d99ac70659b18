using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>A constant string argument of a generated builder call (<see cref="TagOrDigestCall"/>), for KMA202 and KMA203.</summary>
    internal readonly struct TagOrDigestArgument
    {
        internal TagOrDigestArgument(string parameter, string value, Location location)
        {
            Parameter = parameter;
            Value = value;
            Location = location;
        }

        /// <summary>The name of the parameter it is passed to: <c>tag</c> or <c>digest</c> for the builders' own.</summary>
        internal string Parameter { get; }

        /// <summary>The constant value.</summary>
        internal string Value { get; }

        /// <summary>The argument's value as written.</summary>
        internal Location Location { get; }
    }
}
