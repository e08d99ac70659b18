using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// Turns service account creations and the service accounts pod specs name into facts for KMA118: the name written
    /// in a pod spec's creation, a later write of <c>ServiceAccountName</c>, and names a call passes to a method of the
    /// compilation that writes them (a pod spec factory, a helper that sets the account), at the argument.
    /// </summary>
    internal static class ServiceAccountCollector
    {
        private const string ServiceAccountName = "ServiceAccountName";

        // Deprecated; the API server copies it into serviceAccountName only when that is empty.
        private const string DeprecatedServiceAccount = "ServiceAccount";

        /// <summary>
        /// The account a creation makes: its name and namespace, written in place or by a metadata helper, or (with
        /// <paramref name="scope"/> and <paramref name="call"/>) the one a factory makes at one call. A name that is
        /// not written, or computed, may be any name.
        /// </summary>
        internal static ServiceAccountFact ReadAccount(IObjectCreationOperation creation, KubernetesTypes types, Values.IValueScope? scope = null, IInvocationOperation? call = null)
        {
            var account = new ServiceAccountFact { ThroughCall = call is not null };
            if (PullSecretReader.FindMetadata(creation, types, out var helper) is not { } meta)
            {
                return account;
            }

            var name = ObjectMembers.Find(meta, "Name");
            var @namespace = ObjectMembers.Find(meta, "NamespaceProperty");
            var read = helper ?? scope;
            account.Name = types.Constant(name, read);
            account.NamePattern = account.Name is null ? types.Pattern(name, read) : null;
            account.Namespace = types.Constant(@namespace, read);

            // Only metadata written in place can read the creating method's parameters (a factory of accounts).
            account.DefinedIn = helper is null ? ConfigReferenceCollector.FactoryOf(creation, name, @namespace) : null;
            return account;
        }

        /// <summary>The account a pod spec's creation names, judged unless a write elsewhere in the body may replace it.</summary>
        internal static void CollectPodSpec(IObjectCreationOperation creation, KubernetesTypes types, PullSecretState state)
        {
            if (NameWritten(creation) is not { } value)
            {
                return;
            }

            var root = ContainerReader.Root(creation);
            if (HasLaterWrites(creation, types))
            {
                return;
            }

            var scope = ManifestBody.For(root, types, propertyDefaults: false).Scope;
            var values = types.Values.Fold(value, scope, propertyDefaults: false);
            string? name = values.IsSingleConstant ? values.Constants[0].Text : null;
            string? @namespace = PullSecretReader.FindNamespace(creation, types);
            Enqueue(
                new ServiceAccountReferenceFact(name, Locations.OfValue(value), @namespace)
                {
                    NamePattern = name is null ? types.Pattern(value, scope) : null,
                    NamespacePattern = @namespace is null ? PullSecretReader.FindNamespacePattern(creation, types) : null,
                },
                state);
        }

        /// <summary>
        /// <c>spec.ServiceAccountName = …</c> outside an object initializer: judged in any namespace (the spec's owner is
        /// not followed). The deprecated <c>ServiceAccount</c> is not: whether <c>ServiceAccountName</c> is also set is
        /// not known there.
        /// </summary>
        internal static void CollectAssignment(IAssignmentOperation assignment, KubernetesTypes types, PullSecretState state)
        {
            if (assignment is not ISimpleAssignmentOperation simple || !IsLaterWrite(simple, types) || !WritesName(simple))
            {
                return;
            }

            var scope = ManifestBody.For(ContainerReader.Root(assignment), types, propertyDefaults: false).Scope;
            var values = types.Values.Fold(simple.Value, scope, propertyDefaults: false);
            string? name = values.IsSingleConstant ? values.Constants[0].Text : null;
            Enqueue(new ServiceAccountReferenceFact(name, Locations.OfValue(simple.Value), null) { NamePattern = name is null ? types.Pattern(simple.Value, scope) : null }, state);
        }

        /// <summary>
        /// A write of a pod spec's service account outside an object initializer (<c>spec.ServiceAccountName = …</c>,
        /// <c>pod.Spec.ServiceAccount = …</c>).
        /// </summary>
        internal static bool IsLaterWrite(ISimpleAssignmentOperation assignment, KubernetesTypes types) =>
            assignment.Target is IPropertyReferenceOperation { Property.Name: ServiceAccountName or DeprecatedServiceAccount, Instance: { } instance } target
            && instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && types.IsPodSpec(target.Property.ContainingType);

        /// <summary>
        /// The service account names a method of the compilation writes with values a call passes (a pod spec factory
        /// <c>Spec("runner")</c>, a helper <c>UseAccount(spec, "runner")</c>), in its body or in the methods it calls (to
        /// the call-depth bound): each folded with the call's arguments and judged at the argument that gives it, in any
        /// namespace. A name the method writes itself is collected in the method.
        /// </summary>
        internal static void CollectThroughCall(IInvocationOperation call, Summaries.MethodSummaries methods, Summaries.MethodSummary summary, KubernetesTypes types, PullSecretState state)
        {
            if (!ConfigReferenceCollector.Within(methods, summary, types, 1, NamesAccounts))
            {
                return;
            }

            var root = ContainerReader.Root(call);
            var caller = ManifestBody.For(root, types, propertyDefaults: false).Scope;
            CollectThroughCall(methods, summary, new Summaries.CallScope(summary, call, caller), call, HasLaterWrites(call, types), types, state, 1);
        }

        private static void CollectThroughCall(
            Summaries.MethodSummaries methods, Summaries.MethodSummary summary, Summaries.CallScope scope, IInvocationOperation call, bool callerWrites, KubernetesTypes types, PullSecretState state, int depth)
        {
            var writes = summary.ServiceAccountWritesInside(types);
            if (writes.IsEmpty && !callerWrites)
            {
                // A name written in a creation stands unless a later write (here or in the caller) may replace it.
                foreach (var creation in summary.PodSpecsInside(types))
                {
                    if (NameWritten(creation) is { } value)
                    {
                        EnqueuePassed(value, scope, call, types, state);
                    }
                }
            }

            foreach (var write in writes)
            {
                if (WritesName(write))
                {
                    EnqueuePassed(write.Value, scope, call, types, state);
                }
            }

            if (depth >= Summaries.MethodSummaries.MaxDepth)
            {
                return;
            }

            foreach (var next in summary.Inside(types).Calls)
            {
                if (!scope.IsFollowing(next.TargetMethod) && methods.Get(next.TargetMethod, types, depth + 1) is { } callee
                    && ConfigReferenceCollector.Within(methods, callee, types, depth + 1, NamesAccounts))
                {
                    CollectThroughCall(methods, callee, new Summaries.CallScope(callee, next, scope), call, callerWrites, types, state, depth + 1);
                }
            }
        }

        private static bool NamesAccounts(Summaries.MethodSummary summary, KubernetesTypes types)
        {
            if (!summary.ServiceAccountWritesInside(types).IsEmpty)
            {
                return true;
            }

            foreach (var creation in summary.PodSpecsInside(types))
            {
                if (NameWritten(creation) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        // A name the call chooses (written in its arguments), at the argument.
        private static void EnqueuePassed(IOperation value, Summaries.CallScope scope, IInvocationOperation call, KubernetesTypes types, PullSecretState state)
        {
            if (types.Values.Fold(value, scope, propertyDefaults: false) is { IsSingleConstant: true } values
                && values.Constants[0] is { Text: { } name } chosen && OperationValues.IsPassedBy(chosen, call))
            {
                Enqueue(new ServiceAccountReferenceFact(name, OperationValues.ChosenAt(chosen, call), null), state);
            }
        }

        // Only names that can be judged: a constant other than `default` (every namespace has it) or empty (unset), or a
        // name with constant parts.
        private static void Enqueue(ServiceAccountReferenceFact reference, PullSecretState state)
        {
            if (reference.Name is { Length: > 0 } and not "default" || (reference.Name is null && reference.NamePattern is not null))
            {
                state.ServiceAccountReferences.Enqueue(reference);
            }
        }

        // `ServiceAccountName`, or the deprecated `ServiceAccount` when it is written alone.
        private static IOperation? NameWritten(IObjectCreationOperation creation) =>
            ObjectMembers.Find(creation, ServiceAccountName) ?? ObjectMembers.Find(creation, DeprecatedServiceAccount);

        private static bool WritesName(ISimpleAssignmentOperation write) =>
            write.Target is IPropertyReferenceOperation { Property.Name: ServiceAccountName };

        /// <summary>
        /// True when the body may replace the service account of what <paramref name="created"/> makes (a pod spec
        /// creation, or a call that returns one): a write of <c>ServiceAccountName</c> or <c>ServiceAccount</c> outside an
        /// initializer through a path that may reach it, or a call handed an object that may hold it, to a method of the
        /// compilation that writes one (here or in the methods it calls, to the call-depth bound). Writes and calls that
        /// concern other objects of the body (another local's spec) do not count: <see cref="PodSpecHandOff.MayReach"/>.
        /// </summary>
        internal static bool HasLaterWrites(IOperation created, KubernetesTypes types)
        {
            var index = Flow.BodyIndex.For(ContainerReader.Root(created), types);
            if (WritesLater(index.References(ServiceAccountName), index, created, types) || WritesLater(index.References(DeprecatedServiceAccount), index, created, types))
            {
                return true;
            }

            if (types.Values.Methods is not { } methods)
            {
                return false;
            }

            foreach (var call in index.ModelCalls)
            {
                if (call == created || methods.Get(call.TargetMethod, types) is not { } summary || !ConfigReferenceCollector.Within(methods, summary, types, 1, WritesAccounts))
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    if (types.IsModel(argument.Value.Type) || (argument.Value is IConversionOperation conversion && types.IsModel(conversion.Operand.Type)))
                    {
                        if (OperationValues.IsWithin(created, argument.Value) || PodSpecHandOff.MayReach(index, index.Resolve(argument.Value), created, holding: true))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool WritesAccounts(Summaries.MethodSummary summary, KubernetesTypes types) => !summary.ServiceAccountWritesInside(types).IsEmpty;

        private static bool WritesLater(IReadOnlyList<IOperation> references, Flow.BodyIndex index, IOperation created, KubernetesTypes types)
        {
            foreach (var reference in references)
            {
                if (Flow.BodyIndex.UserOf(reference) is ISimpleAssignmentOperation assignment && assignment.Target == reference && IsLaterWrite(assignment, types)
                    && assignment.Target is IPropertyReferenceOperation { Instance: { } instance }
                    && PodSpecHandOff.MayWriteWithin(index, index.Resolve(instance), created, types))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
