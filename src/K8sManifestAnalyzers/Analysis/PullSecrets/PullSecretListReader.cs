using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The C# front-end of KMA106: turns one operation of a body into <see cref="PullSecretListFacts"/>. It reads
    /// ImagePullSecrets = … (in an initializer or not) and ??=; the imagePullSecrets argument of a constructor (KubernetesClient
    /// 17 and older: the host hands arguments only when <see cref="KubernetesTypes.HasPullSecretConstructorParameter"/>);
    /// spec.ImagePullSecrets.Add(…), and a call to a helper of the compilation handed a model that adds to it. For an add it
    /// also reads which names the list held before, from the body index; the body is indexed only when an add is found.
    /// </summary>
    internal static class PullSecretListReader
    {
        /// <summary>
        /// What <paramref name="operation"/> writes to or adds to an ImagePullSecrets list of a pod spec or service
        /// account; null when it does neither, or adds nothing the rule can judge (a computed or empty name, a list that
        /// cannot be placed).
        /// </summary>
        internal static PullSecretListFacts? Read(IOperation operation, KubernetesTypes types)
        {
            switch (operation)
            {
                case IAssignmentOperation { Kind: OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment, Target: IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets } target } assignment
                    when IsPullSecretOwner(types, target.Property.ContainingType):
                    return new PullSecretListFacts(ReadWritten(assignment.Value, types), ImmutableArray<PullSecretAdd>.Empty);

                case IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue, Parameter: { Name: "imagePullSecrets" } parameter } argument
                    when parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                        && IsPullSecretOwner(types, constructor.ContainingType):
                    return new PullSecretListFacts(ReadWritten(argument.Value, types), ImmutableArray<PullSecretAdd>.Empty);

                // Adds are rare, so the body is indexed only when one is found.
                case IInvocationOperation invocation:
                    ImmutableArray<PullSecretAdd> adds;
                    if (PullSecretReader.IsAddToPullSecrets(invocation, types, out var list))
                    {
                        adds = ReadAdd(invocation, list!, types) is { } add ? ImmutableArray.Create(add) : default;
                    }
                    else if (KubernetesTypes.IsInSource(invocation.TargetMethod) && BodyIndex.HandsOnModel(invocation, types))
                    {
                        adds = ReadHelperAdds(invocation, types);
                    }
                    else
                    {
                        return null;
                    }

                    return adds.IsDefault ? null : new PullSecretListFacts(ImmutableArray<PullSecretList>.Empty, adds);

                default:
                    return null;
            }
        }

        internal static bool IsPullSecretOwner(KubernetesTypes types, ITypeSymbol? type) => types.IsPodSpec(type) || types.IsServiceAccount(type);

        // The lists a written value holds: each branch of a conditional is a list of its own, so a name in both is not
        // listed twice.
        private static ImmutableArray<PullSecretList> ReadWritten(IOperation value, KubernetesTypes types)
        {
            var lists = ImmutableArray.CreateBuilder<PullSecretList>(1);
            AddWritten(value, types, lists);
            return lists.Count == lists.Capacity ? lists.MoveToImmutable() : lists.ToImmutable();
        }

        private static void AddWritten(IOperation value, KubernetesTypes types, ImmutableArray<PullSecretList>.Builder lists)
        {
            if (ObjectMembers.WithoutConversions(value) is IConditionalOperation conditional)
            {
                AddWritten(conditional.WhenTrue, types, lists);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    AddWritten(whenFalse, types, lists);
                }

                return;
            }

            var read = PullSecretReader.ReadList(value, types, out _);
            var entries = ImmutableArray.CreateBuilder<PullSecretListEntry>(read.Count);
            foreach (var entry in read)
            {
                entries.Add(new PullSecretListEntry(entry.Name, entry.IsKnown, nameIsWritten: entry.NameValue is not null, entry.Element.Syntax.GetLocation()));
            }

            lists.Add(new PullSecretList(entries.MoveToImmutable()));
        }

        // spec.ImagePullSecrets.Add(…) of a constant, non-empty name, to a list the body index can place.
        private static PullSecretAdd? ReadAdd(IInvocationOperation add, IPropertyReferenceOperation list, KubernetesTypes types)
        {
            if (list.Instance is not { } owner
                || PullSecretReader.ReadEntry(add.Arguments[0].Value, types) is not { IsKnown: true, IsEmpty: false, Name: { } name } entry)
            {
                return null;
            }

            var index = BodyIndex.For(ContainerReader.Root(add), types);
            return ListPath(index, owner) is { } path
                ? new PullSecretAdd(name, entry.Element.Syntax.GetLocation(), ListedBefore(index, path, add, types))
                : null;
        }

        // The path of the object whose list an add writes, when the body index places it on one object: not every
        // element of a list, and not a local assigned more than once.
        private static AccessPath? ListPath(BodyIndex index, IOperation owner) =>
            index.Resolve(owner) is { CoversEveryElement: false } path && (path.Root is not ILocalSymbol holder || index.AssignmentsOf(holder) is { Count: 1 })
                ? path
                : null;

        // A helper of the compilation that adds to the pull-secret list of a pod spec it receives
        // (`AddPullSecret(spec, "regcred")`): its Adds are read at the call, with the call's arguments, each placed in the
        // caller's body. Default when there is none.
        private static ImmutableArray<PullSecretAdd> ReadHelperAdds(IInvocationOperation call, KubernetesTypes types)
        {
            if (types.Values.Methods?.Get(call.TargetMethod, types) is not { } helper)
            {
                return default;
            }

            ImmutableArray<PullSecretAdd>.Builder? adds = null;
            BodyIndex? index = null;
            foreach (var member in helper.Index.ListMembers)
            {
                if (BodyIndex.UserOf(member) is not IInvocationOperation add
                    || !PullSecretReader.IsAddToPullSecrets(add, types, out var list)
                    || list != member
                    || list!.Instance is not { } owner
                    || helper.Index.Resolve(owner) is not { Root: IParameterSymbol parameter } inHelper
                    || ObjectMembers.WithoutConversions(add.Arguments[0].Value) is not IObjectCreationOperation entry
                    || ObjectMembers.Find(entry, "Name") is not { } nameValue)
                {
                    continue;
                }

                var scope = new Summaries.CallScope(helper, call, null);
                if (types.Constant(nameValue, scope) is not { Length: > 0 } name)
                {
                    continue;
                }

                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Ordinal != parameter.Ordinal)
                    {
                        continue;
                    }

                    index ??= BodyIndex.For(ContainerReader.Root(call), types);
                    if (ListPath(index, argument.Value) is { } path)
                    {
                        (adds ??= ImmutableArray.CreateBuilder<PullSecretAdd>()).Add(
                            new PullSecretAdd(name, call.Syntax.GetLocation(), ListedBefore(index, path.Append(inHelper.Steps), call, types)));
                    }
                }
            }

            return adds is null ? default : adds.ToImmutable();
        }

        // The names listed before the add, on every path to it, in the list the add writes: by the creation that owns the
        // list, a later assignment of the list, or an earlier Add. The candidates are the body index's pull-secret members,
        // not a walk of the body.
        private static ImmutableArray<string> ListedBefore(BodyIndex index, AccessPath path, IInvocationOperation add, KubernetesTypes types)
        {
            ImmutableArray<string>.Builder? names = null;
            var before = new EarlierStatements(add);
            foreach (var member in index.ListMembers)
            {
                IOperation? listed = null;
                AccessPath? owner = null;
                if (BodyIndex.CreationNaming(member) is { } creation)
                {
                    // Earlier in the text and on every path to the add: a statement of a block that encloses it (not
                    // another switch section or branch).
                    if (IsPullSecretOwner(types, creation.Type) && before.RunsBefore(creation))
                    {
                        listed = ObjectMembers.Find(creation, PullSecretReader.ImagePullSecrets);
                        owner = listed is null ? null : index.PlacementOf(creation);
                    }
                }
                else if (member is IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets, Instance: { } instance } property)
                {
                    var parent = BodyIndex.UserOf(property);
                    if (parent is ISimpleAssignmentOperation assignment && assignment.Target == property
                        && assignment.Parent is not IObjectOrCollectionInitializerOperation && before.RunsBefore(assignment))
                    {
                        listed = assignment.Value;
                        owner = index.Resolve(instance);
                    }
                    else if (parent is IInvocationOperation earlier && earlier != add && before.RunsBefore(earlier)
                        && PullSecretReader.IsAddToPullSecrets(earlier, types, out var earlierList) && earlierList == property
                        && PullSecretReader.ReadEntry(earlier.Arguments[0].Value, types) is { IsKnown: true, IsEmpty: false, Name: { } added }
                        && index.Resolve(instance) is { } earlierPath && SamePath(earlierPath, path))
                    {
                        (names ??= ImmutableArray.CreateBuilder<string>()).Add(added);
                    }
                }

                if (listed is not null && owner is not null && SamePath(owner, path))
                {
                    foreach (var entry in PullSecretReader.ReadList(listed, types, out _))
                    {
                        if (entry is { IsKnown: true, IsEmpty: false, Name: { } name })
                        {
                            (names ??= ImmutableArray.CreateBuilder<string>()).Add(name);
                        }
                    }
                }
            }

            return names is null ? ImmutableArray<string>.Empty : names.ToImmutable();
        }

        private static bool SamePath(AccessPath a, AccessPath b) =>
            !a.CoversEveryElement && !b.CoversEveryElement && a.Reaches(b) == PathMatch.Definite && b.Reaches(a) == PathMatch.Definite;
    }
}
