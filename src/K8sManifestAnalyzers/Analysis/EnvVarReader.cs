using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Summaries;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Reads env vars (KMA117, KMA119): a <c>V1EnvVar</c> created in place (object initializer, or the constructor
    /// arguments of KubernetesClient 17 and older), or created by a method of the compilation at a call; and the entries
    /// of a container's <c>Env</c> list (a list or array with an initializer, a collection expression, <c>Env = { … }</c>).
    /// What it gives the rules holds no operation: <see cref="EnvEntry"/> for an entry of a list, <see cref="EnvValueRow"/>
    /// for the constants of a value under a credential name.
    /// </summary>
    internal static class EnvVarReader
    {
        internal const string Env = "Env";

        /// <summary>The entry <paramref name="element"/> gives, folded in <paramref name="body"/>; an unknown entry for anything else.</summary>
        internal static EnvEntry Read(IOperation element, KubernetesTypes types, ManifestBody body)
        {
            switch (ObjectMembers.WithoutConversions(element))
            {
                case IObjectCreationOperation creation when types.IsEnvVar(creation.Type):
                    return EntryOf(element, Written.Of(creation, null, null, body));

                case IInvocationOperation call when types.IsEnvVar(call.Type) && KubernetesTypes.IsInSource(call.TargetMethod):
                    return WrittenBy(call, types, body) is { } written ? EntryOf(element, written) : Unknown(element);

                default:
                    return Unknown(element);
            }
        }

        /// <summary>
        /// The constants the value of an env var created in place can take, each with the name it goes with, where that
        /// name names a credential (<paramref name="names"/>); <paramref name="hasValueFrom"/> when it also sets
        /// <c>ValueFrom</c>. Empty when none.
        /// </summary>
        internal static ImmutableArray<EnvValueRow> ReadValues(IObjectCreationOperation creation, ManifestBody body, CredentialName names, out bool hasValueFrom)
        {
            var written = Written.Of(creation, null, null, body);
            hasValueFrom = written.HasValueFrom;
            return ValuesOf(written, names);
        }

        /// <summary>
        /// The same for the env var a call to a method of the compilation creates (see <see cref="Read"/>): only the
        /// constants the call chooses, on the argument that passes them. Null when the method is not one read here.
        /// </summary>
        internal static ImmutableArray<EnvValueRow>? ReadValues(IInvocationOperation call, KubernetesTypes types, ManifestBody body, CredentialName names, out bool hasValueFrom)
        {
            if (WrittenBy(call, types, body) is not { } written)
            {
                hasValueFrom = false;
                return null;
            }

            hasValueFrom = written.HasValueFrom;
            return ValuesOf(written, names);
        }

        // The env var a call to a method of the compilation creates: a method whose only return is a `V1EnvVar` creation
        // (`static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };`), folded with the
        // call's arguments. Null for any other method.
        private static Written? WrittenBy(IInvocationOperation call, KubernetesTypes types, ManifestBody body)
        {
            if (types.Values.Methods?.Get(call.TargetMethod, types) is not { ReturnValues.Length: 1 } summary
                || ObjectMembers.WithoutConversions(summary.ReturnValues[0]) is not IObjectCreationOperation creation
                || !types.IsEnvVar(creation.Type))
            {
                return null;
            }

            var inMethod = new ManifestBody(summary.Index, summary.Flow, body.Folder, body.PropertyDefaults, types) { Scope = new CallScope(summary, call, body.Scope) };
            return Written.Of(creation, call, summary.DisplayName, inMethod);
        }

        private static EnvEntry Unknown(IOperation element) => new(element.Syntax.GetLocation());

        private static EnvEntry EntryOf(IOperation element, Written written)
        {
            var location = element.Syntax.GetLocation();
            var name = written.Name;
            Location nameLocation = written.Call is not { } call
                ? written.NameValue?.Syntax.GetLocation() ?? location
                : name.IsSingleConstant ? OperationValues.ChosenAt(name.Constants[0], call) : call.Syntax.GetLocation();
            bool mayReadVariables = false;
            foreach (var constant in written.Values.Constants)
            {
                if (constant.Text is { } text && text.IndexOf("$(", System.StringComparison.Ordinal) >= 0)
                {
                    mayReadVariables = true;
                    break;
                }
            }

            return new EnvEntry(
                location,
                nameLocation,
                name.IsSingleConstant ? name.Constants[0].Text : null,
                isCreatedInPlace: written.Call is null,
                hasKnownValue: !written.Values.HasUnknown,
                mayReadVariables);
        }

        // Each constant string of the value with the name that goes with it, where that name names a credential, placed
        // where a finding goes: at a call, on what the call passes (the constant, else the name that chooses it); a
        // value and name both written in the called method are left to that method.
        private static ImmutableArray<EnvValueRow> ValuesOf(Written entry, CredentialName names)
        {
            if (entry.Value is not { } value)
            {
                return ImmutableArray<EnvValueRow>.Empty;
            }

            ImmutableArray<EnvValueRow>.Builder? rows = null;
            ManifestValue? written = null;
            foreach (var constant in entry.Values.Constants)
            {
                if (constant.Text is not { } text || NameFor(entry.Name, constant) is not { Text: { } chosenName } chosen)
                {
                    continue;
                }

                var kind = names.Classify(chosenName);
                if (kind == CredentialKind.None)
                {
                    continue;
                }

                ValueLocation where;
                if (entry.Call is not { } call)
                {
                    where = ValueLocation.Of(written ??= OperationValues.From(value, entry.Values), constant);
                }
                else if (OperationValues.IsPassedBy(constant, call))
                {
                    where = OperationValues.Through(constant, "passed to " + entry.Method, call);
                }
                else if (OperationValues.IsPassedBy(chosen, call))
                {
                    // `Secret("DB_PASSWORD")` where Secret writes a constant value: on the name the call passes.
                    where = OperationValues.Through(chosen, "the value " + entry.Method + " writes", call);
                }
                else
                {
                    // Name and value are both written in the method: reported there.
                    continue;
                }

                (rows ??= ImmutableArray.CreateBuilder<EnvValueRow>()).Add(new EnvValueRow(chosenName, kind, text, where.Location, where.From));
            }

            return rows is null ? ImmutableArray<EnvValueRow>.Empty : rows.ToImmutable();
        }

        // The name that goes with one constant of the value: the name when it is one constant; for a row of a table
        // (`foreach (var (name, value) in Table)`), the name written in the same row as the value. Null otherwise.
        private static PossibleValue? NameFor(PossibleValues names, PossibleValue value)
        {
            if (names.IsSingleConstant)
            {
                return names.Constants[0].Text is null ? null : names.Constants[0];
            }

            if (names.HasUnknown || names.Constants.IsEmpty || RowOf(OperationSite.OperationOf(value.Origin)?.Syntax) is not { } row)
            {
                return null;
            }

            PossibleValue? found = null;
            foreach (var name in names.Constants)
            {
                if (name.Text is not null && RowOf(OperationSite.OperationOf(name.Origin)?.Syntax) == row)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = name;
                }
            }

            return found;
        }

        // The row a cell of a table is written in: its tuple, creation or `{ key, value }` element, a few levels up.
        private static SyntaxNode? RowOf(SyntaxNode? cell)
        {
            var current = cell?.Parent;
            for (int level = 0; current is not null && level < 3; level++, current = current.Parent)
            {
                if (current is TupleExpressionSyntax or BaseObjectCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax
                    || (current is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression)))
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>
        /// The entries of an env list value, one list per list the value can be: each arm of a <c>?:</c> is a list of
        /// its own. Elements that are not env vars read here are unknown entries; a list that is not written in place
        /// (a parameter, a call) gives nothing.
        /// </summary>
        internal static void ReadLists(IOperation? list, KubernetesTypes types, ManifestBody body, List<List<EnvEntry>> lists)
        {
            if (list is null)
            {
                return;
            }

            var value = ObjectMembers.WithoutConversionsOrParentheses(list);
            if (value is IConditionalOperation conditional)
            {
                ReadLists(conditional.WhenTrue, types, body, lists);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    ReadLists(whenFalse, types, body, lists);
                }

                return;
            }

            var entries = new List<EnvEntry>();
            switch (value)
            {
                case IArrayCreationOperation { Initializer: { } array }:
                    foreach (var element in array.ElementValues)
                    {
                        entries.Add(Read(element, types, body));
                    }

                    break;

                case IObjectCreationOperation { Initializer: { } initializer } created when !types.IsEnvVar(created.Type):
                    AddAll(initializer, types, body, entries);
                    break;

                case IObjectOrCollectionInitializerOperation nested:
                    // `Env = { … }`: Add calls on the existing list.
                    AddAll(nested, types, body, entries);
                    break;

                default:
                    // Roslyn 4.8 shows a C# 12 collection expression as an operation of kind None whose children are the
                    // elements; a spread (`..common`) is an unknown entry.
                    if (value.Syntax is CollectionExpressionSyntax collection)
                    {
                        foreach (var element in value.ChildOperations)
                        {
                            entries.Add(element.Syntax.Parent is SpreadElementSyntax ? Unknown(element) : Read(element, types, body));
                        }

                        if (collection.Elements.Count != entries.Count)
                        {
                            entries.Add(Unknown(value));
                        }
                    }

                    break;
            }

            if (entries.Count > 0)
            {
                lists.Add(entries);
            }
        }

        /// <summary>
        /// True when an env list written in place holds only env vars created in place whose names are distinct compile-time
        /// constants (the usual list): it can have no duplicate, and the body need not be read. False when unsure.
        /// </summary>
        internal static bool HasOnlyDistinctConstantNames(IOperation list, KubernetesTypes types)
        {
            IEnumerable<IOperation?> elements;
            switch (ObjectMembers.WithoutConversionsOrParentheses(list))
            {
                case IArrayCreationOperation { Initializer: { } array }:
                    elements = array.ElementValues;
                    break;
                case IObjectCreationOperation { Initializer: { } initializer } created when !types.IsEnvVar(created.Type):
                    elements = AddedValues(initializer);
                    break;
                case IObjectOrCollectionInitializerOperation nested:
                    elements = AddedValues(nested);
                    break;
                default:
                    return false;
            }

            HashSet<string>? names = null;
            foreach (var element in elements)
            {
                if (element is null
                    || ObjectMembers.WithoutConversions(element) is not IObjectCreationOperation entry
                    || !types.IsEnvVar(entry.Type)
                    || ObjectMembers.Find(entry, "Name") is not { ConstantValue: { HasValue: true, Value: string name } }
                    || !(names ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(name))
                {
                    return false;
                }
            }

            return true;
        }

        // The argument of each Add of a collection initializer; null for an element that is not one.
        private static IEnumerable<IOperation?> AddedValues(IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var element in initializer.Initializers)
            {
                yield return element is IInvocationOperation { Arguments.Length: 1 } add ? add.Arguments[0].Value : null;
            }
        }

        private static void AddAll(IObjectOrCollectionInitializerOperation initializer, KubernetesTypes types, ManifestBody body, List<EnvEntry> entries)
        {
            foreach (var element in initializer.Initializers)
            {
                entries.Add(element is IInvocationOperation { Arguments.Length: 1 } add ? Read(add.Arguments[0].Value, types, body) : Unknown(element));
            }
        }

        /// <summary>
        /// <c>owner.Env.Add(entry)</c> on a container: the owner (a local or parameter) and the added value; false for any
        /// other call.
        /// </summary>
        internal static bool IsAddToEnv(IInvocationOperation call, KubernetesTypes types, out IOperation owner, out IOperation added)
        {
            if (call is { TargetMethod.Name: "Add", Arguments.Length: 1, Instance: { } instance }
                && ObjectMembers.WithoutConversions(instance) is IPropertyReferenceOperation { Property.Name: Env, Instance: { } container } env
                && types.IsContainerType(env.Property.ContainingType))
            {
                owner = container;
                added = call.Arguments[0].Value;
                return true;
            }

            owner = added = call;
            return false;
        }

        // One V1EnvVar as the code writes it, kept inside the reader: the creation (in place or in the called method),
        // the call and the method as messages name it, the expressions written to Name and Value with the values they
        // fold to, and whether ValueFrom is set.
        private readonly struct Written
        {
            private Written(IInvocationOperation? call, string? method, IOperation? nameValue, PossibleValues name, IOperation? value, PossibleValues values, bool hasValueFrom)
            {
                Call = call;
                Method = method;
                NameValue = nameValue;
                Name = name;
                Value = value;
                Values = values;
                HasValueFrom = hasValueFrom;
            }

            internal IInvocationOperation? Call { get; }

            internal string? Method { get; }

            internal IOperation? NameValue { get; }

            internal PossibleValues Name { get; }

            internal IOperation? Value { get; }

            internal PossibleValues Values { get; }

            internal bool HasValueFrom { get; }

            internal static Written Of(IObjectCreationOperation creation, IInvocationOperation? call, string? method, ManifestBody body)
            {
                var name = ObjectMembers.Find(creation, "Name");
                var value = ObjectMembers.Find(creation, "Value");
                bool hasValueFrom = ObjectMembers.Find(creation, "ValueFrom") is { } valueFrom
                    && !(ObjectMembers.WithoutConversions(valueFrom) is ILiteralOperation or IDefaultValueOperation);
                return new Written(
                    call,
                    method,
                    name,
                    name is null ? PossibleValues.Unknown : body.Fold(name),
                    value,
                    value is null ? PossibleValues.None : body.Fold(value),
                    hasValueFrom);
            }
        }
    }
}
