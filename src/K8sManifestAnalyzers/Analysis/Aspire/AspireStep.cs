using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// A call of the app host's own code that a step is made through: a helper that receives the builder and returns it
    /// (<c>.Pinned("2024.3")</c>), or a helper that adds the container and returns its builder (<c>builder.AddSeq("seq")</c>).
    /// </summary>
    internal readonly struct AspireFrame
    {
        internal AspireFrame(IInvocationOperation call, bool addsContainer)
        {
            Call = call;
            AddsContainer = addsContainer;
        }

        internal IInvocationOperation Call { get; }

        /// <summary>
        /// True for a helper that adds the container: what it writes itself is reported in it, once; false for a helper
        /// that receives the builder, whose constants are reported at the call.
        /// </summary>
        internal bool AddsContainer { get; }
    }

    /// <summary>
    /// One call along a container resource's builder chain that sets part of the image or the pull policy, with the
    /// scope its arguments are folded in.
    /// </summary>
    internal sealed class AspireStep
    {
        internal AspireStep(AspireCall kind, IInvocationOperation call, IValueScope? scope, ImmutableArray<AspireFrame> frames, bool optional, ImmutableArray<int> order)
        {
            Kind = kind;
            Call = call;
            Scope = scope;
            Frames = frames;
            Optional = optional;
            Order = order;
        }

        internal AspireCall Kind { get; }

        internal IInvocationOperation Call { get; }

        /// <summary>Where the call's locals and parameters are folded: the body's flow, or a helper's call site.</summary>
        internal IValueScope? Scope { get; }

        /// <summary>The calls of the app host's helpers this call is made through, the analyzed body's first; empty when none.</summary>
        internal ImmutableArray<AspireFrame> Frames { get; }

        /// <summary>True when the call runs on some paths only (in an <c>if</c>, a loop, a lambda).</summary>
        internal bool Optional { get; }

        /// <summary>
        /// Its place: the position of each helper call it is made through, then its own, each in the body that writes it;
        /// compared in order, it puts the calls in the order they run.
        /// </summary>
        internal ImmutableArray<int> Order { get; }

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

        /// <summary>Compares the places of two steps (<see cref="Order"/>).</summary>
        internal static int CompareOrder(AspireStep a, AspireStep b)
        {
            for (int i = 0; i < a.Order.Length && i < b.Order.Length; i++)
            {
                int compared = a.Order[i].CompareTo(b.Order[i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return a.Order.Length.CompareTo(b.Order.Length);
        }
    }
}
