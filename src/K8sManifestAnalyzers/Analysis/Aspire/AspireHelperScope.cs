using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// The scope of a builder helper's body at one call: its parameters are the call's arguments, folded in the
    /// caller's scope; its own locals are not followed.
    /// </summary>
    internal sealed class AspireHelperScope : IValueScope
    {
        private readonly IMethodSymbol _method;
        private readonly IInvocationOperation _call;
        private readonly IValueScope? _caller;

        internal AspireHelperScope(IMethodSymbol method, IInvocationOperation call, IValueScope? caller)
        {
            _method = method;
            _call = call;
            _caller = caller;
        }

        /// <inheritdoc/>
        public int CallDepth => (_caller?.CallDepth ?? 0) + 1;

        /// <inheritdoc/>
        public bool IsFollowing(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _method.OriginalDefinition) || (_caller?.IsFollowing(method) ?? false);

        /// <inheritdoc/>
        public IReadOnlyList<IOperation>? ReachingValues(ILocalReferenceOperation reference) => null;

        /// <inheritdoc/>
        public (IOperation Collection, int Position)? ForEachSource(ISymbol local) => null;

        /// <inheritdoc/>
        public (IOperation Value, IValueScope? Scope)? Argument(IParameterSymbol parameter)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _method.OriginalDefinition))
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
