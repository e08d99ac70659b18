using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Locals without control flow: a local assigned once in its body (its declaration, or one assignment; no
    /// <c>ref</c> or <c>out</c> pass) has that value wherever it is read, since C# reads no local before it is
    /// assigned. Any other local is unknown. For readers that work per operation and have no body flow (the
    /// compilation-end collectors).
    /// </summary>
    internal sealed class SingleAssignmentScope : IValueScope
    {
        internal static readonly SingleAssignmentScope Instance = new();

        private SingleAssignmentScope()
        {
        }

        /// <inheritdoc/>
        public int CallDepth => 0;

        /// <summary>The one value assigned to the local <paramref name="reference"/> reads, or null.</summary>
        internal static IOperation? OnlyValue(ILocalReferenceOperation reference) =>
            ContainerReader.CountAssignments(ContainerReader.Root(reference), reference.Local, out var value) == 1
            && value is not null && !IsRefPass(value, reference.Local)
                ? value
                : null;

        /// <inheritdoc/>
        public IReadOnlyList<IOperation>? ReachingValues(ILocalReferenceOperation reference) =>
            OnlyValue(reference) is { } value ? new[] { value } : null;

        /// <inheritdoc/>
        public (IOperation Value, IValueScope? Scope)? Argument(IParameterSymbol parameter) => null;

        /// <inheritdoc/>
        public bool IsFollowing(IMethodSymbol method) => false;

        // A `ref` or `out` pass is counted as an assignment whose value is the local itself.
        private static bool IsRefPass(IOperation value, ILocalSymbol local) =>
            value is ILocalReferenceOperation passed && SymbolEqualityComparer.Default.Equals(passed.Local, local);
    }
}
