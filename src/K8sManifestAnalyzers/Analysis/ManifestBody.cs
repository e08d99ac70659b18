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
        internal ManifestValue Read(IOperation value) => ManifestValue.From(value, Fold(value));

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
            return new ContainerModel(call, atCall.Image, atCall.PullPolicy, made.IsImageVolume);
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
