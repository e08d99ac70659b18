using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Summaries
{
    /// <summary>A write a method makes to an image or pull policy reached from one of its parameters.</summary>
    internal readonly struct ParameterWrite
    {
        internal ParameterWrite(int parameter, ImmutableArray<AccessStep> steps, PropertyWrite write, bool onEveryPath)
        {
            Parameter = parameter;
            Steps = steps;
            Write = write;
            OnEveryPath = onEveryPath;
        }

        /// <summary>The ordinal of the parameter the written object is reached from.</summary>
        internal int Parameter { get; }

        /// <summary>The steps from the parameter to the written object (empty for the parameter itself).</summary>
        internal ImmutableArray<AccessStep> Steps { get; }

        /// <summary>The write as the method's own body sees it.</summary>
        internal PropertyWrite Write { get; }

        /// <summary>True when the method makes the write on every path through it.</summary>
        internal bool OnEveryPath { get; }
    }

    /// <summary>
    /// What a method of the compilation does that the rules care about, computed from its own body once per
    /// compilation: the values it returns, the writes it makes through its parameters (on every path or some), the
    /// parameters it hands on to calls that are not followed, whether it returns one of its parameters (a fluent
    /// builder) and the container it creates and returns (a factory).
    /// </summary>
    internal sealed class MethodSummary
    {
        internal MethodSummary(
            IMethodSymbol method,
            BodyIndex index,
            BodyFlow flow,
            ImmutableArray<IOperation> returnValues,
            ImmutableArray<ImmutableArray<(IOperation Subject, Func<string, bool> Test)>> returnGuards,
            int returnsParameter,
            ImmutableArray<ParameterWrite> writes,
            ImmutableHashSet<int> mayWrite,
            IObjectCreationOperation? createdObject,
            bool createsContainer)
        {
            Method = method;
            Index = index;
            Flow = flow;
            ReturnValues = returnValues;
            ReturnGuards = returnGuards;
            ReturnsParameter = returnsParameter;
            Writes = writes;
            MayWrite = mayWrite;
            CreatedObject = createdObject;
            CreatedContainer = createsContainer ? createdObject : null;
        }

        internal IMethodSymbol Method { get; }

        internal BodyIndex Index { get; }

        internal BodyFlow Flow { get; }

        /// <summary>The expressions the method returns (all its return statements, or its expression body).</summary>
        internal ImmutableArray<IOperation> ReturnValues { get; }

        /// <summary>
        /// For each of <see cref="ReturnValues"/>, the tests of string values that choose it (the <c>if</c> it is under,
        /// the <c>if</c>s before it that returned, the <c>case</c> of a <c>switch</c>), as a tested expression of the
        /// method and the test its value passes when the return is reached.
        /// </summary>
        internal ImmutableArray<ImmutableArray<(IOperation Subject, Func<string, bool> Test)>> ReturnGuards { get; }

        /// <summary>The ordinal of the parameter every return returns unchanged (a fluent builder), or -1.</summary>
        internal int ReturnsParameter { get; }

        internal ImmutableArray<ParameterWrite> Writes { get; }

        /// <summary>Parameters handed on to calls that are not followed: anything reached from them may be written.</summary>
        internal ImmutableHashSet<int> MayWrite { get; }

        /// <summary>The container (or image volume) the method creates and returns, for a factory; else null.</summary>
        internal IObjectCreationOperation? CreatedContainer { get; }

        /// <summary>The object the method creates and returns (a container, metadata, a pod spec), else null.</summary>
        internal IObjectCreationOperation? CreatedObject { get; }

        /// <summary>
        /// Every write the method makes to an image or policy, whatever object it reaches (a lambda's parameter in a
        /// builder, a container it creates): the constants a call passes into them are checked at the call.
        /// </summary>
        internal IReadOnlyList<PropertyWrite> AllWrites => Index.Writes;

        private Contents? _contents;

        /// <summary>
        /// The containers and image volumes the method creates anywhere in its body (inside the Deployment, pod or pod
        /// spec it returns, added to a list, passed on), and the calls it makes to methods that may create more.
        /// </summary>
        internal (ImmutableArray<IObjectCreationOperation> Creations, ImmutableArray<IInvocationOperation> Calls) Inside(KubernetesTypes types)
        {
            var contents = ContentsOf(types);
            return (contents.Containers, contents.Calls);
        }

        /// <summary>
        /// The Secrets, ConfigMaps and service accounts the method creates with their metadata written in place, each
        /// with its name and namespace values.
        /// </summary>
        internal ImmutableArray<(IObjectCreationOperation Creation, IOperation? Name, IOperation? Namespace)> ObjectsInside(KubernetesTypes types) => ContentsOf(types).Objects;

        /// <summary>The pod specs the method creates anywhere in its body.</summary>
        internal ImmutableArray<IObjectCreationOperation> PodSpecsInside(KubernetesTypes types) => ContentsOf(types).PodSpecs;

        /// <summary>
        /// The objects that reference a Secret or ConfigMap by name the method creates anywhere in its body (key
        /// selectors, env sources, volume sources, projections, Ingress TLS).
        /// </summary>
        internal ImmutableArray<IObjectCreationOperation> ReferencesInside(KubernetesTypes types) => ContentsOf(types).References;

        /// <summary>
        /// The writes of a pod spec's <c>ServiceAccountName</c> or <c>ServiceAccount</c> the method makes outside an
        /// object initializer (<c>spec.ServiceAccountName = account;</c>); those written in a creation are read from
        /// <see cref="PodSpecsInside"/>.
        /// </summary>
        internal ImmutableArray<ISimpleAssignmentOperation> ServiceAccountWritesInside(KubernetesTypes types) => ContentsOf(types).ServiceAccountWrites;

        /// <summary>
        /// The calls the method makes that hand on a value typed by a type parameter (<c>configure(self)</c> in
        /// <c>T Also&lt;T&gt;(this T self, Action&lt;T&gt; configure)</c>): the body index lists only calls handed a model type,
        /// and a generic helper's object is a model only at its call sites.
        /// </summary>
        internal ImmutableArray<IInvocationOperation> GenericCallsInside(KubernetesTypes types) => ContentsOf(types).GenericCalls;

        // What the body creates and calls, found in one walk the first time a caller asks (most summaries are never
        // asked: only calls into methods that create manifests read them).
        private Contents ContentsOf(KubernetesTypes types)
        {
            if (_contents is { } known)
            {
                return known;
            }

            var containers = ImmutableArray.CreateBuilder<IObjectCreationOperation>();
            var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            var objects = ImmutableArray.CreateBuilder<(IObjectCreationOperation, IOperation?, IOperation?)>();
            var podSpecs = ImmutableArray.CreateBuilder<IObjectCreationOperation>();
            var references = ImmutableArray.CreateBuilder<IObjectCreationOperation>();
            var accountWrites = ImmutableArray.CreateBuilder<ISimpleAssignmentOperation>();
            var genericCalls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (var operation in Index.Root.Descendants())
            {
                if (operation is IInvocationOperation handing && HandsOnTypeParameter(handing))
                {
                    genericCalls.Add(handing);
                }

                switch (operation)
                {
                    case IObjectCreationOperation creation when types.HasImage(creation.Type):
                        containers.Add(creation);
                        break;
                    case IObjectCreationOperation creation when types.IsPodSpec(creation.Type):
                        podSpecs.Add(creation);
                        break;
                    case IObjectCreationOperation creation when types.ReferenceShapeOf(creation.Type) is not null:
                        references.Add(creation);
                        break;
                    case IObjectCreationOperation creation when (types.IsSecret(creation.Type) || types.IsConfigMap(creation.Type) || types.IsServiceAccount(creation.Type))
                        && ObjectMembers.Find(creation, "Metadata") is { } metadata
                        && ObjectMembers.WithoutConversions(metadata) is IObjectCreationOperation meta && types.IsObjectMeta(meta.Type):
                        objects.Add((creation, ObjectMembers.Find(meta, "Name"), ObjectMembers.Find(meta, "NamespaceProperty")));
                        break;
                    case ISimpleAssignmentOperation assignment when Analysis.PullSecrets.ServiceAccountCollector.IsLaterWrite(assignment, types):
                        accountWrites.Add(assignment);
                        break;
                    case IInvocationOperation { TargetMethod: { } target } call when !target.IsImplicitlyDeclared && target.DeclaringSyntaxReferences.Length == 1 && !MethodSummaries.IsKnownNotToWrite(target):
                        calls.Add(call);
                        break;
                }
            }

            var contents = new Contents(containers.ToImmutable(), calls.ToImmutable(), objects.ToImmutable(), podSpecs.ToImmutable(), references.ToImmutable(), accountWrites.ToImmutable(), genericCalls.ToImmutable());
            _contents = contents;
            return contents;
        }

        private static bool HandsOnTypeParameter(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
                if (value.Type is ITypeParameterSymbol)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Contents
        {
            internal Contents(
                ImmutableArray<IObjectCreationOperation> containers,
                ImmutableArray<IInvocationOperation> calls,
                ImmutableArray<(IObjectCreationOperation, IOperation?, IOperation?)> objects,
                ImmutableArray<IObjectCreationOperation> podSpecs,
                ImmutableArray<IObjectCreationOperation> references,
                ImmutableArray<ISimpleAssignmentOperation> serviceAccountWrites,
                ImmutableArray<IInvocationOperation> genericCalls)
            {
                Containers = containers;
                Calls = calls;
                Objects = objects;
                PodSpecs = podSpecs;
                References = references;
                ServiceAccountWrites = serviceAccountWrites;
                GenericCalls = genericCalls;
            }

            internal ImmutableArray<IObjectCreationOperation> Containers { get; }

            internal ImmutableArray<IInvocationOperation> Calls { get; }

            internal ImmutableArray<(IObjectCreationOperation Creation, IOperation? Name, IOperation? Namespace)> Objects { get; }

            internal ImmutableArray<IObjectCreationOperation> PodSpecs { get; }

            internal ImmutableArray<IObjectCreationOperation> References { get; }

            internal ImmutableArray<ISimpleAssignmentOperation> ServiceAccountWrites { get; }

            internal ImmutableArray<IInvocationOperation> GenericCalls { get; }
        }

        /// <summary>The method's name as a message shows it: <c>Worker</c>, <c>Images.Runner</c>.</summary>
        internal string DisplayName => Method.ContainingType is { } type && Method.MethodKind != MethodKind.LocalFunction
            ? type.Name + "." + Method.Name
            : Method.Name;
    }
}
