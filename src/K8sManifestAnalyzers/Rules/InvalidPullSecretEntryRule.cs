using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA106: an ImagePullSecrets list with an entry that names nothing, or a name listed twice.</summary>
    internal static class InvalidPullSecretEntryRule
    {
        // A helper of the compilation that adds to the pull-secret list of a pod spec it receives
        // (`AddPullSecret(spec, "regcred")`): its Adds are checked at the call, with the call's arguments.
        internal static void CheckHelperAdds(Action<Diagnostic> report, IInvocationOperation call, KubernetesTypes types)
        {
            if (types.Values.Methods?.Get(call.TargetMethod, types) is not { } helper)
            {
                return;
            }

            Analysis.Flow.BodyIndex? index = null;
            IOperation? root = null;
            foreach (var member in helper.Index.ListMembers)
            {
                if (Analysis.Flow.BodyIndex.UserOf(member) is not IInvocationOperation add
                    || !PullSecretReader.IsAddToPullSecrets(add, types, out var list)
                    || list != member
                    || list!.Instance is not { } owner
                    || helper.Index.Resolve(owner) is not { Root: IParameterSymbol parameter } inHelper
                    || ObjectMembers.WithoutConversions(add.Arguments[0].Value) is not IObjectCreationOperation entry
                    || ObjectMembers.Find(entry, "Name") is not { } nameValue)
                {
                    continue;
                }

                var scope = new Analysis.Summaries.CallScope(helper, call, null);
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

                    root ??= ContainerReader.Root(call);
                    index ??= Analysis.Flow.BodyIndex.For(root, types);
                    if (index.Resolve(argument.Value) is { CoversEveryElement: false } path
                        && (path.Root is not ILocalSymbol holder || index.AssignmentsOf(holder) is { Count: 1 })
                        && ListedBefore(index, path.Append(inHelper.Steps), name, call, types))
                    {
                        report(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, call.Syntax.GetLocation(), $"The pull secret '{name}' is listed twice"));
                    }
                }
            }
        }

        internal static void CheckAdd(Action<Diagnostic> report, IInvocationOperation add, KubernetesTypes types)
        {
            if (!PullSecretReader.IsAddToPullSecrets(add, types, out var list)
                || list!.Instance is not { } owner
                || PullSecretReader.ReadEntry(add.Arguments[0].Value, types) is not { IsKnown: true, IsEmpty: false, Name: { } name } entry)
            {
                return;
            }

            var root = ContainerReader.Root(add);
            var index = Analysis.Flow.BodyIndex.For(root, types);
            if (index.Resolve(owner) is { CoversEveryElement: false } path
                && (path.Root is not ILocalSymbol holder || index.AssignmentsOf(holder) is { Count: 1 })
                && ListedBefore(index, path, name, add, types))
            {
                report(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, entry.Element.Syntax.GetLocation(), $"The pull secret '{name}' is listed twice"));
            }
        }

        // The name is listed before the Add, on every path to it, in the list the Add writes: by the creation that owns
        // the list, a later assignment of the list, or an earlier Add. The candidates are the body index's pull-secret
        // members, not a walk of the body.
        private static bool ListedBefore(Analysis.Flow.BodyIndex index, Analysis.Flow.AccessPath path, string name, IInvocationOperation add, KubernetesTypes types)
        {
            var before = new Analysis.Flow.EarlierStatements(add);
            foreach (var member in index.ListMembers)
            {
                IOperation? listed = null;
                Analysis.Flow.AccessPath? owner = null;
                if (Analysis.Flow.BodyIndex.CreationNaming(member) is { } creation)
                {
                    // Earlier in the text and on every path to the Add: a statement of a block that encloses it (not
                    // another switch section or branch).
                    if (IsPullSecretOwner(types, creation.Type) && before.RunsBefore(creation))
                    {
                        listed = ObjectMembers.Find(creation, PullSecretReader.ImagePullSecrets);
                        owner = listed is null ? null : index.PlacementOf(creation);
                    }
                }
                else if (member is IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets, Instance: { } instance } property)
                {
                    var parent = Analysis.Flow.BodyIndex.UserOf(property);
                    if (parent is ISimpleAssignmentOperation assignment && assignment.Target == property
                        && assignment.Parent is not IObjectOrCollectionInitializerOperation && before.RunsBefore(assignment))
                    {
                        listed = assignment.Value;
                        owner = index.Resolve(instance);
                    }
                    else if (parent is IInvocationOperation earlier && earlier != add && before.RunsBefore(earlier)
                        && PullSecretReader.IsAddToPullSecrets(earlier, types, out var earlierList) && earlierList == property
                        && PullSecretReader.ReadEntry(earlier.Arguments[0].Value, types) is { IsKnown: true, Name: { } added } && added == name
                        && index.Resolve(instance) is { } earlierPath && SamePath(earlierPath, path))
                    {
                        return true;
                    }
                }

                if (listed is not null && owner is not null && SamePath(owner, path))
                {
                    foreach (var entry in PullSecretReader.ReadList(listed, types, out _))
                    {
                        if (entry.IsKnown && entry.Name == name)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool SamePath(Analysis.Flow.AccessPath a, Analysis.Flow.AccessPath b) =>
            !a.CoversEveryElement && !b.CoversEveryElement && a.Reaches(b) == Analysis.Flow.PathMatch.Definite && b.Reaches(a) == Analysis.Flow.PathMatch.Definite;

        internal static bool IsPullSecretOwner(KubernetesTypes types, ITypeSymbol? type) => types.IsPodSpec(type) || types.IsServiceAccount(type);

        /// <summary>An <c>imagePullSecrets</c> list in YAML: each entry that names nothing, and each name listed again.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, System.Collections.Immutable.ImmutableArray<Analysis.Yaml.YamlPullSecretEntry> list)
        {
            HashSet<string>? seen = null;
            foreach (var entry in list)
            {
                string? problem = null;
                if (entry.IsEmpty)
                {
                    problem = entry.Name is null ? "This imagePullSecrets entry has no name" : "This imagePullSecrets entry has an empty name";
                }
                else if (entry.NameIsKnown && !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Name!))
                {
                    problem = $"The pull secret '{entry.Name}' is listed twice";
                }

                if (problem is not null)
                {
                    report(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, entry.At, problem));
                }
            }
        }

        internal static void Check(Action<Diagnostic> report, IOperation list, KubernetesTypes types)
        {
            // Each branch of a conditional is a list of its own: a name in both is not listed twice.
            if (ObjectMembers.WithoutConversions(list) is IConditionalOperation conditional)
            {
                Check(report, conditional.WhenTrue, types);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    Check(report, whenFalse, types);
                }

                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in PullSecretReader.ReadList(list, types, out _))
            {
                string? problem = null;
                if (entry.IsEmpty)
                {
                    problem = entry.NameValue is null ? "This imagePullSecrets entry has no name" : "This imagePullSecrets entry has an empty name";
                }
                else if (entry.IsKnown && !seen.Add(entry.Name!))
                {
                    problem = $"The pull secret '{entry.Name}' is listed twice";
                }

                if (problem is not null)
                {
                    report(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, entry.Element.Syntax.GetLocation(), problem));
                }
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA106, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA106_InvalidPullSecretEntry = Create(
            DiagnosticIds.InvalidPullSecretEntry,
            "Empty or duplicate imagePullSecrets entry",
            "{0}: the API server answers it with a warning, and it adds nothing",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An imagePullSecrets entry without a name does nothing; a name listed twice is redundant. The API server returns a warning for both.");
    }
}
