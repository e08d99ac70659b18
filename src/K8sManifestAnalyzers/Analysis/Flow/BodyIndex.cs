using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Flow
{
    /// <summary>An assignment to a local: its declarator or assignment, and the value.</summary>
    internal readonly struct LocalAssignment
    {
        internal LocalAssignment(IOperation operation, SyntaxNode syntax, IOperation value, bool isCoalesce)
        {
            Operation = operation;
            Syntax = syntax;
            Value = value;
            IsCoalesce = isCoalesce;
        }

        /// <summary>The declarator or the assignment.</summary>
        internal IOperation Operation { get; }

        internal SyntaxNode Syntax { get; }

        internal IOperation Value { get; }

        /// <summary><c>??=</c>: assigns only when the local is null.</summary>
        internal bool IsCoalesce { get; }
    }

    /// <summary>
    /// A write to an image or pull-policy property outside an object initializer: an assignment in this body, or a
    /// write a called method makes through the argument it is given.
    /// </summary>
    internal readonly struct PropertyWrite
    {
        internal PropertyWrite(IOperation operation, SyntaxNode coverage, IOperation value, ContainerProperty property, AccessPath? instance, bool isCoalesce, bool onEveryPath = true, Summaries.MethodSummary? callee = null, IInvocationOperation? call = null)
        {
            Operation = operation;
            Coverage = coverage;
            Value = value;
            Property = property;
            Instance = instance;
            IsCoalesce = isCoalesce;
            OnEveryPath = onEveryPath;
            Callee = callee;
            Call = call;
        }

        /// <summary>The assignment, or the call that makes the write.</summary>
        internal IOperation Operation { get; }

        /// <summary>Where the write counts on a path (for <c>??=</c> its test; for a call the call).</summary>
        internal SyntaxNode Coverage { get; }

        /// <summary>The written value, in the body that writes it (the callee's for a call).</summary>
        internal IOperation Value { get; }

        internal ContainerProperty Property { get; }

        /// <summary>The object written to, as a path from a local or parameter; null when it cannot be told.</summary>
        internal AccessPath? Instance { get; }

        /// <summary><c>??=</c>: assigns only where the property is null.</summary>
        internal bool IsCoalesce { get; }

        /// <summary>False when a called method makes the write on some of its paths only.</summary>
        internal bool OnEveryPath { get; }

        /// <summary>The called method that makes the write, or null for an assignment in this body.</summary>
        internal Summaries.MethodSummary? Callee { get; }

        internal IInvocationOperation? Call { get; }

        /// <summary>The scope to fold the value in: the caller's, or the callee's body with the call's arguments.</summary>
        internal Values.IValueScope ScopeFor(Values.IValueScope caller) =>
            Callee is not null && Call is not null ? new Summaries.CallScope(Callee, Call, caller) : caller;
    }

    /// <summary>
    /// One pass over a method body (or another operation block): the assignments of every local, the locals that
    /// cannot be followed (captured and written by a lambda, passed by <c>ref</c> or <c>out</c>, deconstructed),
    /// <c>foreach</c> variables, the writes to image and pull-policy properties, the calls that receive a model or add
    /// to a list, and the references to the members that can change after their object is created (pull-secret and
    /// data lists, container lists, env lists, the service account). Paths such as <c>pod.Spec.Containers[0]</c> are
    /// resolved against it. The collectors and rules that ask whether something is written or used later in a body
    /// read these facts; none walks the body's operations again.
    /// </summary>
    internal sealed class BodyIndex
    {
        private const int MaxAliasDepth = 8;

        private readonly Dictionary<ILocalSymbol, List<LocalAssignment>> _assignments = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _untrackable = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, IOperation> _foreachCollections = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, (IOperation Collection, int Position)> _foreachDeconstructed = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<IParameterSymbol, IOperation> _lambdaRows = new(SymbolEqualityComparer.Default);
        private readonly List<PropertyWrite> _writes = new();
        private readonly List<AccessPath> _mayWrite = new();
        private List<IOperation>? _listMembers;
        private List<IInvocationOperation>? _modelCalls;
        private List<IObjectCreationOperation>? _modelCreations;
        private List<IInvocationOperation>? _listCalls;
        private Dictionary<string, List<IOperation>>? _references;
        private Dictionary<ILocalSymbol, List<IArgumentOperation>>? _passed;

        private BodyIndex(IOperation root)
        {
            Root = root;
        }

        internal IOperation Root { get; }

        internal IReadOnlyList<PropertyWrite> Writes => _writes;

        /// <summary>
        /// Objects handed to calls that are not followed (a method in another assembly, a virtual one): anything
        /// reached from them may have been written.
        /// </summary>
        internal IReadOnlyList<AccessPath> MayWrite => _mayWrite;

        /// <summary>
        /// Where the body names a list or data member that can change after its object is created, in text order: every
        /// reference to a property named <c>ImagePullSecrets</c>, <c>Data</c>, <c>StringData</c> or <c>BinaryData</c>
        /// (written, added to, read, or set in an initializer), and every constructor argument for one (KubernetesClient
        /// 17 and older). The pull-secret and Secret readers find later writes here instead of walking the body again.
        /// </summary>
        internal IReadOnlyList<IOperation> ListMembers => (IReadOnlyList<IOperation>?)_listMembers ?? Array.Empty<IOperation>();

        /// <summary>
        /// Every reference to a property of this name, in text order (written, added to, read, or set in an
        /// initializer), for the members whose later changes a reader asks about: the container lists
        /// (<c>Containers</c>, <c>InitContainers</c>, <c>EphemeralContainers</c>), a container's <c>Env</c>, and a pod
        /// spec's <c>ServiceAccountName</c> and deprecated <c>ServiceAccount</c>. Empty for any other name. The reader
        /// finds what uses the reference with <see cref="UserOf"/>.
        /// </summary>
        internal IReadOnlyList<IOperation> References(string member) =>
            _references is not null && _references.TryGetValue(member, out var references) ? references : Array.Empty<IOperation>();

        /// <summary>
        /// The calls that may add to a list after it is created: <c>Add</c>, <c>Insert</c> and <c>AddRange</c> on an
        /// instance (<c>spec.Containers.Add(…)</c>, <c>list.Insert(0, …)</c> on a local holding one), in text order.
        /// </summary>
        internal IReadOnlyList<IInvocationOperation> ListCalls => (IReadOnlyList<IInvocationOperation>?)_listCalls ?? Array.Empty<IInvocationOperation>();

        /// <summary>The arguments of calls (not of creations) that are the local itself, in text order.</summary>
        internal IReadOnlyList<IArgumentOperation> ArgumentsPassing(ILocalSymbol local) =>
            _passed is not null && _passed.TryGetValue(local, out var arguments) ? arguments : Array.Empty<IArgumentOperation>();

        /// <summary>The calls that receive a model (<see cref="HandsOnModel"/>), in text order: what may write an object after its creation.</summary>
        internal IReadOnlyList<IInvocationOperation> ModelCalls => (IReadOnlyList<IInvocationOperation>?)_modelCalls ?? Array.Empty<IInvocationOperation>();

        /// <summary>
        /// The creations of objects that are not models handed a model (<c>new PodBuilder(spec)</c>): the object may keep
        /// it and write to it later, through calls that do not name it.
        /// </summary>
        internal IReadOnlyList<IObjectCreationOperation> ModelCreations => (IReadOnlyList<IObjectCreationOperation>?)_modelCreations ?? Array.Empty<IObjectCreationOperation>();

        // The index of each analyzed body, shared by the analyzers that read it (the driver hands every analyzer the
        // same operation tree of a block); it lives as long as the tree. An index is not changed once built.
        private static readonly ConditionalWeakTable<IOperation, BodyIndex> Shared = new();

        /// <summary>The index of an operation block's root, built once for all the analyzers that ask.</summary>
        internal static BodyIndex For(IOperation root, KubernetesTypes types)
        {
            if (Shared.TryGetValue(root, out var index))
            {
                return index;
            }

            var built = Build(root, types);
            return Shared.GetValue(root, _ => built);
        }

        internal static BodyIndex Build(IOperation root, KubernetesTypes types, int depth = 0)
        {
            var index = new BodyIndex(root);
            var pendingWrites = new List<(IAssignmentOperation Assignment, ContainerProperty Property)>();
            var pendingCalls = new List<IInvocationOperation>();
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        index.Add(declarator.Symbol, declarator.Syntax, initializer.Value, isCoalesce: false, operation);
                        break;

                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        index.Add(target.Local, assignment.Syntax, assignment.Value, assignment is ICoalesceAssignmentOperation, operation);
                        if (assignment is ICompoundAssignmentOperation)
                        {
                            index._untrackable.Add(target.Local);
                        }

                        break;

                    case IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                        when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation
                            && target.Instance is not null and not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                        var property = types.Classify(target.Property);
                        if (property != ContainerProperty.None)
                        {
                            pendingWrites.Add((assignment, property));
                        }

                        break;

                    case IArgumentOperation argument:
                        if (argument.Value is ILocalReferenceOperation passed)
                        {
                            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                            {
                                index._untrackable.Add(passed.Local);
                            }
                            else if (argument.Parent is IInvocationOperation)
                            {
                                (index._passed ??= new Dictionary<ILocalSymbol, List<IArgumentOperation>>(SymbolEqualityComparer.Default)).TryGetValue(passed.Local, out var arguments);
                                if (arguments is null)
                                {
                                    index._passed[passed.Local] = arguments = new List<IArgumentOperation>();
                                }

                                arguments.Add(argument);
                            }
                        }
                        else if (argument.Parent is IObjectCreationOperation && argument.Parameter is { Name: var name } && IsListMember(name))
                        {
                            (index._listMembers ??= new List<IOperation>()).Add(operation);
                        }

                        break;

                    case IPropertyReferenceOperation { Property.Name: var member }:
                        if (IsListMember(member))
                        {
                            (index._listMembers ??= new List<IOperation>()).Add(operation);
                        }
                        else if (IsReferencedMember(member))
                        {
                            index.AddReference(member, operation);
                        }

                        break;

                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in deconstruction.Target.DescendantsAndSelf())
                        {
                            if (target is ILocalReferenceOperation local)
                            {
                                index._untrackable.Add(local.Local);
                            }
                        }

                        break;

                    case IDeclarationExpressionOperation declaration:
                        // `out var p`: assigned by the call, in a way not followed.
                        foreach (var declared in declaration.DescendantsAndSelf())
                        {
                            if (declared is ILocalReferenceOperation local)
                            {
                                index._untrackable.Add(local.Local);
                            }
                        }

                        break;

                    case IForEachLoopOperation loop when loop.LoopControlVariable is IVariableDeclaratorOperation variable:
                        index._foreachCollections[variable.Symbol] = loop.Collection;
                        break;

                    case IForEachLoopOperation { LoopControlVariable: IDeclarationExpressionOperation { Expression: ITupleOperation deconstruction } } loop:
                        // `foreach (var (name, image) in rows)`: each variable is one position of every row.
                        for (int position = 0; position < deconstruction.Elements.Length; position++)
                        {
                            if (deconstruction.Elements[position] is ILocalReferenceOperation element)
                            {
                                index._foreachDeconstructed[element.Local] = (loop.Collection, position);
                            }
                        }

                        break;

                    case IObjectCreationOperation creation when !creation.Arguments.IsEmpty && !types.IsModel(creation.Type) && HandsOnModel(creation.Arguments, types):
                        (index._modelCreations ??= new List<IObjectCreationOperation>()).Add(creation);
                        break;

                    case IInvocationOperation invocation:
                        if (HandsOnModel(invocation, types))
                        {
                            pendingCalls.Add(invocation);
                            (index._modelCalls ??= new List<IInvocationOperation>()).Add(invocation);
                        }

                        if (invocation is { Instance: not null, TargetMethod.Name: "Add" or "Insert" or "AddRange" })
                        {
                            (index._listCalls ??= new List<IInvocationOperation>()).Add(invocation);
                        }

                        index.AddLambdaRows(invocation);
                        break;
                }
            }

            foreach (var (assignment, property) in pendingWrites)
            {
                var instance = assignment.Target is IPropertyReferenceOperation { Instance: { } target } ? index.Resolve(target) : null;
                if (instance is null && assignment.Target is IPropertyReferenceOperation { Instance: { } each } && index.ResolveEach(each) is { } lists)
                {
                    // `foreach (var c in spec.Containers.Concat(spec.InitContainers ?? …)) c.ImagePullPolicy ??= …`: a
                    // write to every element of each list.
                    foreach (var path in lists)
                    {
                        index._writes.Add(new PropertyWrite(assignment, assignment is ICoalesceAssignmentOperation ? assignment.Target.Syntax : assignment.Syntax, assignment.Value, property, path, isCoalesce: assignment is ICoalesceAssignmentOperation));
                    }

                    continue;
                }
                if (assignment is ICoalesceAssignmentOperation)
                {
                    index._writes.Add(new PropertyWrite(assignment, assignment.Target.Syntax, assignment.Value, property, instance, isCoalesce: true));
                }
                else if (GuardOf(assignment) is { } guard)
                {
                    // `if (c.ImagePullPolicy is null) c.ImagePullPolicy = "…";`: a ??= written out, counted at its test.
                    index._writes.Add(new PropertyWrite(assignment, guard.Syntax, assignment.Value, property, instance, isCoalesce: true));
                }
                else
                {
                    index._writes.Add(new PropertyWrite(assignment, assignment.Syntax, assignment.Value, property, instance, isCoalesce: false));
                }
            }

            foreach (var call in pendingCalls)
            {
                index.AddCall(call, types, depth);
            }

            return index;
        }

        // The members of ListMembers, by name: KubernetesClient's are PascalCase; constructor parameters camelCase.
        private static bool IsListMember(string name) =>
            name.Length is 4 or 10 or 16
            && (string.Equals(name, "Data", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "StringData", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "BinaryData", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "ImagePullSecrets", StringComparison.OrdinalIgnoreCase));

        // The members of References, by name (KubernetesClient's PascalCase property names).
        private static bool IsReferencedMember(string name) => name switch
        {
            "Containers" or "InitContainers" or "EphemeralContainers" or "Env" or "ServiceAccountName" or "ServiceAccount" => true,
            _ => false,
        };

        private void AddReference(string member, IOperation reference)
        {
            _references ??= new Dictionary<string, List<IOperation>>(StringComparer.Ordinal);
            if (!_references.TryGetValue(member, out var references))
            {
                _references[member] = references = new List<IOperation>();
            }

            references.Add(reference);
        }

        /// <summary>
        /// The creation a member of <see cref="ListMembers"/> is written in (its initializer or its constructor
        /// arguments), or null for a member written or read elsewhere.
        /// </summary>
        internal static IObjectCreationOperation? CreationNaming(IOperation member) => member switch
        {
            IArgumentOperation { Parent: IObjectCreationOperation creation } => creation,
            IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } assignment }
                when assignment.Target == member => creation,
            IPropertyReferenceOperation { Parent: IMemberInitializerOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } } initializer }
                when initializer.InitializedMember == member => creation,
            _ => null,
        };

        /// <summary>
        /// The operation that uses a member of <see cref="ListMembers"/> or <see cref="References"/> (an assignment, an
        /// <c>Add</c>), above the conversions applied to it.
        /// </summary>
        internal static IOperation? UserOf(IOperation member)
        {
            var parent = member.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent;
        }

        // `rows.Select(row => …)`, `rows.SelectMany(row => …)`, `rows.ToList().ForEach(row => …)`: the lambda's first
        // parameter is each element of the collection, as a foreach variable is.
        private void AddLambdaRows(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod is not { Name: "Select" or "SelectMany" or "ForEach" or "ToDictionary" } method)
            {
                return;
            }

            IOperation? collection;
            IOperation? lambda;
            if (method.IsExtensionMethod && invocation.Arguments.Length >= 2)
            {
                collection = invocation.Arguments[0].Value;
                lambda = invocation.Arguments[1].Value;
            }
            else if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length == 1)
            {
                collection = instance;
                lambda = invocation.Arguments[0].Value;
            }
            else
            {
                return;
            }

            if (Unwrap(lambda) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters: { Length: 1 or 2 } parameters } }
                && !(parameters.Length == 2 && method.Name != "Select" && method.Name != "SelectMany"))
            {
                _lambdaRows[parameters[0]] = collection;
            }
        }

        // The condition of the `if` a write is directly under, when it tests the written property (null or empty).
        private static IOperation? GuardOf(IAssignmentOperation assignment)
        {
            if (assignment.Target is not IPropertyReferenceOperation target)
            {
                return null;
            }

            for (var current = assignment.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IExpressionStatementOperation or IBlockOperation:
                        continue;
                    case IConditionalOperation { Condition: { } condition }:
                        foreach (var tested in condition.DescendantsAndSelf())
                        {
                            if (tested is IPropertyReferenceOperation { Property.Name: var name } && name == target.Property.Name)
                            {
                                return condition;
                            }
                        }

                        return null;
                    default:
                        return null;
                }
            }

            return null;
        }

        // A call that receives a KubernetesClient model (a container, a pod spec, a list of them): it may write them.
        internal static bool HandsOnModel(IInvocationOperation invocation, KubernetesTypes types) => HandsOnModel(invocation.Arguments, types);

        /// <summary>True when one of <paramref name="arguments"/> is a model object (a spec, a pod, a container).</summary>
        internal static bool HandsOnModel(ImmutableArray<IArgumentOperation> arguments, KubernetesTypes types)
        {
            foreach (var argument in arguments)
            {
                if (types.IsModel(argument.Value.Type) || (argument.Value is IConversionOperation conversion && types.IsModel(conversion.Operand.Type)))
                {
                    return true;
                }
            }

            return false;
        }

        // The writes a called method makes through the models it receives; what it cannot be followed into may write
        // anything reached from them.
        private void AddCall(IInvocationOperation call, KubernetesTypes types, int depth)
        {
            var method = call.TargetMethod;
            var summary = types.Values.Methods?.Get(method, types, depth + 1);
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                var path = Resolve(argument.Value);
                if (path is null && Unwrap(argument.Value) is IObjectCreationOperation)
                {
                    // An object created in the argument: its writes reach what it holds (see PlacementOf).
                    path = new AccessPath(parameter, ImmutableArray<AccessStep>.Empty, argument.Syntax);
                }

                if (path is null)
                {
                    continue;
                }

                if (summary is null)
                {
                    // An object created in the argument of a call that is not followed is read as written (the call
                    // receives it complete); one held by the body may be written by the call before the body goes on.
                    if (path.Site is null && !Summaries.MethodSummaries.IsKnownNotToWrite(method))
                    {
                        _mayWrite.Add(path);
                    }

                    continue;
                }

                if (summary.MayWrite.Contains(parameter.Ordinal))
                {
                    _mayWrite.Add(path);
                }

                foreach (var write in summary.Writes)
                {
                    if (write.Parameter == parameter.Ordinal)
                    {
                        _writes.Add(new PropertyWrite(call, call.Syntax, write.Write.Value, write.Write.Property, path.Append(write.Steps), write.Write.IsCoalesce, write.OnEveryPath, summary, call));
                    }
                }
            }
        }

        /// <summary>The assignments of a local in this body, or <see langword="null"/> when it cannot be followed.</summary>
        internal IReadOnlyList<LocalAssignment>? AssignmentsOf(ILocalSymbol local) =>
            _untrackable.Contains(local) || !_assignments.TryGetValue(local, out var list) ? null : list;

        /// <summary>
        /// The one value of a local assigned once in this body (its declaration or one assignment, no <c>??=</c>), which
        /// it has wherever it is read, since C# reads no local before it is assigned; null for any other local.
        /// </summary>
        internal IOperation? OnlyValue(ILocalSymbol local) =>
            AssignmentsOf(local) is { Count: 1 } single && !single[0].IsCoalesce ? single[0].Value : null;

        /// <summary>
        /// The collection a <c>foreach</c> variable runs over, with its position in a deconstruction (-1 for the whole
        /// element); null for any other local.
        /// </summary>
        internal (IOperation Collection, int Position)? ForEachSource(ISymbol local) =>
            local is IParameterSymbol parameter ? (_lambdaRows.TryGetValue(parameter, out var rows) ? (rows, -1) : null)
            : local is not ILocalSymbol variable ? null
            : _foreachCollections.TryGetValue(variable, out var collection) ? (collection, -1)
            : _foreachDeconstructed.TryGetValue(variable, out var deconstructed) ? deconstructed
            : null;

        /// <summary>True when the local is declared in this body and every write to it can be followed.</summary>
        internal bool IsTracked(ILocalSymbol local) => !_untrackable.Contains(local) && _assignments.ContainsKey(local);

        /// <summary>
        /// The path of an expression that denotes an object: a local or parameter and the properties and elements
        /// after it. A <c>foreach</c> variable is every element of its collection; a local assigned once from a path
        /// is that path; a second name for a local assigned once (<c>var s2 = spec;</c>, also given null on other
        /// paths) is that local's path.
        /// </summary>
        internal AccessPath? Resolve(IOperation operation) => Resolve(operation, 0);

        private AccessPath? Resolve(IOperation operation, int depth)
        {
            if (depth > MaxAliasDepth)
            {
                return null;
            }

            operation = Unwrap(operation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    if (_foreachCollections.TryGetValue(local.Local, out var collection))
                    {
                        return Resolve(collection, depth + 1)?.Append(AccessStep.Element(AccessStep.AnyIndex));
                    }

                    if (AssignmentsOf(local.Local) is { Count: 1 } single && !single[0].IsCoalesce
                        && Unwrap(single[0].Value) is IPropertyReferenceOperation or IArrayElementReferenceOperation or IInvocationOperation
                        && Resolve(single[0].Value, depth + 1) is { Steps.Length: > 0 } alias)
                    {
                        return alias;
                    }

                    if (AliasedLocal(local.Local) is { } aliased)
                    {
                        // `var s2 = spec;`: the object the other local holds, under a second name.
                        return Resolve(aliased, depth + 1);
                    }

                    return new AccessPath(local.Local, ImmutableArray<AccessStep>.Empty);

                case IParameterReferenceOperation parameter:
                    return new AccessPath(parameter.Parameter, ImmutableArray<AccessStep>.Empty);

                case IPropertyReferenceOperation { Instance: { } instance, Arguments.IsEmpty: true } property:
                    return Resolve(instance, depth + 1)?.Append(AccessStep.Member(property.Property.Name));

                case IPropertyReferenceOperation { Instance: { } list, Arguments.Length: 1 } indexer:
                    return Resolve(list, depth + 1)?.Append(AccessStep.Element(Index(indexer.Arguments[0].Value)));

                case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                    return Resolve(element.ArrayReference, depth + 1)?.Append(AccessStep.Element(Index(element.Indices[0])));

                case IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: >= 1 } invocation:
                    string name = invocation.TargetMethod.Name;
                    if (name is "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault")
                    {
                        // With a predicate the element is any one of them; without, first means index 0.
                        int position = invocation.Arguments.Length == 1 && name is "First" or "FirstOrDefault" ? 0 : AccessStep.UnknownIndex;
                        return Resolve(invocation.Arguments[0].Value, depth + 1)?.Append(AccessStep.Element(position));
                    }

                    if (name == "ElementAt" && invocation.Arguments.Length == 2)
                    {
                        return Resolve(invocation.Arguments[0].Value, depth + 1)?.Append(AccessStep.Element(Index(invocation.Arguments[1].Value)));
                    }

                    return null;

                default:
                    return null;
            }
        }

        // The other local a local is a second name for: every value it is given is that local (assigned once, so it
        // names one object wherever it is read) or null (`V1PodSpec? s2 = null; if (flag) s2 = spec;`: a write through
        // s2 where it is null throws), and at least one is. Null for any other local.
        private ILocalReferenceOperation? AliasedLocal(ILocalSymbol local)
        {
            if (local.Type is not { IsReferenceType: true } || AssignmentsOf(local) is not { Count: > 0 } assignments)
            {
                return null;
            }

            ILocalReferenceOperation? aliased = null;
            foreach (var assignment in assignments)
            {
                switch (Unwrap(assignment.Value))
                {
                    case ILocalReferenceOperation source
                        when !SymbolEqualityComparer.Default.Equals(source.Local, local)
                            && (aliased is null || SymbolEqualityComparer.Default.Equals(aliased.Local, source.Local))
                            && !_foreachCollections.ContainsKey(source.Local)
                            && OnlyValue(source.Local) is not null:
                        aliased = source;
                        break;

                    case { ConstantValue: { HasValue: true, Value: null } }:
                    case IDefaultValueOperation:
                        break;

                    default:
                        return null;
                }
            }

            return aliased;
        }

        // The paths of an object that stands for every element of several lists: the variable of a `foreach` over
        // `a.Concat(b)`, `a ?? Enumerable.Empty<…>()`, `a.ToList()`, and the properties read from it. Null when one of
        // the lists is not followed, or when it is one list (Resolve reads it).
        private List<AccessPath>? ResolveEach(IOperation operation)
        {
            switch (Unwrap(operation))
            {
                case IPropertyReferenceOperation { Instance: { } instance, Arguments.IsEmpty: true } property when ResolveEach(instance) is { } paths:
                    for (int i = 0; i < paths.Count; i++)
                    {
                        paths[i] = paths[i].Append(AccessStep.Member(property.Property.Name));
                    }

                    return paths;

                case ILocalReferenceOperation local when _foreachCollections.TryGetValue(local.Local, out var collection):
                    var lists = new List<AccessPath>();
                    if (!Lists(collection, lists, 0) || lists.Count < 2)
                    {
                        return null;
                    }

                    for (int i = 0; i < lists.Count; i++)
                    {
                        lists[i] = lists[i].Append(AccessStep.Element(AccessStep.AnyIndex));
                    }

                    return lists;

                default:
                    return null;
            }
        }

        private bool Lists(IOperation collection, List<AccessPath> lists, int depth)
        {
            if (depth > MaxAliasDepth)
            {
                return false;
            }

            switch (Unwrap(collection))
            {
                case IInvocationOperation { TargetMethod: { IsExtensionMethod: true, Name: "Concat" or "Union" }, Arguments.Length: 2 } concat
                    when MethodSummariesKnowNotToWrite(concat):
                    return Lists(concat.Arguments[0].Value, lists, depth + 1) && Lists(concat.Arguments[1].Value, lists, depth + 1);

                case IInvocationOperation { TargetMethod: { IsExtensionMethod: true, Name: "ToList" or "ToArray" or "AsEnumerable" }, Arguments.Length: 1 } copy
                    when MethodSummariesKnowNotToWrite(copy):
                    return Lists(copy.Arguments[0].Value, lists, depth + 1);

                case ICoalesceOperation coalesce:
                    return Lists(coalesce.Value, lists, depth + 1) && (IsEmpty(coalesce.WhenNull) || Lists(coalesce.WhenNull, lists, depth + 1));

                case var list when Resolve(list) is { } path:
                    lists.Add(path);
                    return true;

                default:
                    return false;
            }
        }

        private static bool MethodSummariesKnowNotToWrite(IInvocationOperation call) => Summaries.MethodSummaries.IsKnownNotToWrite(call.TargetMethod);

        // An empty list written in place: `new List<V1Container>()`, `[]`, `Enumerable.Empty<V1Container>()`, `Array.Empty<…>()`.
        private static bool IsEmpty(IOperation operation) => Unwrap(operation) switch
        {
            IObjectCreationOperation { Initializer: null } => true,
            IObjectCreationOperation { Initializer.Initializers.IsEmpty: true } => true,
            IArrayCreationOperation { Initializer.ElementValues.IsEmpty: true } => true,
            IInvocationOperation { TargetMethod: { Name: "Empty", IsStatic: true, ContainingType.Name: "Enumerable" or "Array" } } => true,
            { Syntax: CollectionExpressionSyntax { Elements.Count: 0 } } => true,
            _ => false,
        };

        /// <summary>
        /// Where an object created in this body ends up: the local it is stored in, or the path of the list or
        /// property it is placed in (<c>pod.Spec.Containers[1]</c>). <see langword="null"/> when it leaves the body in
        /// a way that is not followed (returned, passed to a call).
        /// </summary>
        internal AccessPath? PlacementOf(IOperation creation)
        {
            var steps = new List<AccessStep>();
            var current = creation;
            for (int depth = 0; depth < 32; depth++)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return IsTracked(declarator.Symbol) && AssignmentsOf(declarator.Symbol) is { Count: 1 }
                            ? Build(new AccessPath(declarator.Symbol, ImmutableArray<AccessStep>.Empty), steps)
                            : null;

                    case ISimpleAssignmentOperation assignment when assignment.Value == current && assignment.Parent is not IObjectOrCollectionInitializerOperation:
                        if (assignment.Target is ILocalReferenceOperation local)
                        {
                            return IsTracked(local.Local) && AssignmentsOf(local.Local) is { Count: 1 }
                                ? Build(new AccessPath(local.Local, ImmutableArray<AccessStep>.Empty), steps)
                                : null;
                        }

                        return Resolve(assignment.Target) is { } target ? Build(target, steps) : null;

                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation member, Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation owner } } assignment
                        when assignment.Value == current:
                        steps.Add(AccessStep.Member(member.Property.Name));
                        current = owner;
                        continue;

                    case IArrayInitializerOperation initializer:
                        steps.Add(AccessStep.Element(initializer.ElementValues.IndexOf(current)));
                        current = initializer.Parent is IArrayCreationOperation array ? array : initializer;
                        continue;

                    case IArgumentOperation { Parent: IInvocationOperation { Parent: IObjectOrCollectionInitializerOperation } } element:
                        // The element of a collection initializer is the argument of its Add call.
                        current = element;
                        continue;

                    case IInvocationOperation { Parent: IObjectOrCollectionInitializerOperation collection } add when add.Arguments.Length == 1:
                        // `new List<V1Container> { a, b }`: Add calls in the list's initializer.
                        steps.Add(AccessStep.Element(collection.Initializers.IndexOf(add)));
                        current = collection.Parent is IObjectCreationOperation owningList ? owningList : collection;
                        continue;

                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add", Instance: { } list, Parent: not IObjectOrCollectionInitializerOperation } }:
                        // `spec.Containers.Add(c)`: appended, at a position not followed.
                        return Resolve(list) is { } path ? Build(path.Append(AccessStep.Element(AccessStep.UnknownIndex)), steps) : null;

                    case IArgumentOperation { Parent: IInvocationOperation, Parameter: { } parameter } argument
                        when steps.Count > 0 && current is IObjectCreationOperation:
                        // `new V1PodSpec { Containers = … }.Harden()`: inside an object the call receives, where its writes reach.
                        return Build(new AccessPath(parameter, ImmutableArray<AccessStep>.Empty, argument.Syntax), steps);

                    case { Syntax: CollectionExpressionSyntax } collectionExpression:
                        // A C# 12 collection expression: Roslyn 4.8 gives it no kind of its own; its children are the elements.
                        int position = 0;
                        foreach (var child in collectionExpression.ChildOperations)
                        {
                            if (child == current)
                            {
                                break;
                            }

                            position++;
                        }

                        steps.Add(AccessStep.Element(position));
                        current = collectionExpression;
                        continue;

                    default:
                        return null;
                }
            }

            return null;
        }

        private static AccessPath Build(AccessPath root, List<AccessStep> reversed)
        {
            var steps = ImmutableArray.CreateBuilder<AccessStep>(reversed.Count);
            for (int i = reversed.Count - 1; i >= 0; i--)
            {
                steps.Add(reversed[i]);
            }

            return root.Append(steps.MoveToImmutable());
        }

        private static int Index(IOperation index) =>
            index.ConstantValue is { HasValue: true, Value: int value } && value >= 0 ? value : AccessStep.UnknownIndex;

        private static IOperation Unwrap(IOperation operation) => ObjectMembers.WithoutConversionsOrParentheses(operation);

        private void Add(ILocalSymbol local, SyntaxNode syntax, IOperation value, bool isCoalesce, IOperation at)
        {
            if (!_assignments.TryGetValue(local, out var list))
            {
                list = new List<LocalAssignment>();
                _assignments.Add(local, list);
            }

            list.Add(new LocalAssignment(at, syntax, value, isCoalesce));
            if (IsInsideFunction(at))
            {
                // Written by a lambda or local function: when that runs is not followed.
                _untrackable.Add(local);
            }
        }

        private bool IsInsideFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null && current != Root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
