using System.Collections.Generic;
using System.Runtime.CompilerServices;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// What happens to a pod spec (or an object that holds one) once it is created: which later writes and calls of the
    /// body can reach it, and whether a helper of the compilation it is handed to leaves its pull secrets and service
    /// account alone. A write or call concerns only the objects it can reach: the local it names and what that holds,
    /// the objects its arguments hold. Anything that cannot be told counts as reaching (the rules stay silent).
    /// </summary>
    internal static class PodSpecHandOff
    {
        // Per body: the locals whose object (or an object reached from them) is stored or passed somewhere, so that a
        // path from another root may reach it, each with whether it is stored (true) or only handed to calls that the
        // readers judge on their own (false). Computed the first time a reader asks whether a write through another
        // root can reach a creation.
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, bool>> Escaped = new();

        /// <summary>
        /// True when a write through <paramref name="target"/> (null when the body cannot tell what it writes) may reach
        /// the object <paramref name="created"/> makes (a creation, or the call of a factory). With
        /// <paramref name="holding"/>, true also when the target holds the object (a call given it may write it).
        /// </summary>
        internal static bool MayReach(BodyIndex index, AccessPath? target, IOperation created, bool holding)
        {
            if (IsReturnedAtOnce(created, index.Root))
            {
                // Created in the value a return of the body gives back: nothing in the body runs after it.
                return false;
            }

            if (target is null || index.PlacementOf(created) is not { } place)
            {
                return true;
            }

            if (target.Reaches(place) != PathMatch.None || (holding && target.Holds(place)))
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(target.Root, place.Root) && target.Site == place.Site)
            {
                // Another member of the same root (`pod.Metadata` beside `pod.Spec`): another object.
                return false;
            }

            // Another root reaches the object only when its own root hands it (or what holds it) on: stored, passed.
            return place.Site is not null || place.Root is not ILocalSymbol local || !index.IsTracked(local) || EscapedLocals(index.Root).ContainsKey(local);
        }

        // True when the object a method group is bound to (`holder.Secure`) may hold what `created` makes: it is created
        // in it, it is a path that may reach it, or it is another object (a local, a parameter, a field, `this`) and the
        // body stores the object somewhere. Handing it to a call does not count: each such call is judged on its own
        // (NoCallMayWrite), and one that may keep it keeps the rule silent anyway.
        private static bool ReceiverMayHold(BodyIndex index, IOperation receiver, IOperation created)
        {
            if (OperationValues.IsWithin(created, receiver))
            {
                return true;
            }

            if (IsReturnedAtOnce(created, index.Root))
            {
                return false;
            }

            if (index.PlacementOf(created) is not { } place)
            {
                return true;
            }

            if (index.Resolve(receiver) is { } path)
            {
                if (path.Reaches(place) != PathMatch.None || path.Holds(place))
                {
                    return true;
                }

                if (SymbolEqualityComparer.Default.Equals(path.Root, place.Root) && path.Site == place.Site)
                {
                    return false;
                }
            }

            return place.Site is not null || place.Root is not ILocalSymbol local || !index.IsTracked(local)
                || (EscapedLocals(index.Root).TryGetValue(local, out bool stored) && stored);
        }

        /// <summary>
        /// <see cref="MayReach"/> for a write whose owner is <paramref name="target"/>, where <paramref name="created"/>
        /// may be an object that holds a pod spec rather than the spec (a factory that returns a pod): a write through
        /// a path below where the body keeps that object (<c>pod.Spec.ImagePullSecrets</c>) may reach the spec in it.
        /// </summary>
        internal static bool MayWriteWithin(BodyIndex index, AccessPath? target, IOperation created, KubernetesTypes types) =>
            MayReach(index, target, created, holding: false)
            || (target is not null && !types.IsPodSpec(created.Type) && index.PlacementOf(created) is { } place && place.Holds(target));

        /// <summary>
        /// True when no call of the body that is not known to leave models alone is handed an object that holds what
        /// <paramref name="created"/> makes, except helpers of the compilation that leave its pull secrets, service
        /// account and namespace alone (<see cref="LeavesAlone"/>).
        /// </summary>
        internal static bool NoCallMayWrite(BodyIndex index, IOperation created, KubernetesTypes types, IInvocationOperation? readAt = null)
        {
            var at = readAt is null ? null : new CallScope(readAt.TargetMethod.ReducedFrom ?? readAt.TargetMethod, null, readAt, null);
            var chain = PodSpecChain.Of(created, types);
            foreach (var link in chain.Links)
            {
                // `new V1PodSpec().Also(s => …)`: each helper the spec passes through gives it back, and its result is
                // followed as the spec (chain.Top); what the helper does with it must leave what the rules read alone.
                if (link.Parent is not IInvocationOperation through || !HelperLeavesAlone(through, link, types, resultFollowed: true, at))
                {
                    return false;
                }
            }

            var top = chain.Top;
            foreach (var call in index.ModelCalls)
            {
                if (call == created || (MethodSummaries.IsKnownNotToWrite(call.TargetMethod) && call.TargetMethod.MethodKind != MethodKind.DelegateInvoke))
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    if (ObjectMembers.WithoutConversions(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Instance: { } receiver, Method.MethodKind: not MethodKind.LocalFunction } }
                        && ReceiverMayHold(index, receiver, top))
                    {
                        // `spec.With(holder.Secure)`: the method runs on an object that may hold the spec, and may write
                        // it through that object rather than through its parameters.
                        return false;
                    }

                    if ((!types.IsModel(argument.Value.Type) && !(argument.Value is IConversionOperation conversion && types.IsModel(conversion.Operand.Type)))
                        || ObjectMembers.WithoutConversions(argument.Value) is IDelegateCreationOperation
                        || chain.Links.Contains(argument))
                    {
                        // A lambda holds no object; what it writes through what it captures is the body's own write.
                        continue;
                    }

                    bool within = OperationValues.IsWithin(top, argument.Value);
                    if ((within || MayReach(index, index.Resolve(argument.Value), top, holding: true))
                        && !HelperLeavesAlone(call, argument, types, resultFollowed: false, at)
                        && !(at is not null && LambdaOf(call, at, out var writtenIn) is { } lambda && LambdaLeavesAlone(lambda, argument, types, writtenIn as CallScope, new List<IMethodSymbol>())))
                    {
                        return false;
                    }
                }
            }

            // `new PodBuilder(spec).Secure()`: an object given the spec may keep it and write to it through calls that do
            // not name the spec. Nothing follows what the object does, so it may supply pull secrets.
            foreach (var creation in index.ModelCreations)
            {
                foreach (var argument in creation.Arguments)
                {
                    if ((types.IsModel(argument.Value.Type) || (argument.Value is IConversionOperation conversion && types.IsModel(conversion.Operand.Type)))
                        && (OperationValues.IsWithin(top, argument.Value) || MayReach(index, index.Resolve(argument.Value), top, holding: true)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// True when the call is to a helper of the compilation that leaves the pull secrets, service account and
        /// namespace of what it receives through <paramref name="argument"/> alone, and whose result (when it gives the
        /// object back) is not kept by the caller, or is followed as the object itself (<paramref name="resultFollowed"/>:
        /// a link of a <see cref="PodSpecChain"/>), or is an object that holds a pod spec rather than the spec itself (a
        /// pod, a template: the caller's name for it is another object that holds the spec, which <see cref="MayReach"/>
        /// judges). <paramref name="caller"/> is the scope the calling body is read in (a helper's, whose delegate
        /// parameters stand for the lambdas of its call).
        /// </summary>
        internal static bool HelperLeavesAlone(IInvocationOperation call, IArgumentOperation argument, KubernetesTypes types, bool resultFollowed = false, CallScope? caller = null)
        {
            if (argument.Parameter is not { } parameter
                || !KubernetesTypes.IsInSource(call.TargetMethod)
                || types.Values.Methods is not { } methods
                || methods.Get(call.TargetMethod, types) is not { } summary)
            {
                return false;
            }

            if (!resultFollowed && !call.TargetMethod.ReturnsVoid && ObjectMembers.WithoutConversions(call).Parent is not (IExpressionStatementOperation or IReturnOperation)
                && (types.IsPodSpec(ObjectMembers.WithoutConversions(argument.Value).Type) || !PodSpecChain.GivesBack(call, parameter.Ordinal, types)))
            {
                // `var s = spec.WithApp(…)`: what the helper returns may be the spec, under another name. A helper that
                // gives back the pod holding it (`var pod = new V1Pod { Spec = spec }.Also(…)`) gives back that pod: the
                // caller's writes through its name count as writes through an object that holds the spec.
                return false;
            }

            return LeavesAlone(methods, summary, parameter.Ordinal, types, new List<IMethodSymbol>(), new CallScope(summary, call, caller));
        }

        /// <summary>
        /// The lambda a delegate parameter of the body read in <paramref name="scope"/> stands for, when
        /// <paramref name="invoke"/> invokes that parameter: the lambda the call passes, or, when the call passes a
        /// delegate parameter of its own caller (<c>Configure(spec, configure)</c> in a helper called with a lambda), the
        /// lambda that caller's call passes, up the scopes. <paramref name="writtenIn"/> is the scope of the body the
        /// lambda is written in. Null for a delegate that is not a lambda written at a call (a local, a field; a method
        /// group is <see cref="MethodOf"/>'s).
        /// </summary>
        internal static IAnonymousFunctionOperation? LambdaOf(IInvocationOperation invoke, CallScope scope, out Values.IValueScope? writtenIn) =>
            DelegateOf(invoke, scope, out writtenIn) as IAnonymousFunctionOperation;

        /// <summary>
        /// The method of the compilation a delegate parameter of the body read in <paramref name="scope"/> stands for,
        /// when <paramref name="invoke"/> invokes that parameter and the call (or its caller's, as for
        /// <see cref="LambdaOf(IInvocationOperation, CallScope, out Values.IValueScope?)"/>) passes a method group or a
        /// local function (<c>spec.With(AddDefaults)</c>, <c>spec.With(helpers.Configure)</c>): the invocation then calls
        /// it with its own arguments. An extension method bound to a receiver (<c>spec.With(options.AddSidecar)</c>) is
        /// called with <paramref name="receiver"/> first, read in <paramref name="receiverScope"/> (the scope of the body
        /// the method group is written in), and the invocation's arguments after it: the method returned is the one
        /// declared, whose parameters then sit one place later. Null for anything else.
        /// </summary>
        internal static IMethodSymbol? MethodOf(IInvocationOperation invoke, CallScope scope, out IOperation? receiver, out Values.IValueScope? receiverScope)
        {
            receiver = null;
            receiverScope = null;
            if (DelegateOf(invoke, scope, out var writtenIn) is not IMethodReferenceOperation { Method: { IsAbstract: false } referenced } reference)
            {
                return null;
            }

            var method = referenced.ReducedFrom ?? referenced;
            var bound = method.IsExtensionMethod ? reference.Instance : null;
            if (!KubernetesTypes.IsInSource(method) || method.Parameters.Length != invoke.TargetMethod.Parameters.Length + (bound is null ? 0 : 1))
            {
                return null;
            }

            receiver = bound;
            receiverScope = bound is null ? null : writtenIn;
            return method;
        }

        // The lambda or method reference a delegate parameter stands for (see LambdaOf), or null.
        private static IOperation? DelegateOf(IInvocationOperation invoke, CallScope scope, out Values.IValueScope? writtenIn)
        {
            writtenIn = null;
            if (invoke.TargetMethod.MethodKind != MethodKind.DelegateInvoke
                || invoke.Instance is not { } instance
                || ObjectMembers.WithoutConversions(instance) is not IParameterReferenceOperation { Parameter: { } parameter })
            {
                return null;
            }

            for (int depth = 0; depth <= MethodSummaries.MaxDepth; depth++)
            {
                var readAt = scope.Call;
                if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, (readAt.TargetMethod.ReducedFrom ?? readAt.TargetMethod).OriginalDefinition))
                {
                    return null;
                }

                IOperation? passed = null;
                foreach (var argument in readAt.Arguments)
                {
                    if (argument.Parameter?.Ordinal == parameter.Ordinal)
                    {
                        passed = ObjectMembers.WithoutConversions(argument.Value);
                        break;
                    }
                }

                switch (passed)
                {
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation or IMethodReferenceOperation } created:
                        writtenIn = scope.Caller;
                        return created.Target;

                    case IParameterReferenceOperation { Parameter: { } forwarded } when scope.Caller is CallScope outer:
                        // Handed on by the helper that received it: the lambda its own call passes.
                        parameter = forwarded;
                        scope = outer;
                        continue;

                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// True when the lambda, invoked with <paramref name="argument"/>, uses the object its parameter receives only as
        /// <see cref="LeavesAlone"/> allows.
        /// </summary>
        internal static bool LambdaLeavesAlone(IAnonymousFunctionOperation lambda, IArgumentOperation argument, KubernetesTypes types) =>
            LambdaLeavesAlone(lambda, argument, types, null, new List<IMethodSymbol>());

        // `writtenIn`: the scope of the body the lambda is written in, whose delegate parameters its helpers' may stand for.
        private static bool LambdaLeavesAlone(IAnonymousFunctionOperation lambda, IArgumentOperation argument, KubernetesTypes types, CallScope? writtenIn, List<IMethodSymbol> following)
        {
            if (types.Values.Methods is not { } methods || argument.Parameter is not { } parameter
                || parameter.Ordinal >= lambda.Symbol.Parameters.Length)
            {
                return false;
            }

            var received = lambda.Symbol.Parameters[parameter.Ordinal];
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is IParameterReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Parameter, received)
                    && !IsHarmlessUse(reference, methods, types, following, writtenIn, null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when a method of the compilation, given an object through one parameter, can give nothing reached from
        /// it pull secrets, a service account or a namespace, removes none of its containers and keeps it to itself: it
        /// reads the object's members, adds to or assigns its container lists, writes strings and values other than
        /// those, writes what its containers hold, compares it, returns it, and hands it only to methods of the
        /// compilation that do the same (to the call-depth bound; recursion is not followed), keeping what one that
        /// gives it back returns only as it would keep the object itself. <paramref name="at"/> is the scope the method
        /// is read in: a delegate parameter invoked with the object is the lambda, method group or local function that
        /// scope's calls pass (<see cref="LambdaOf(IInvocationOperation, CallScope, out Values.IValueScope?)"/>).
        /// </summary>
        internal static bool LeavesAlone(MethodSummaries methods, MethodSummary summary, int ordinal, KubernetesTypes types, List<IMethodSymbol> following, CallScope? at = null)
        {
            var method = summary.Method.OriginalDefinition;
            if (following.Count >= MethodSummaries.MaxDepth || following.Exists(m => SymbolEqualityComparer.Default.Equals(m, method)))
            {
                return false;
            }

            following.Add(method);
            try
            {
                foreach (var operation in summary.Index.Root.Descendants())
                {
                    if (operation is IParameterReferenceOperation reference
                        && reference.Parameter.Ordinal == ordinal
                        && SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol?.OriginalDefinition, method)
                        && !IsHarmlessUse(reference, methods, types, following, at, summary.Index.Root))
                    {
                        return false;
                    }
                }

                return true;
            }
            finally
            {
                following.RemoveAt(following.Count - 1);
            }
        }

        // `at`: the scope the method is read in, whose call's lambdas its delegate parameters stand for.
        private static bool IsHarmlessUse(IOperation reference, MethodSummaries methods, KubernetesTypes types, List<IMethodSymbol> following, CallScope? at, IOperation? summaryRoot)
        {
            IOperation top = reference;
            bool belowContainers = false;
            string? list = null;
            while (true)
            {
                top = ObjectMembers.WithConversionsAbove(top);
                var parent = top.Parent;

                if (parent is IPropertyReferenceOperation member && member.Instance == top)
                {
                    if (list is not null)
                    {
                        // Past a container list: what its containers hold cannot be a pod spec's pull secrets.
                        belowContainers = true;
                    }

                    list = member.Arguments.IsEmpty && IsContainerList(member.Property.Name) && !belowContainers ? member.Property.Name : null;
                    if (belowContainers)
                    {
                        return true;
                    }

                    top = member;
                    continue;
                }

                switch (parent)
                {
                    case IInvocationOperation onObject when onObject.Instance == top:
                        // `spec.Containers.Add(…)`; anything else on the spec or what holds it may change what is read.
                        return list is not null && onObject.TargetMethod.Name is "Add" or "Insert" or "AddRange" or "ForEach";

                    case IAssignmentOperation assignment when assignment.Target == top:
                        if (list is not null)
                        {
                            // `spec.Containers = …`, `spec.Containers ??= new()`: read as the helper's entries.
                            return assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation;
                        }

                        return top is IPropertyReferenceOperation { Property: { } written }
                            && written.Name is not ("ImagePullSecrets" or "ServiceAccountName" or "ServiceAccount" or "NamespaceProperty" or "Namespace")
                            && (written.Type.SpecialType == SpecialType.System_String || written.Type.IsValueType);

                    case INameOfOperation:
                        return true;

                    case IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { Name: "ThrowIfNull", ContainingNamespace.Name: "System" } } }:
                        // `ArgumentNullException.ThrowIfNull(spec)`.
                        return list is null && top == reference;

                    case IArgumentOperation { Parent: IInvocationOperation invoke } argument when at is not null && LambdaOf(invoke, at, out var writtenIn) is { } lambda:
                        // `configure(spec)` where the call passes `spec => …`: the lambda's uses.
                        return LambdaLeavesAlone(lambda, argument, types, writtenIn as CallScope, following);

                    case IArgumentOperation { Parent: IInvocationOperation invoke, Parameter: { } parameter } when at is not null && MethodOf(invoke, at, out var receiver, out var receiverScope) is { } method:
                        // `configure(spec)` where the call passes `AddDefaults` (or `options.AddSidecar`, bound to its
                        // receiver): that method's uses, its result dropped.
                        return methods.Get(method, types) is { } called
                            && (invoke.TargetMethod.ReturnsVoid || ObjectMembers.WithoutConversions(invoke).Parent is IExpressionStatementOperation)
                            && LeavesAlone(methods, called, parameter.Ordinal + (receiver is null ? 0 : 1), types, following, new CallScope(called, invoke, at, receiver, receiverScope));

                    case IArgumentOperation { Parent: IInvocationOperation inner, Parameter: { } parameter }:
                        if (list is not null && inner.TargetMethod.IsExtensionMethod && parameter.Ordinal == 0
                            && inner.TargetMethod.ContainingNamespace?.ToDisplayString() == "System.Linq")
                        {
                            // `spec.Containers.First(…)`, `.Any(…)`: a query of the list.
                            return true;
                        }

                        if (!KubernetesTypes.IsInSource(inner.TargetMethod)
                            || methods.Get(inner.TargetMethod, types) is not { } callee
                            || !LeavesAlone(methods, callee, parameter.Ordinal, types, following, new CallScope(callee, inner, at)))
                        {
                            return false;
                        }

                        if (inner.TargetMethod.ReturnsVoid || ObjectMembers.WithoutConversions(inner).Parent is IExpressionStatementOperation)
                        {
                            return true;
                        }

                        if (PodSpecChain.GivesBack(inner, parameter.Ordinal, types))
                        {
                            // `=> spec.Also(…)`: the result is the object itself; its uses are judged as the object's.
                            top = inner;
                            continue;
                        }

                        return false;

                    case IReturnOperation when summaryRoot is not null && IsReturnedAtOnce(top, summaryRoot):
                        // Given back by the method (not by a lambda in it, nor by a lambda whose result its invoker may
                        // keep): the caller keeps it only where HelperLeavesAlone allows.
                        return true;

                    case IIsPatternOperation:
                        return true;

                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                        return true;

                    default:
                        return false;
                }
            }
        }

        internal static bool IsContainerList(string name) => name is "Containers" or "InitContainers" or "EphemeralContainers";

        // Created inside the value a return of the body (not of a lambda in it) gives back, through initializers only.
        private static bool IsReturnedAtOnce(IOperation created, IOperation root)
        {
            var current = created;
            for (int depth = 0; depth < 32; depth++)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation or IParenthesizedOperation or IArrayInitializerOperation or IArrayCreationOperation
                        or IObjectOrCollectionInitializerOperation or IMemberInitializerOperation:
                    case ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation }:
                    case IArgumentOperation { Parent: IInvocationOperation { Parent: IObjectOrCollectionInitializerOperation } }:
                    case IInvocationOperation { Parent: IObjectOrCollectionInitializerOperation }:
                    case IObjectCreationOperation:
                    case { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax }:
                        current = parent;
                        continue;

                    case IReturnOperation:
                        for (var up = parent.Parent; up is not null && up != root; up = up.Parent)
                        {
                            if (up is IAnonymousFunctionOperation or ILocalFunctionOperation)
                            {
                                return false;
                            }
                        }

                        return true;

                    default:
                        return false;
                }
            }

            return false;
        }

        // The locals of a body that something else may come to hold: used (or a member path from them used) as a value
        // other than the instance of a member access or call, a comparison or a return: stored, passed, captured by
        // an alias. One walk per body, only for the bodies where a write through another root has to be judged.
        // With each local, whether it is stored (a value other than an argument of a call that NoCallMayWrite judges).
        private static Dictionary<ILocalSymbol, bool> EscapedLocals(IOperation root) => Escaped.GetValue(root, static body =>
        {
            var escaped = new Dictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);
            foreach (var operation in body.Descendants())
            {
                if (operation is not ILocalReferenceOperation reference
                    || (escaped.TryGetValue(reference.Local, out bool stored) && stored)
                    || reference.Local.Type.IsValueType || reference.Local.Type.SpecialType == SpecialType.System_String)
                {
                    continue;
                }

                IOperation top = reference;
                while (true)
                {
                    top = ObjectMembers.WithConversionsAbove(top);
                    var parent = top.Parent;

                    if (parent is IPropertyReferenceOperation member && member.Instance == top)
                    {
                        if (member.Type is not { IsReferenceType: true } memberType || memberType.SpecialType == SpecialType.System_String)
                        {
                            break;
                        }

                        top = member;
                        continue;
                    }

                    bool harmless = parent switch
                    {
                        IInvocationOperation call when call.Instance == top => true,
                        IAssignmentOperation assignment when assignment.Target == top => true,
                        IVariableInitializerOperation when top == reference => false,
                        IExpressionStatementOperation or IIsPatternOperation => true,
                        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } => true,
                        IForEachLoopOperation => true,
                        _ => false,
                    };
                    if (!harmless && !IsReturnedAtOnce(top, body))
                    {
                        // Not only given back by the body (`return [first, second];`; a lambda's return hands it on):
                        // stored or passed. Passed as itself to a call that may write models (judged on its own), it is
                        // not stored.
                        escaped[reference.Local] = !(top == reference
                            && parent is IArgumentOperation { Parent: IInvocationOperation call }
                            && !MethodSummaries.IsKnownNotToWrite(call.TargetMethod));
                    }

                    break;
                }
            }

            return escaped;
        });
    }
}
