using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA119: two entries of one container's env list with the same constant name (compared case-sensitively, as
    /// Kubernetes does): the later one wins, and the earlier one is reported on its name. Entries whose name is not one
    /// constant, and <c>EnvFrom</c> sources (whose keys are not known here), are left alone.
    /// </summary>
    internal static class DuplicateEnvNameRule
    {
        private static readonly ImmutableDictionary<string, string?> RemoveEntry =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RemoveEntry, "true");

        /// <summary>One env list, written in place.</summary>
        internal static void CheckList(Action<Diagnostic> report, List<EnvEntry> entries)
        {
            // From the end: the next entry with each name.
            Dictionary<string, int>? next = null;
            for (int i = entries.Count - 1; i >= 0; i--)
            {
                if (entries[i].ConstantName is not { } name)
                {
                    continue;
                }

                next ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (next.TryGetValue(name, out int later))
                {
                    Report(report, entries[i], entries[later], CanRemove(entries, i, later));
                }

                next[name] = i;
            }
        }

        /// <summary>
        /// <c>owner.Env.Add(entry)</c>: the entry listed before it with the same name, in the container's creation, an
        /// earlier <c>owner.Env = …</c> or an earlier Add, on every path to this one. Silent when the owner is not a
        /// local assigned once or a parameter, or when its list may change in a way not read here.
        /// </summary>
        internal static void CheckAdd(Action<Diagnostic> report, IInvocationOperation add, IOperation owner, IOperation added, KubernetesTypes types, ManifestBody body)
        {
            var entry = EnvVarReader.Read(added, types, body);
            if (entry.ConstantName is not { } name || OwnerOf(owner) is not { } symbol
                || (symbol is ILocalSymbol local && body.Index.AssignmentsOf(local) is not { Count: 1 }))
            {
                return;
            }

            foreach (var path in body.Index.MayWrite)
            {
                if (SymbolEqualityComparer.Default.Equals(path.Root, symbol))
                {
                    return;
                }
            }

            var earlier = new EarlierStatements(add);
            List<EnvEntry>? listed = null;
            foreach (var operation in ContainerReader.Root(add).Descendants())
            {
                if (operation.Syntax.SpanStart >= add.Syntax.SpanStart || operation.Syntax.SyntaxTree != add.Syntax.SyntaxTree)
                {
                    continue;
                }

                switch (operation)
                {
                    // The creation the local is assigned (its only assignment).
                    case ISimpleAssignmentOperation or IVariableDeclaratorOperation when symbol is ILocalSymbol holder && Assigns(operation, holder) is { } created:
                        if (!earlier.RunsBefore(operation))
                        {
                            return;
                        }

                        listed = ListOf(ObjectMembers.WithoutConversions(created) is IObjectCreationOperation creation && types.IsContainerType(creation.Type)
                            ? ObjectMembers.Find(creation, EnvVarReader.Env)
                            : null, types, body);
                        break;

                    // owner.Env = …: the list starts again; in a branch, what is listed is not known.
                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: EnvVarReader.Env, Instance: { } instance } } assignment when Is(instance, symbol):
                        if (!earlier.RunsBefore(operation) || assignment is not ISimpleAssignmentOperation)
                        {
                            if (assignment is ICoalesceAssignmentOperation && earlier.RunsBefore(operation))
                            {
                                // `owner.Env ??= new List<V1EnvVar>()` keeps a list that is there.
                                listed ??= new List<EnvEntry>();
                                break;
                            }

                            return;
                        }

                        listed = ListOf(assignment.Value, types, body);
                        break;

                    case IInvocationOperation call when EnvVarReader.IsAddToEnv(call, types, out var callOwner, out var callAdded) && Is(callOwner, symbol):
                        if (!earlier.RunsBefore(operation))
                        {
                            // Added on some paths only: which entries come before is not known.
                            return;
                        }

                        (listed ??= new List<EnvEntry>()).Add(EnvVarReader.Read(callAdded, types, body));
                        break;

                    case IInvocationOperation { Instance: IPropertyReferenceOperation { Property.Name: EnvVarReader.Env, Instance: { } instance } }
                        when Is(instance, symbol):
                        // Insert, Remove, Clear, …: the list changes in a way not followed.
                        return;
                }
            }

            if (listed is null)
            {
                return;
            }

            for (int i = listed.Count - 1; i >= 0; i--)
            {
                if (listed[i].ConstantName == name)
                {
                    Report(report, listed[i], entry, canRemove: false);
                    return;
                }
            }
        }

        private static void Report(Action<Diagnostic> report, EnvEntry earlier, EnvEntry later, bool canRemove)
        {
            int line = later.Element.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            report(canRemove
                ? Diagnostic.Create(Descriptors.KMA119_DuplicateEnvName, earlier.NameLocation, new[] { earlier.Element.Syntax.GetLocation() }, RemoveEntry, earlier.ConstantName, line)
                : Diagnostic.Create(Descriptors.KMA119_DuplicateEnvName, earlier.NameLocation, earlier.ConstantName, line));
        }

        // Removing the earlier entry changes nothing when both are created in place in this list and no entry from the
        // earlier one to the later one can read it through $(NAME) expansion (which sees the entries listed before).
        private static bool CanRemove(List<EnvEntry> entries, int earlier, int later)
        {
            if (entries[earlier].Call is not null || entries[later].Call is not null || !entries[earlier].IsKnown)
            {
                return false;
            }

            for (int k = earlier + 1; k <= later; k++)
            {
                var entry = entries[k];
                if (!entry.IsKnown || entry.Value.HasUnknown)
                {
                    return false;
                }

                foreach (var constant in entry.Value.Constants)
                {
                    if (constant.Text is { } text && text.IndexOf("$(", StringComparison.Ordinal) >= 0)
                    {
                        return false;
                    }
                }
            }

            return true;
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

        private static IOperation? Assigns(IOperation operation, ILocalSymbol local) => operation switch
        {
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
            IVariableDeclaratorOperation { Initializer: { } initializer } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => initializer.Value,
            _ => null,
        };

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
