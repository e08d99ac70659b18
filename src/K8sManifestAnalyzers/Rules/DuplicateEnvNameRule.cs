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
        /// local assigned once or a parameter, or when its list may change in a way not read here (an Insert or Clear,
        /// a helper or delegate handed the owner before the Add). Read from the body index, not by walking the body.
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

            foreach (var call in body.Index.ModelCalls)
            {
                // A helper (or a delegate) handed the container before the Add may change its list in a way not read here.
                if (IsBefore(call, add) && !Analysis.Summaries.MethodSummaries.IsKnownNotToWrite(call.TargetMethod) && Hands(call, symbol))
                {
                    return;
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
                        return;
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

                            return;
                        }

                        listed = ListOf(assignment.Value, types, body);
                        break;

                    case IInvocationOperation call when call.Instance is { } receiver && ObjectMembers.WithoutConversions(receiver) == member:
                        if (EnvVarReader.IsAddToEnv(call, types, out _, out var callAdded))
                        {
                            if (!earlier.RunsBefore(call))
                            {
                                // Added on some paths only: which entries come before is not known.
                                return;
                            }

                            (listed ??= new List<EnvEntry>()).Add(EnvVarReader.Read(callAdded, types, body));
                        }
                        else if (receiver == member)
                        {
                            // Insert, Remove, Clear, …: the list changes in a way not followed.
                            return;
                        }

                        break;
                }
            }

            if (creation is { } last && !ListCreated(last, earlier, types, body, ref listed))
            {
                return;
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

        /// <summary>
        /// The env list of a container in YAML (a file, or a C# string when <paramref name="fallback"/> is where findings go
        /// that are not placed exactly): the earlier of two entries with one name, on its name, with the later entry's
        /// line. No fix is offered in YAML.
        /// </summary>
        internal static void CheckYaml(Action<Diagnostic> report, Analysis.Yaml.YamlContainer container, Location? fallback)
        {
            var env = container.Env;
            Dictionary<string, int>? next = null;
            for (int i = env.Length - 1; i >= 0; i--)
            {
                if (env[i].Name is not { } name)
                {
                    continue;
                }

                next ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (next.TryGetValue(name, out int later))
                {
                    var laterAt = env[later].At;
                    report(fallback is not null && laterAt.Equals(fallback)
                        ? Diagnostic.Create(Descriptors.KMA119_YamlDuplicateEnvNameLater, env[i].NameAt, name)
                        : Diagnostic.Create(Descriptors.KMA119_DuplicateEnvName, env[i].NameAt, name, laterAt.GetLineSpan().StartLinePosition.Line + 1));
                }

                next[name] = i;
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

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA119, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string DuplicateEnvNameDescription =
            "When a container's env list names a variable twice, the kubelet keeps the later entry and the earlier one does nothing; kubectl apply merges env entries by name, so the two also fight over the stored object. Remove the entry that has no effect.";

        /// <summary>KMA119; {1} is the line of the later entry.</summary>
        internal static readonly DiagnosticDescriptor KMA119_DuplicateEnvName = Create(
            DiagnosticIds.DuplicateEnvName,
            "Duplicate env name",
            "Env var '{0}' is defined again on line {1}: the later entry wins and this one has no effect",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            DuplicateEnvNameDescription);

        /// <summary>
        /// KMA119 in YAML written in a C# string, when the later entry cannot be placed in the source (it spans an
        /// interpolation hole or two pieces of a concatenation), so no line can be named.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA119_YamlDuplicateEnvNameLater = Create(
            DiagnosticIds.DuplicateEnvName,
            "Duplicate env name",
            "Env var '{0}' is defined again later in this env list: the later entry wins and this one has no effect",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            DuplicateEnvNameDescription);
    }
}
