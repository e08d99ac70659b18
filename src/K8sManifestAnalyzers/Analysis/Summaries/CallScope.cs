using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Summaries
{
    /// <summary>
    /// The scope of a called method's body at one call site: its locals from its own flow, its parameters from the
    /// arguments of the call, folded in the caller's scope.
    /// </summary>
    internal sealed class CallScope : IValueScope
    {
        private readonly MethodSummary _callee;
        private readonly IInvocationOperation _call;
        private readonly IValueScope? _caller;

        internal CallScope(MethodSummary callee, IInvocationOperation call, IValueScope? caller)
        {
            _callee = callee;
            _call = call;
            _caller = caller;
        }

        /// <inheritdoc/>
        public int CallDepth => (_caller?.CallDepth ?? 0) + 1;

        /// <inheritdoc/>
        public bool IsFollowing(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _callee.Method.OriginalDefinition) || (_caller?.IsFollowing(method) ?? false);

        /// <inheritdoc/>
        public IReadOnlyList<IOperation>? ReachingValues(ILocalReferenceOperation reference) => _callee.Flow.ReachingValues(reference);

        /// <inheritdoc/>
        public (IOperation Collection, int Position)? ForEachSource(ISymbol local) => _callee.Flow.ForEachSource(local);

        /// <inheritdoc/>
        public (IOperation Value, IValueScope? Scope)? Argument(IParameterSymbol parameter)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _callee.Method.OriginalDefinition))
            {
                return null;
            }

            foreach (var argument in _call.Arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal)
                {
                    return (argument.Value, _caller);
                }
            }

            return null;
        }
    }
}
