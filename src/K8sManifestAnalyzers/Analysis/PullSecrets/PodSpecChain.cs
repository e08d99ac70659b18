using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The helpers of the compilation a pod spec is handed to and that give it back, in one expression
    /// (<c>new V1PodSpec().Also(s => …)</c>, <c>spec.WithApp(…).WithLog()</c>, <c>NewSpec().Also(…)</c>): the argument of
    /// each call it passes through, and the outermost call, whose value is the same spec under the caller's name. A helper
    /// gives the spec back when each of its returns gives back the parameter unchanged, directly or through such a helper
    /// (<c>=> spec.Also(s => s.WithApp(image))</c>), to the call-depth bound.
    /// </summary>
    internal sealed class PodSpecChain
    {
        // A longer chain is cut there: the rest reads as a spec handed to calls that are not followed (silent).
        private const int MaxLinks = 16;

        private PodSpecChain(IOperation top, ImmutableArray<IArgumentOperation> links)
        {
            Top = top;
            Links = links;
        }

        /// <summary>The operation whose value is the spec after the chain: the outermost call, or the creation itself.</summary>
        internal IOperation Top { get; }

        /// <summary>The argument that hands the spec to each call of the chain, innermost first.</summary>
        internal ImmutableArray<IArgumentOperation> Links { get; }

        /// <summary>The chain <paramref name="created"/> (a creation, or the call of a factory) is handed through.</summary>
        internal static PodSpecChain Of(IOperation created, KubernetesTypes types)
        {
            ImmutableArray<IArgumentOperation>.Builder? links = null;
            var current = created;
            for (int i = 0; i < MaxLinks; i++)
            {
                if (ObjectMembers.WithConversionsAbove(current).Parent is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call } argument
                    || !GivesBack(call, parameter.Ordinal, types))
                {
                    break;
                }

                (links ??= ImmutableArray.CreateBuilder<IArgumentOperation>()).Add(argument);
                current = call;
            }

            return new PodSpecChain(current, links?.ToImmutable() ?? ImmutableArray<IArgumentOperation>.Empty);
        }

        /// <summary>True when the call is to a helper of the compilation that gives back what its parameter <paramref name="ordinal"/> receives.</summary>
        internal static bool GivesBack(IInvocationOperation call, int ordinal, KubernetesTypes types) =>
            KubernetesTypes.IsInSource(call.TargetMethod)
            && types.Values.Methods is { } methods
            && methods.Get(call.TargetMethod, types) is { } summary
            && GivenBack(methods, summary, types, 1) == ordinal;

        // The ordinal of the parameter every return of the method gives back, directly or through helpers that give back
        // what they are handed; -1 for any other method.
        private static int GivenBack(MethodSummaries methods, MethodSummary summary, KubernetesTypes types, int depth)
        {
            if (summary.ReturnsParameter >= 0 || depth >= MethodSummaries.MaxDepth || summary.ReturnValues.IsDefaultOrEmpty)
            {
                return summary.ReturnsParameter;
            }

            int ordinal = -1;
            foreach (var value in summary.ReturnValues)
            {
                var current = ObjectMembers.WithoutConversions(value);
                for (int i = 0; i < MaxLinks && current is IInvocationOperation inner; i++)
                {
                    if (!KubernetesTypes.IsInSource(inner.TargetMethod)
                        || methods.Get(inner.TargetMethod, types) is not { } callee
                        || GivenBack(methods, callee, types, depth + 1) is var passed && passed < 0
                        || ArgumentAt(inner, passed) is not { } argument)
                    {
                        return -1;
                    }

                    current = ObjectMembers.WithoutConversions(argument.Value);
                }

                if (current is not IParameterReferenceOperation { Parameter: { } parameter }
                    || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, summary.Method.OriginalDefinition)
                    || (ordinal >= 0 && ordinal != parameter.Ordinal))
                {
                    return -1;
                }

                ordinal = parameter.Ordinal;
            }

            return ordinal;
        }

        private static IArgumentOperation? ArgumentAt(IInvocationOperation call, int ordinal)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
