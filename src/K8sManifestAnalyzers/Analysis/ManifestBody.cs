using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Summaries;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// What the readers know of the method body (operation block) being analyzed: its index of locals and writes,
    /// its control flow (built on demand), the value folder of the compilation, and the containers it creates. One
    /// instance per body is shared by every analyzer that reads it (<see cref="For"/>), so a container is read once
    /// whichever rule asks first.
    /// </summary>
    internal sealed class ManifestBody
    {
        // The body of each analyzed root, shared by the analyzers (the driver hands every analyzer the same operation
        // tree); it lives as long as the tree.
        private static readonly ConditionalWeakTable<IOperation, ManifestBody> Shared = new();

        private readonly Dictionary<IOperation, ContainerModel?> _containers = new();
        private readonly object _gate = new();

        internal ManifestBody(BodyIndex index, BodyFlow flow, ValueFolder folder, bool propertyDefaults, KubernetesTypes types)
        {
            Types = types;
            Index = index;
            Flow = flow;
            Folder = folder;
            PropertyDefaults = propertyDefaults;
            Scope = flow;
        }

        /// <summary>
        /// The shared body of <paramref name="root"/> (<see cref="ContainerReader.Root"/>), built the first time an
        /// analyzer asks. <paramref name="graph"/> builds its control-flow graph when a flow question needs it; without
        /// one, the graph is built from the root. <paramref name="propertyDefaults"/> is the option of the root's file.
        /// </summary>
        internal static ManifestBody For(IOperation root, KubernetesTypes types, bool propertyDefaults, Func<ControlFlowGraph?>? graph = null)
        {
            if (Shared.TryGetValue(root, out var body))
            {
                return body;
            }

            var index = BodyIndex.For(root, types);
            var built = new ManifestBody(index, new BodyFlow(index, graph ?? (() => GraphOf(root))), types.Values, propertyDefaults, types);
            return Shared.GetValue(root, _ => built);
        }

        internal KubernetesTypes Types { get; }

        internal BodyIndex Index { get; }

        internal bool IsImageVolume(IOperation creation) => Types.IsImageVolume(creation.Type);

        internal BodyFlow Flow { get; }

        internal ValueFolder Folder { get; }

        internal bool PropertyDefaults { get; }

        /// <summary>The possible values of an expression of this body.</summary>
        internal PossibleValues Fold(IOperation value) => Folder.Fold(value, Scope, PropertyDefaults);

        /// <summary>The scope values of this body are folded in: its own flow, or a call site's arguments for a callee.</summary>
        internal IValueScope Scope { get; set; } = null!;

        /// <summary>The written value with its possible values.</summary>
        internal ManifestValue Read(IOperation value) => OperationValues.From(value, Fold(value));

        /// <summary>
        /// The container (or image volume) a creation of this body builds, with its values folded and its later writes
        /// connected (<see cref="ContainerReader.Read(IObjectCreationOperation, KubernetesTypes, ManifestBody)"/>); read
        /// once for every rule. Null when it builds none.
        /// </summary>
        internal ContainerModel? Container(IObjectCreationOperation creation)
        {
            lock (_gate)
            {
                if (_containers.TryGetValue(creation, out var known))
                {
                    return known;
                }
            }

            var read = ContainerReader.Read(creation, Types, this);
            lock (_gate)
            {
                _containers[creation] = read;
            }

            return read;
        }

        /// <summary>
        /// The container a factory of the compilation creates at <paramref name="call"/>: the factory's values folded
        /// with this call's arguments, then the writes this body makes on the result. Null when the called method
        /// creates no container.
        /// </summary>
        internal ContainerModel? CreatedBy(IInvocationOperation call)
        {
            if (Types.Values.Methods?.Get(call.TargetMethod, Types) is not { CreatedContainer: { } created } summary)
            {
                return null;
            }

            var inFactory = new ManifestBody(summary.Index, summary.Flow, Folder, PropertyDefaults, Types) { Scope = new CallScope(summary, call, Scope) };
            if (ContainerReader.Read(created, Types, inFactory) is not { } made)
            {
                return null;
            }

            var atCall = ContainerFlow.Complete(call, made.Image, made.PullPolicy, this);
            return OperationValues.Container(call, atCall.Image, atCall.PullPolicy, made.IsImageVolume);
        }

        /// <summary>
        /// The containers a method of the compilation creates at <paramref name="call"/> besides the one it returns
        /// (<see cref="CreatedBy"/>): those inside the Deployment, Job, pod or pod spec it builds, and those the
        /// methods it calls create, down to <see cref="MethodSummaries.MaxDepth"/> calls, each folded with the
        /// arguments of the calls that lead to it. A property this body may write on the call's result afterwards
        /// (<c>d.Spec.Template.Spec.Containers[0].ImagePullPolicy = …</c>) is unknown.
        /// </summary>
        internal List<ContainerModel>? CreatedInside(IInvocationOperation call)
        {
            if (Types.Values.Methods is not { } methods || methods.Get(call.TargetMethod, Types) is not { } summary)
            {
                return null;
            }

            List<ContainerModel>? made = null;
            Collect(methods, summary, new CallScope(summary, call, Scope), call, 1, ref made);
            if (made is null)
            {
                return null;
            }

            bool image = MayWriteResult(call, ContainerProperty.Image);
            bool policy = MayWriteResult(call, ContainerProperty.ImagePullPolicy);
            if (image || policy)
            {
                for (int i = 0; i < made.Count; i++)
                {
                    var container = made[i];
                    made[i] = OperationValues.Container(
                        call,
                        image ? container.Image.AsUnknown() : container.Image,
                        policy ? container.PullPolicy.AsUnknown() : container.PullPolicy,
                        container.IsImageVolume);
                }
            }

            return made;
        }

        private void Collect(MethodSummaries methods, MethodSummary summary, CallScope scope, IInvocationOperation call, int depth, ref List<ContainerModel>? made)
        {
            var (creations, calls) = summary.Inside(Types);
            if (!creations.IsEmpty)
            {
                var inside = new ManifestBody(summary.Index, summary.Flow, Folder, PropertyDefaults, Types) { Scope = scope };
                foreach (var creation in creations)
                {
                    if ((depth > 1 || creation != summary.CreatedContainer) && ContainerReader.Read(creation, Types, inside) is { } container)
                    {
                        (made ??= new List<ContainerModel>()).Add(OperationValues.Container(call, container.Image, container.PullPolicy, container.IsImageVolume));
                    }
                }
            }

            if (depth >= MethodSummaries.MaxDepth)
            {
                return;
            }

            foreach (var inner in calls)
            {
                if (!scope.IsFollowing(inner.TargetMethod) && methods.Get(inner.TargetMethod, Types, depth + 1) is { } callee)
                {
                    Collect(methods, callee, new CallScope(callee, inner, scope), call, depth + 1, ref made);
                }
            }
        }

        // Whether this body may write the property on what the call returns: a write through the local or object it is
        // stored in, a write whose object is not followed, or a call that may write anything of it.
        private bool MayWriteResult(IInvocationOperation call, ContainerProperty property)
        {
            if (Index.PlacementOf(call) is not { } place)
            {
                return false;
            }

            foreach (var write in Index.Writes)
            {
                if (write.Property == property && (write.Instance is null || SymbolEqualityComparer.Default.Equals(write.Instance.Root, place.Root)))
                {
                    return true;
                }
            }

            foreach (var held in Index.MayWrite)
            {
                if (SymbolEqualityComparer.Default.Equals(held.Root, place.Root))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The control-flow graph of a root the compiler builds one for (a method, constructor or initializer body);
        /// null for the others, whose flow questions then stay unanswered.
        /// </summary>
        internal static ControlFlowGraph? GraphOf(IOperation root)
        {
            try
            {
                return root switch
                {
                    IMethodBodyOperation method => ControlFlowGraph.Create(method),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                    IFieldInitializerOperation field => ControlFlowGraph.Create(field),
                    IPropertyInitializerOperation property => ControlFlowGraph.Create(property),
                    IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter),
                    IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block),
                    _ => null,
                };
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
