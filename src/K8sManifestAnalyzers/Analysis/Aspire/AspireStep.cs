using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// One call along a container resource's builder chain that sets part of the image or the pull policy, with the
    /// scope its arguments are folded in.
    /// </summary>
    internal sealed class AspireStep
    {
        internal AspireStep(AspireCall kind, IInvocationOperation call, IValueScope? scope, IInvocationOperation? through, bool optional, int order, int innerOrder)
        {
            Kind = kind;
            Call = call;
            Scope = scope;
            Through = through;
            Optional = optional;
            Order = order;
            InnerOrder = innerOrder;
        }

        internal AspireCall Kind { get; }

        internal IInvocationOperation Call { get; }

        /// <summary>Where the call's locals and parameters are folded: the body's flow, or a helper's call site.</summary>
        internal IValueScope? Scope { get; }

        /// <summary>The call of a helper of the compilation that makes this call, as the analyzed body writes it; else null.</summary>
        internal IInvocationOperation? Through { get; }

        /// <summary>True when the call runs on some paths only (in an <c>if</c>, a loop, a lambda).</summary>
        internal bool Optional { get; }

        /// <summary>Its place in the analyzed body, for putting the calls in the order they run.</summary>
        internal int Order { get; }

        /// <summary>Its place inside the helper that makes it, for calls made by one helper call.</summary>
        internal int InnerOrder { get; }

        /// <summary>The argument given for the parameter named <paramref name="name"/>; null when there is none.</summary>
        internal IArgumentOperation? Argument(string name)
        {
            foreach (var argument in Call.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The method's name, as the messages name the calls.</summary>
        internal string Name => Call.TargetMethod.Name;
    }
}
