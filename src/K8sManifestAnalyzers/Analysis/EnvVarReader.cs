using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Reads env vars (KMA117, KMA119): a <c>V1EnvVar</c> created in place (object initializer, or the constructor
    /// arguments of KubernetesClient 17 and older), or created by a method of the compilation at a call; and the entries
    /// of a container's <c>Env</c> list (a list or array with an initializer, a collection expression, <c>Env = { … }</c>).
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
                    return Read(element, creation, null, null, body);

                case IInvocationOperation call when types.IsEnvVar(call.Type) && KubernetesTypes.IsInSource(call.TargetMethod):
                    return ReadCall(element, call, types, body) ?? new EnvEntry(element);

                default:
                    return new EnvEntry(element);
            }
        }

        /// <summary>
        /// The entry a call to a method of the compilation creates: a method whose only return is a <c>V1EnvVar</c>
        /// creation (<c>static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };</c>),
        /// folded with the call's arguments. Null for any other method.
        /// </summary>
        internal static EnvEntry? ReadCall(IOperation element, IInvocationOperation call, KubernetesTypes types, ManifestBody body)
        {
            if (types.Values.Methods?.Get(call.TargetMethod, types) is not { ReturnValues.Length: 1 } summary
                || ObjectMembers.WithoutConversions(summary.ReturnValues[0]) is not IObjectCreationOperation creation
                || !types.IsEnvVar(creation.Type))
            {
                return null;
            }

            var inMethod = new ManifestBody(summary.Index, summary.Flow, body.Folder, body.PropertyDefaults, types) { Scope = new CallScope(summary, call, body.Scope) };
            return Read(element, creation, call, summary.DisplayName, inMethod);
        }

        private static EnvEntry Read(IOperation element, IObjectCreationOperation creation, IInvocationOperation? call, string? method, ManifestBody body)
        {
            var name = ObjectMembers.Find(creation, "Name");
            var value = ObjectMembers.Find(creation, "Value");
            bool hasValueFrom = ObjectMembers.Find(creation, "ValueFrom") is { } valueFrom
                && !(ObjectMembers.WithoutConversions(valueFrom) is ILiteralOperation or IDefaultValueOperation);
            return new EnvEntry(
                element,
                creation,
                call,
                method,
                name,
                name is null ? Values.PossibleValues.Unknown : body.Fold(name),
                value,
                value is null ? Values.PossibleValues.None : body.Fold(value),
                hasValueFrom);
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
                            entries.Add(element.Syntax.Parent is SpreadElementSyntax ? new EnvEntry(element) : Read(element, types, body));
                        }

                        if (collection.Elements.Count != entries.Count)
                        {
                            entries.Add(new EnvEntry(value));
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
                entries.Add(element is IInvocationOperation { Arguments.Length: 1 } add ? Read(add.Arguments[0].Value, types, body) : new EnvEntry(element));
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
    }
}
