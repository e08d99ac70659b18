using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Summaries
{
    /// <summary>
    /// The scope of a called method's body at one call site: its locals from its own flow (when it has one), its
    /// parameters from the arguments of the call (an optional parameter left out is its default), folded in the
    /// caller's scope. Used for the KubernetesClient summaries and for the Aspire builder helpers.
    /// </summary>
    internal sealed class CallScope : IValueScope
    {
        private readonly IMethodSymbol _callee;
        private readonly BodyFlow? _flow;
        private readonly IInvocationOperation _call;
        private readonly IValueScope? _caller;
        private readonly IOperation? _receiver;
        private readonly IValueScope? _receiverScope;

        internal CallScope(MethodSummary callee, IInvocationOperation call, IValueScope? caller)
            : this(callee.Method, callee.Flow, call, caller)
        {
        }

        /// <summary>
        /// An extension method bound to <paramref name="receiver"/> (<c>options.AddSidecar</c> passed as a delegate) and
        /// invoked by <paramref name="call"/>: its first parameter is the receiver, read in
        /// <paramref name="receiverScope"/>, and the call's arguments are its next parameters. Without a receiver, as
        /// the other constructor.
        /// </summary>
        internal CallScope(MethodSummary callee, IInvocationOperation call, IValueScope? caller, IOperation? receiver, IValueScope? receiverScope)
            : this(callee.Method, callee.Flow, call, caller)
        {
            _receiver = receiver;
            _receiverScope = receiverScope;
        }

        /// <summary>A method read without a summary: its locals are followed only when <paramref name="flow"/> is given.</summary>
        internal CallScope(IMethodSymbol callee, BodyFlow? flow, IInvocationOperation call, IValueScope? caller)
        {
            _callee = callee;
            _flow = flow;
            _call = call;
            _caller = caller;
        }

        /// <summary>The call the callee is read at.</summary>
        internal IInvocationOperation Call => _call;

        /// <summary>The caller's scope, which the call's arguments are folded in.</summary>
        internal IValueScope? Caller => _caller;

        /// <inheritdoc/>
        public int CallDepth => (_caller?.CallDepth ?? 0) + 1;

        /// <inheritdoc/>
        public bool IsFollowing(IMethodSymbol method) =>
            SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _callee.OriginalDefinition) || (_caller?.IsFollowing(method) ?? false);

        /// <inheritdoc/>
        public IReadOnlyList<IOperation>? ReachingValues(ILocalReferenceOperation reference) => _flow?.ReachingValues(reference);

        /// <inheritdoc/>
        public (IOperation Collection, int Position)? ForEachSource(ISymbol local) => _flow?.ForEachSource(local);

        /// <inheritdoc/>
        public (IOperation Value, IValueScope? Scope)? Argument(IParameterSymbol parameter)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _callee.OriginalDefinition))
            {
                return null;
            }

            int ordinal = parameter.Ordinal;
            if (_receiver is not null)
            {
                if (ordinal == 0)
                {
                    return (_receiver, _receiverScope);
                }

                ordinal--;
            }

            foreach (var argument in _call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return (argument.Value, _caller);
                }
            }

            return null;
        }
    }
}
