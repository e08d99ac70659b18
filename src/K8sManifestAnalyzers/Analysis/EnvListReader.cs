using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// What a container's env list holds before <c>owner.Env.Add(entry)</c> (KMA119): the entries listed in the
    /// container's creation, an earlier <c>owner.Env = …</c> or an earlier Add, on every path to this one. Read from the
    /// body index, not by walking the body.
    /// </summary>
    internal static class EnvListReader
    {
        /// <summary>
        /// The entries listed before <paramref name="add"/>, in order. Null when the owner is not a local assigned once or
        /// a parameter, or when its list may change in a way not read here (an Insert or Clear, a helper or delegate
        /// handed the owner before the Add, an assignment or Add on some paths only).
        /// </summary>
        internal static ImmutableArray<EnvEntry>? ListedBefore(IInvocationOperation add, IOperation owner, KubernetesTypes types, ManifestBody body)
        {
            if (OwnerOf(owner) is not { } symbol
                || (symbol is ILocalSymbol local && body.Index.AssignmentsOf(local) is not { Count: 1 }))
            {
                return null;
            }

            foreach (var path in body.Index.MayWrite)
            {
                if (SymbolEqualityComparer.Default.Equals(path.Root, symbol))
                {
                    return null;
                }
            }

            foreach (var call in body.Index.ModelCalls)
            {
                // A helper (or a delegate) handed the container before the Add may change its list in a way not read here.
                if (IsBefore(call, add) && !Summaries.MethodSummaries.IsKnownNotToWrite(call.TargetMethod) && Hands(call, symbol))
                {
                    return null;
                }
            }

            // What is listed before the Add, in text order: the creation the local is assigned (its only assignment),
            // then the body's uses of `owner.Env`, read from the body index.
            var earlier = new EarlierStatements(add);
            List<EnvEntry>? listed = null;
            var creation = symbol is ILocalSymbol holder && body.Index.AssignmentsOf(holder) is { Count: 1 } only && !only[0].IsCoalesce && IsBefore(only[0].Operation, add)
                ? only[0]
                : (LocalAssignment?)null;
            foreach (var member in body.Index.References(EnvVarReader.Env))
            {
                if (!IsBefore(member, add))
                {
                    continue;
                }

                if (creation is { } assigned && assigned.Operation.Syntax.SpanStart < member.Syntax.SpanStart)
                {
                    creation = null;
                    if (!ListCreated(assigned, earlier, types, body, ref listed))
                    {
                        return null;
                    }
                }

                if (member is not IPropertyReferenceOperation { Instance: { } instance } || !Is(instance, symbol))
                {
                    continue;
                }

                switch (BodyIndex.UserOf(member))
                {
                    // owner.Env = …: the list starts again; in a branch, what is listed is not known.
                    case IAssignmentOperation assignment when assignment.Target == member:
                        if (!earlier.RunsBefore(assignment) || assignment is not ISimpleAssignmentOperation)
                        {
                            if (assignment is ICoalesceAssignmentOperation && earlier.RunsBefore(assignment))
                            {
                                // `owner.Env ??= new List<V1EnvVar>()` keeps a list that is there.
                                listed ??= new List<EnvEntry>();
                                break;
                            }

                            return null;
                        }

                        listed = ListOf(assignment.Value, types, body);
                        break;

                    case IInvocationOperation call when call.Instance is { } receiver && ObjectMembers.WithoutConversions(receiver) == member:
                        if (EnvVarReader.IsAddToEnv(call, types, out _, out var callAdded))
                        {
                            if (!earlier.RunsBefore(call))
                            {
                                // Added on some paths only: which entries come before is not known.
                                return null;
                            }

                            (listed ??= new List<EnvEntry>()).Add(EnvVarReader.Read(callAdded, types, body));
                        }
                        else if (receiver == member)
                        {
                            // Insert, Remove, Clear, …: the list changes in a way not followed.
                            return null;
                        }

                        break;
                }
            }

            if (creation is { } last && !ListCreated(last, earlier, types, body, ref listed))
            {
                return null;
            }

            return listed is null ? null : ImmutableArray.CreateRange(listed);
        }

        private static List<EnvEntry>? ListOf(IOperation? value, KubernetesTypes types, ManifestBody body)
        {
            if (value is null || ObjectMembers.WithoutConversions(value) is ILiteralOperation or IDefaultValueOperation)
            {
                return new List<EnvEntry>();
            }

            var lists = new List<List<EnvEntry>>();
            EnvVarReader.ReadLists(value, types, body, lists);

            // One list written in place (`new List<V1EnvVar>()` is an empty one); a conditional or a list not written here
            // leaves the entries unknown.
            return lists.Count == 1 ? lists[0]
                : lists.Count == 0 && ObjectMembers.WithoutConversions(value) is IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: null } ? new List<EnvEntry>()
                : null;
        }

        // The creation the owner local is assigned: the Env it is created with starts the list; false when the
        // assignment is not on every path to the Add.
        private static bool ListCreated(LocalAssignment assigned, EarlierStatements earlier, KubernetesTypes types, ManifestBody body, ref List<EnvEntry>? listed)
        {
            if (!earlier.RunsBefore(assigned.Operation))
            {
                return false;
            }

            listed = ListOf(ObjectMembers.WithoutConversions(assigned.Value) is IObjectCreationOperation creation && types.IsContainerType(creation.Type)
                ? ObjectMembers.Find(creation, EnvVarReader.Env)
                : null, types, body);
            return true;
        }

        private static bool Hands(IInvocationOperation call, ISymbol owner)
        {
            foreach (var argument in call.Arguments)
            {
                if (Is(argument.Value, owner))
                {
                    return true;
                }
            }

            return false;
        }

        // Earlier in the text than the Add, in its file.
        private static bool IsBefore(IOperation operation, IOperation add) =>
            operation.Syntax.SpanStart < add.Syntax.SpanStart && operation.Syntax.SyntaxTree == add.Syntax.SyntaxTree;

        private static ISymbol? OwnerOf(IOperation owner) => ObjectMembers.WithoutConversions(owner) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        private static bool Is(IOperation operation, ISymbol symbol) =>
            OwnerOf(operation) is { } owner && SymbolEqualityComparer.Default.Equals(owner, symbol);
    }
}
