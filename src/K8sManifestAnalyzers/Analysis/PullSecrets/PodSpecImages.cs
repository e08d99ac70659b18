using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The images a pod spec created in a body can run, read from the body's shared containers
    /// (<see cref="ManifestBody.Container"/>), so KMA103 sees a container's image exactly as the image rules do:
    /// <list type="bullet">
    /// <item>the entries of its container lists: a <c>new</c>, a local holding one (on every path that reaches the
    /// list), a factory of the compilation, a generated builder;</item>
    /// <item>when the spec is held where the body can follow it (<c>spec</c>, <c>pod.Spec</c>): entries added later
    /// (<c>spec.Containers.Add(…)</c>, a list assigned later) and image writes to its containers
    /// (<c>spec.Containers[0].Image = …</c>, a <c>foreach</c> over the list, a get-or-create local whose every value is
    /// one of its containers).</item>
    /// </list>
    /// An entry that cannot be followed adds nothing: the rule stays silent about what it cannot see.
    /// </summary>
    internal sealed class PodSpecImages
    {
        private static readonly string[] Lists = { "Containers", "InitContainers", "EphemeralContainers" };

        private readonly ManifestBody _body;
        private readonly PodSpecFact _spec;
        private readonly HashSet<(string, Location)> _seen;

        private readonly IOperation? _call;

        // Reading a helper the caller's spec is handed to: the constants the call does not choose are located on the call.
        private readonly bool _atCall;

        private PodSpecImages(ManifestBody body, PodSpecFact spec, IOperation? call = null, HashSet<(string, Location)>? seen = null, bool atCall = false)
        {
            _body = body;
            _spec = spec;
            _call = call;
            _atCall = atCall;
            if (seen is null)
            {
                // Images already read for the spec (another reader of the same spec, at another call) are not added twice.
                seen = new HashSet<(string, Location)>();
                foreach (var image in spec.Images)
                {
                    seen.Add((image.Image, image.Location));
                }
            }

            _seen = seen;
        }

        /// <summary>
        /// Adds the images a factory's pod spec gets at one call (<paramref name="body"/> folds with the call's
        /// arguments): only those the call chooses, located on the argument; the factory's own are read in the factory.
        /// </summary>
        internal static void ReadThroughCall(IObjectCreationOperation creation, ManifestBody body, PodSpecFact spec, IOperation call)
        {
            var reader = new PodSpecImages(body, spec, call);
            foreach (var list in Lists)
            {
                if (ObjectMembers.Find(creation, list) is { } entries)
                {
                    reader.AddEntries(entries);
                }
            }

            reader.AddThroughChain(PodSpecChain.Of(creation, body.Types));
        }

        /// <summary>
        /// Adds the images <paramref name="creation"/>'s containers can have to <paramref name="spec"/>: those it is
        /// created with, those the helpers it is handed through add (<see cref="PodSpecChain"/>), and those the body adds
        /// later to what holds it.
        /// </summary>
        internal static void Read(IObjectCreationOperation creation, ManifestBody body, PodSpecFact spec)
        {
            var reader = new PodSpecImages(body, spec);
            foreach (var list in Lists)
            {
                if (ObjectMembers.Find(creation, list) is { } entries)
                {
                    reader.AddEntries(entries);
                }
            }

            reader.AddThroughChain(PodSpecChain.Of(creation, body.Types));
        }

        /// <summary>
        /// Adds the images the caller gives the spec a factory returns at <paramref name="call"/>
        /// (<c>var spec = NewSpec(); spec.Containers.Add(…)</c>, <c>NewSpec().Also(s => …)</c>), read in the caller's
        /// <paramref name="body"/> and located there; or, with <paramref name="readAt"/> (the caller is itself a factory
        /// read at that call), only those <paramref name="readAt"/> chooses, located on its arguments.
        /// </summary>
        internal static void ReadCompletedByCaller(IInvocationOperation call, ManifestBody body, PodSpecFact spec, IInvocationOperation? readAt = null) =>
            new PodSpecImages(body, spec, readAt).AddThroughChain(PodSpecChain.Of(call, body.Types));

        // The helpers the spec is handed through, then what the body does later to what keeps the chain's result.
        private void AddThroughChain(PodSpecChain chain)
        {
            if (_body.Types.Values.Methods is { } methods)
            {
                foreach (var link in chain.Links)
                {
                    if (link is { Parameter: { } target, Parent: IInvocationOperation call }
                        && !_body.Scope.IsFollowing(call.TargetMethod)
                        && methods.Get(call.TargetMethod, _body.Types) is { } summary)
                    {
                        // The spec has no name in this body: the helper's parameter stands for it, at this argument.
                        var handed = new AccessPath(target, System.Collections.Immutable.ImmutableArray<AccessStep>.Empty, link.Syntax);
                        ReadHelper(call, summary, target, handed, handed, 1);
                    }
                }
            }

            if (_body.Index.PlacementOf(chain.Top) is { } place)
            {
                AddLater(place);
                if (place.Site is not null)
                {
                    AddThroughHolderChain(chain.Top, place);
                }
            }
        }

        // `new V1Pod { Spec = new V1PodSpec { … } }.Also(p => …).WithLabels(…)`: the object that holds the spec (created in
        // the argument `place` names) is handed through helpers that give it back. The first is read with the spec's
        // place (AddThroughHelpers); then what the others add through the spec's path in the holder, and what the body
        // does later to the local that keeps the last result (`pod.Spec.Containers.Add(…)`, a helper given `pod`).
        private void AddThroughHolderChain(IOperation top, AccessPath place)
        {
            IArgumentOperation? handed = null;
            var current = top;
            for (int depth = 0; depth < 32 && current.Parent is { } parent; depth++)
            {
                if (parent is IArgumentOperation argument && argument.Syntax == place.Site)
                {
                    handed = argument;
                    break;
                }

                current = parent;
            }

            if (handed is null || _body.Types.Values.Methods is not { } methods)
            {
                return;
            }

            var chain = PodSpecChain.Of(ObjectMembers.WithoutConversions(handed.Value), _body.Types);
            if (chain.Links.IsEmpty || chain.Links[0] != handed)
            {
                return;
            }

            for (int i = 1; i < chain.Links.Length; i++)
            {
                if (chain.Links[i] is { Parameter: { } target, Parent: IInvocationOperation call } link
                    && !_body.Scope.IsFollowing(call.TargetMethod)
                    && methods.Get(call.TargetMethod, _body.Types) is { } summary)
                {
                    // The holder has no name in this body: the helper's parameter stands for it, at this argument.
                    var holder = new AccessPath(target, System.Collections.Immutable.ImmutableArray<AccessStep>.Empty, link.Syntax);
                    ReadHelper(call, summary, target, holder.Append(place.Steps), holder, 1);
                }
            }

            if (_body.Index.PlacementOf(chain.Top) is { } kept)
            {
                AddLater(kept.Append(place.Steps));
            }
        }

        // Every container a list expression holds: creations, locals, factory calls, generated builders.
        private void AddEntries(IOperation entries)
        {
            foreach (var operation in entries.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IObjectCreationOperation creation when _body.Types.IsContainerType(creation.Type):
                        Add(_body.Container(creation), creation);
                        break;

                    case IWithOperation copy when _body.Types.IsContainerType(copy.Type):
                        // `Base with { Image = … }`: the image the copy writes (what it leaves is the original's, not read).
                        foreach (var member in copy.Initializer.Initializers)
                        {
                            if (ContainerReader.ReadWrite(member, _body.Types, out var written) == ContainerProperty.Image && written is not null)
                            {
                                Add(_body.Read(written), written);
                            }
                        }

                        break;

                    case ILocalReferenceOperation local when _body.Types.IsContainerType(local.Type) && IsEntry(local):
                        // `Containers = [api]`: each container the local can hold where it is read.
                        foreach (var value in _body.Flow.ReachingValues(local) ?? System.Array.Empty<IOperation>())
                        {
                            switch (ObjectMembers.WithoutConversions(value))
                            {
                                case IObjectCreationOperation held when _body.Types.IsContainerType(held.Type):
                                    Add(_body.Container(held), local);
                                    break;
                                case IInvocationOperation call:
                                    Add(_body.CreatedBy(call), local);
                                    break;
                            }
                        }

                        break;

                    case IInvocationOperation call when _body.Types.IsContainerType(call.Type) && IsEntry(call):
                        if (_body.Types.Builders is { } builders
                            && builders.Classify(call) == BuilderCall.CreatesContainer
                            && builders.Read(call.Instance) is { } built)
                        {
                            // `ApiImage.Tag("1.0").ToContainer("api")` placed by hand: the image, and the declared pull
                            // secret the spec then needs.
                            Add(built.Text, Locations.OfValue(built.Expression), built.PullSecret);
                        }
                        else
                        {
                            Add(_body.CreatedBy(call), call);
                        }

                        break;
                }
            }
        }

        // What the body adds to the spec's lists and writes to their containers after creating it, read from the body
        // index: the list calls (Add, Insert, AddRange) and the references to the container lists.
        private void AddLater(AccessPath place)
        {
            var index = _body.Index;
            HashSet<ILocalSymbol>? added = null;
            foreach (var call in index.ListCalls)
            {
                if (call.Instance is not { } list || !IsList(index.Resolve(list), place))
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    if (_body.Types.IsModel(argument.Value.Type) || argument.Value.Type is IArrayTypeSymbol)
                    {
                        AddEntries(argument.Value);
                        var local = ObjectMembers.WithoutConversions(argument.Value) switch
                        {
                            ILocalReferenceOperation reference => reference.Local,
                            ISimpleAssignmentOperation { Target: ILocalReferenceOperation reference } => reference.Local,
                            _ => null,
                        };
                        if (local is not null)
                        {
                            (added ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(local);
                        }
                    }
                }
            }

            foreach (var name in Lists)
            {
                foreach (var reference in index.References(name))
                {
                    // `spec.Containers = …` outside an initializer.
                    if (BodyIndex.UserOf(reference) is ISimpleAssignmentOperation { Parent: not IObjectOrCollectionInitializerOperation } assignment
                        && assignment.Target == reference && IsList(index.Resolve(reference), place))
                    {
                        AddEntries(assignment.Value);
                    }
                }
            }

            AddThroughHelpers(index, place, null, 0, System.Collections.Immutable.ImmutableArray<IInvocationOperation>.Empty);

            foreach (var write in index.Writes)
            {
                if (write.Property != ContainerProperty.Image || write.Instance is not { } instance)
                {
                    continue;
                }

                if (IsElement(instance, place)
                    || (instance.Steps.IsEmpty && instance.Root is ILocalSymbol local && HoldsOnlyContainersOf(local, place, added)))
                {
                    var values = _body.Folder.Fold(write.Value, write.ScopeFor(_body.Scope), _body.PropertyDefaults);
                    var at = write.Call is null ? write.Value : write.Call;
                    Add(OperationValues.From(at, values), at);
                }
            }
        }

        // `AddApp(spec, "…")`, `spec.AddApp(…)`, `AddTo(pod, …)`, `AddTo(spec.Containers, …)`: the containers a helper of the
        // compilation handed the spec (or an object that holds it, or one of its container lists) adds to its lists or
        // assigns as a list, read in the helper's body with the call's arguments, and in the helpers it hands them on to
        // (to the call-depth bound, recursion excluded). In a helper (`parameter` set), only the paths from that
        // parameter, which stands for `mapped`, are the spec's; its own paths are mapped on.
        // `generic`: a generic helper's calls handed its type-parameter object (`configure(self)`), which are not model calls.
        private void AddThroughHelpers(BodyIndex index, AccessPath place, IParameterSymbol? parameter, int depth, System.Collections.Immutable.ImmutableArray<IInvocationOperation> generic)
        {
            if (_body.Types.Values.Methods is not { } methods || depth >= Summaries.MethodSummaries.MaxDepth)
            {
                return;
            }

            foreach (var call in index.ModelCalls)
            {
                AddThroughHelper(call, index, place, parameter, depth, methods);
            }

            foreach (var call in generic)
            {
                if (!BodyIndex.HandsOnModel(call, _body.Types))
                {
                    AddThroughHelper(call, index, place, parameter, depth, methods);
                }
            }
        }

        private void AddThroughHelper(IInvocationOperation call, BodyIndex index, AccessPath place, IParameterSymbol? parameter, int depth, Summaries.MethodSummaries methods)
        {
            var called = call.TargetMethod;
            IOperation? receiver = null;
            Values.IValueScope? receiverScope = null;
            if (_body.Scope is Summaries.CallScope scope)
            {
                if (PodSpecHandOff.LambdaOf(call, scope, out var writtenIn) is { } lambda)
                {
                    AddFromLambda(call, lambda, writtenIn, place, parameter, depth);
                    return;
                }

                // `configure(spec)` where the call passes a method group or a local function: a call to it (an extension
                // method bound to a receiver gets the receiver first).
                called = PodSpecHandOff.MethodOf(call, scope, out receiver, out receiverScope) ?? called;
            }

            if (!KubernetesTypes.IsInSource(called)
                || _body.Scope.IsFollowing(called)
                || methods.Get(called, _body.Types) is not { } summary)
            {
                return;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { } target)
                {
                    continue;
                }

                if (!ReferenceEquals(called, call.TargetMethod))
                {
                    // The delegate's parameter stands for the method's at the same position, or one later after a bound
                    // receiver (MethodOf checks they line up).
                    target = called.Parameters[target.Ordinal + (receiver is null ? 0 : 1)];
                }

                var path = index.Resolve(argument.Value);
                if (path is null && parameter is null && place.Site is { } site && site == argument.Syntax)
                {
                    // `Finish(new V1Pod { Spec = new V1PodSpec { … } })`: the spec is created in this argument.
                    path = new AccessPath(target, System.Collections.Immutable.ImmutableArray<AccessStep>.Empty, site);
                }

                if (path is null || (parameter is not null && (path = Map(path, parameter)) is null) || !(path.Holds(place) || IsList(path, place)))
                {
                    continue;
                }

                ReadHelper(call, summary, target, place, path, depth + 1, receiver, receiverScope);
            }
        }

        // A helper handed the spec (`mapped` gives its parameter `target` at this call), read in its body with the call's
        // arguments (after `receiver`, for an extension method bound to it); constants written in it are located on the
        // first call of this reading that handed it the spec.
        private void ReadHelper(IInvocationOperation call, Summaries.MethodSummary summary, IParameterSymbol target, AccessPath place, AccessPath mapped, int depth, IOperation? receiver = null, Values.IValueScope? receiverScope = null)
        {
            var scope = new Summaries.CallScope(summary, call, _body.Scope, receiver, receiverScope);
            var helper = new ManifestBody(summary.Index, summary.Flow, _body.Folder, _body.PropertyDefaults, _body.Types) { Scope = scope };
            var reader = new PodSpecImages(helper, _spec, _call ?? call, _seen, atCall: _call is null || _atCall);
            reader.AddFromHelper(summary, place, target.OriginalDefinition, mapped, depth);
        }

        // `configure(spec)` in a helper called as `Configure(s => s.Containers.Add(…))`, or handed the lambda by its own
        // caller: what the lambda adds through its parameter, itself or through the helpers it hands it to, read in the
        // body the lambda is written in, with that body's scope (`writtenIn`).
        private void AddFromLambda(IInvocationOperation invoke, IAnonymousFunctionOperation lambda, Values.IValueScope? writtenIn, AccessPath place, IParameterSymbol? parameter, int depth)
        {
            foreach (var argument in invoke.Arguments)
            {
                if (argument.Parameter is not { Ordinal: var ordinal } || ordinal >= lambda.Symbol.Parameters.Length
                    || _body.Index.Resolve(argument.Value) is not { } path
                    || (parameter is not null && (path = Map(path, parameter)) is null)
                    || !(path.Holds(place) || IsList(path, place)))
                {
                    continue;
                }

                var root = ContainerReader.Root(lambda);
                var caller = ManifestBody.For(root, _body.Types, _body.PropertyDefaults);
                var inLambda = new ManifestBody(caller.Index, caller.Flow, _body.Folder, _body.PropertyDefaults, _body.Types) { Scope = writtenIn ?? caller.Scope };
                var reader = new PodSpecImages(inLambda, _spec, _call, _seen, _atCall);
                reader._mapped = path;
                var received = lambda.Symbol.Parameters[ordinal];
                reader.AddListsFrom(caller.Index, place, received);
                reader.AddThroughHelpers(caller.Index, place, received, depth, System.Collections.Immutable.ImmutableArray<IInvocationOperation>.Empty);
            }
        }

        // The entries a body (a helper's, or the caller's for a lambda) adds or assigns to a list reached from `parameter`.
        private void AddListsFrom(BodyIndex index, AccessPath place, IParameterSymbol parameter)
        {
            foreach (var call in index.ListCalls)
            {
                if (call.Instance is { } list && IsList(Map(index.Resolve(list), parameter), place))
                {
                    foreach (var argument in call.Arguments)
                    {
                        if (_body.Types.IsModel(argument.Value.Type) || argument.Value.Type is IArrayTypeSymbol)
                        {
                            AddEntries(argument.Value);
                        }
                    }
                }
            }

            foreach (var name in Lists)
            {
                foreach (var reference in index.References(name))
                {
                    if (BodyIndex.UserOf(reference) is IAssignmentOperation { Parent: not IObjectOrCollectionInitializerOperation } assignment
                        and (ISimpleAssignmentOperation or ICoalesceAssignmentOperation)
                        && assignment.Target == reference && IsList(Map(index.Resolve(reference), parameter), place))
                    {
                        AddEntries(assignment.Value);
                    }
                }
            }
        }

        // What a helper's own body adds to the spec's lists through `parameter` (which the caller's `mapped` path gives).
        private void AddFromHelper(Summaries.MethodSummary summary, AccessPath place, IParameterSymbol parameter, AccessPath mapped, int depth)
        {
            _mapped = mapped;
            AddListsFrom(summary.Index, place, parameter);
            // A parameter typed by a type parameter (`T self`) is a model only at the call: its calls are listed apart.
            var generic = parameter.Type is ITypeParameterSymbol ? summary.GenericCallsInside(_body.Types) : System.Collections.Immutable.ImmutableArray<IInvocationOperation>.Empty;
            AddThroughHelpers(summary.Index, place, parameter, depth, generic);
        }

        private AccessPath? _mapped;

        // A helper's path from its parameter, as the caller's path the call gives it; null for any other path.
        private AccessPath? Map(AccessPath? path, IParameterSymbol parameter) =>
            path is { Site: null, Root: IParameterSymbol root } && _mapped is { } mapped
            && root.Ordinal == parameter.Ordinal
            && SymbolEqualityComparer.Default.Equals(root.ContainingSymbol?.OriginalDefinition, parameter.ContainingSymbol?.OriginalDefinition)
                ? mapped.Append(path.Steps)
                : null;

        // True when every value the local is given is a container of the spec: one of its list's elements
        // (`spec.Containers.FirstOrDefault(…)`), or a new container the body adds to the list
        // (`spec.Containers.Add(c = new V1Container { … })`, `c = new …; spec.Containers.Add(c);`).
        private bool HoldsOnlyContainersOf(ILocalSymbol local, AccessPath place, HashSet<ILocalSymbol>? added)
        {
            if (!_body.Index.IsTracked(local) || _body.Index.AssignmentsOf(local) is not { Count: > 0 } assignments)
            {
                return false;
            }

            foreach (var assignment in assignments)
            {
                var value = ObjectMembers.WithoutConversions(assignment.Value);
                bool ofSpec = value is IObjectCreationOperation
                    ? added?.Contains(local) == true
                    : _body.Index.Resolve(value) is { } path && IsElement(path, place);
                if (!ofSpec)
                {
                    return false;
                }
            }

            return true;
        }

        private void Add(ContainerModel? container, IOperation entry)
        {
            if (container is null)
            {
                return;
            }

            // The finding goes where the image is written when that is in this body; else on the entry (a factory call).
            var image = container.Image;
            var at = OperationValues.OperationOf(image) is { } written && OperationValues.IsWithin(written, _body.Index.Root)
                ? written
                : entry;
            Add(image, at);
        }

        private void Add(ManifestValue image, IOperation at)
        {
            var location = Locations.OfValue(at);
            foreach (var constant in image.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } text)
                {
                    if (_call is null)
                    {
                        Add(text, location, null);
                    }
                    else if (OperationValues.IsPassedBy(constant, _call))
                    {
                        Add(text, OperationValues.ChosenAt(constant, _call), null);
                    }
                    else if (_atCall)
                    {
                        // Written in the helper: on the call that hands it the spec.
                        Add(text, Locations.OfValue(_call), null);
                    }
                }
            }

            foreach (var partial in image.Values.Partials)
            {
                if (_call is not null)
                {
                    var partialAt = OperationValues.IsWithin(partial.Origin, _call) ? partial.Origin.Location : _atCall ? Locations.OfValue(_call) : null;
                    if (partialAt is not null && _seen.Add((partial.Pattern, partialAt)))
                    {
                        _spec.Images.Add(new PodImage(partial.Pattern, partialAt, partial: Model.PartialImageReference.Of(partial.Texts)));
                    }

                    continue;
                }

                if (_seen.Add((partial.Pattern, location)))
                {
                    _spec.Images.Add(new PodImage(partial.Pattern, location, partial: Model.PartialImageReference.Of(partial.Texts)));
                }
            }
        }

        private void Add(string image, Location location, string? declaredPullSecret)
        {
            if (_seen.Add((image, location)))
            {
                _spec.Images.Add(new PodImage(image, location, declaredPullSecret));
            }
        }

        // An element of a container list, not the receiver of a call or member access on it.
        private static bool IsEntry(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "Insert" or "AddRange" } } or IArrayInitializerOperation
                || parent?.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax;
        }

        // `place.Containers` (or InitContainers, EphemeralContainers).
        private static bool IsList(AccessPath? path, AccessPath place)
        {
            if (path is null || path.Steps.Length != place.Steps.Length + 1 || path.Steps[place.Steps.Length].Property is not { } name)
            {
                return false;
            }

            return System.Array.IndexOf(Lists, name) >= 0 && place.Append(AccessStep.Member(name)).Reaches(path) == PathMatch.Definite;
        }

        // An element of one of the spec's container lists.
        private static bool IsElement(AccessPath path, AccessPath place)
        {
            if (path.Steps.Length != place.Steps.Length + 2 || path.Steps[place.Steps.Length].Property is not { } name || path.Steps[place.Steps.Length + 1].Property is not null)
            {
                return false;
            }

            return System.Array.IndexOf(Lists, name) >= 0
                && place.Append(AccessStep.Member(name)).Append(AccessStep.Element(AccessStep.AnyIndex)).Reaches(path) != PathMatch.None;
        }
    }
}
