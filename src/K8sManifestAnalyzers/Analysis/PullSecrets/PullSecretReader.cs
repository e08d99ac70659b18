using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>Reads <c>ImagePullSecrets</c> lists, Secrets and namespaces out of Roslyn operations.</summary>
    internal static class PullSecretReader
    {
        internal const string ImagePullSecrets = "ImagePullSecrets";

        /// <summary>
        /// The entries of a value written to <c>ImagePullSecrets</c>: arrays, lists with collection initializers,
        /// collection expressions and both branches of a conditional. <paramref name="hasUnknownEntries"/> is set
        /// when part of the value cannot be read (a variable, a method call, a spread).
        /// </summary>
        internal static List<PullSecretEntry> ReadList(IOperation value, KubernetesTypes types, out bool hasUnknownEntries)
        {
            var entries = new List<PullSecretEntry>();
            hasUnknownEntries = false;
            CollectElements(value, types, entries, ref hasUnknownEntries);
            return entries;
        }

        /// <summary>One element of a list, or the argument of <c>ImagePullSecrets.Add(…)</c>.</summary>
        internal static PullSecretEntry ReadEntry(IOperation element, KubernetesTypes types)
        {
            var unwrapped = ObjectMembers.WithoutConversions(element);
            if (unwrapped is IObjectCreationOperation creation && types.IsLocalObjectReference(creation.Type))
            {
                var nameValue = ObjectMembers.Find(creation, "Name");
                if (nameValue is null)
                {
                    return new PullSecretEntry(element, null, null, isKnown: true);
                }

                string? name = types.Constant(nameValue, out bool known);
                return new PullSecretEntry(element, nameValue, name, isKnown: known);
            }

            return new PullSecretEntry(element, null, null, isKnown: false);
        }

        /// <summary>
        /// True when <paramref name="operation"/> calls <c>Add</c> on the <c>ImagePullSecrets</c> list of a pod spec
        /// or service account (<c>spec.ImagePullSecrets ??= new(); spec.ImagePullSecrets.Add(…)</c>).
        /// </summary>
        internal static bool IsAddToPullSecrets(IInvocationOperation invocation, KubernetesTypes types, out IPropertyReferenceOperation? list)
        {
            list = null;
            if (invocation.TargetMethod.Name == "Add"
                && invocation.Arguments.Length == 1
                && ObjectMembers.WithoutConversions(invocation.Instance ?? invocation) is IPropertyReferenceOperation { Property.Name: ImagePullSecrets } property
                && (types.IsPodSpec(property.Property.ContainingType) || types.IsServiceAccount(property.Property.ContainingType)))
            {
                list = property;
                return true;
            }

            return false;
        }

        /// <summary>
        /// The namespace of the object a pod spec (or any nested object) belongs to: the constant
        /// <c>Metadata.NamespaceProperty</c> of the nearest enclosing creation that sets one.
        /// </summary>
        internal static string? FindNamespace(IOperation operation, KubernetesTypes types)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current is IObjectCreationOperation creation && ReadNamespace(creation, types) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>
        /// The namespace of the nearest enclosing object that writes one, when it is computed with constant parts
        /// (<c>$"tenant-{id}"</c>); null when it is a constant, unknown, or not written.
        /// </summary>
        internal static Model.NamePattern? FindNamespacePattern(IOperation operation, KubernetesTypes types)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current is IObjectCreationOperation creation && FindMetadata(creation, types, out var scope) is { } meta
                    && ObjectMembers.Find(meta, "NamespaceProperty") is { } written)
                {
                    return types.Constant(written, scope) is null ? types.Pattern(written, scope) : null;
                }
            }

            return null;
        }

        /// <summary>
        /// The <c>V1ObjectMeta</c> creation a creation's <c>Metadata</c> is: written in place, or created and returned by
        /// a helper of the compilation (<c>Metadata = Meta("api")</c>), then with <paramref name="scope"/> giving the
        /// helper's parameters the call's arguments.
        /// </summary>
        internal static IObjectCreationOperation? FindMetadata(IObjectCreationOperation creation, KubernetesTypes types, out Values.IValueScope? scope)
        {
            scope = null;
            switch (ObjectMembers.Find(creation, "Metadata") is { } metadata ? ObjectMembers.WithoutConversions(metadata) : null)
            {
                case IObjectCreationOperation meta when types.IsObjectMeta(meta.Type):
                    return meta;

                case IInvocationOperation call when types.Values.Methods?.Get(call.TargetMethod, types) is { CreatedObject: { } made } helper && types.IsObjectMeta(made.Type):
                    scope = new Summaries.CallScope(helper, call, null);
                    return made;

                default:
                    return null;
            }
        }

        /// <summary>The metadata written in place or by a helper, without the helper's scope.</summary>
        internal static IObjectCreationOperation? FindMetadata(IObjectCreationOperation creation, KubernetesTypes types) => FindMetadata(creation, types, out _);

        /// <summary>
        /// One entry of a dictionary's collection initializer: <c>[key] = value</c> or <c>{ key, value }</c>.
        /// </summary>
        internal static bool TryReadDictionaryEntry(IOperation entry, out IOperation key, out IOperation value)
        {
            switch (entry)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                    key = indexer.Arguments[0].Value;
                    value = assignment.Value;
                    return true;
                case IInvocationOperation { Arguments.Length: 2 } add:
                    key = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    return true;
                default:
                    key = value = entry;
                    return false;
            }
        }

        private static string? ReadNamespace(IObjectCreationOperation creation, KubernetesTypes types) =>
            FindMetadata(creation, types, out var scope) is { } meta ? types.Constant(ObjectMembers.Find(meta, "NamespaceProperty"), scope) : null;

        private static void CollectElements(IOperation value, KubernetesTypes types, List<PullSecretEntry> entries, ref bool hasUnknownEntries)
        {
            value = ObjectMembers.WithoutConversions(value);
            switch (value)
            {
                case IArrayCreationOperation array:
                    if (array.Initializer is { } arrayInitializer)
                    {
                        foreach (var element in arrayInitializer.ElementValues)
                        {
                            Add(element, types, entries, ref hasUnknownEntries);
                        }
                    }

                    break;

                case IObjectCreationOperation list when !types.IsLocalObjectReference(list.Type):
                    if (list.Initializer is { } listInitializer)
                    {
                        foreach (var initializer in listInitializer.Initializers)
                        {
                            if (initializer is IInvocationOperation { Arguments.Length: 1 } add)
                            {
                                Add(add.Arguments[0].Value, types, entries, ref hasUnknownEntries);
                            }
                            else
                            {
                                hasUnknownEntries = true;
                            }
                        }
                    }

                    if (list.Arguments.Length > 0 && list.Arguments[0].Value.Type is { SpecialType: not SpecialType.System_Int32 })
                    {
                        // new List<V1LocalObjectReference>(existing): a copy of something we cannot see.
                        hasUnknownEntries = true;
                    }

                    break;

                case IObjectOrCollectionInitializerOperation nested:
                    // `ImagePullSecrets = { … }`: Add calls on the existing list.
                    foreach (var initializer in nested.Initializers)
                    {
                        if (initializer is IInvocationOperation { Arguments.Length: 1 } add)
                        {
                            Add(add.Arguments[0].Value, types, entries, ref hasUnknownEntries);
                        }
                        else
                        {
                            hasUnknownEntries = true;
                        }
                    }

                    break;

                case IConditionalOperation conditional:
                    CollectElements(conditional.WhenTrue, types, entries, ref hasUnknownEntries);
                    if (conditional.WhenFalse is { } whenFalse)
                    {
                        CollectElements(whenFalse, types, entries, ref hasUnknownEntries);
                    }

                    break;

                case ILiteralOperation or IDefaultValueOperation:
                    // null or default: no entries.
                    break;

                case IInvocationOperation { TargetMethod: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_Array } }:
                    // Array.Empty<V1LocalObjectReference>(): known to be empty.
                    break;

                default:
                    if (IsCollectionExpression(value))
                    {
                        foreach (var element in value.ChildOperations)
                        {
                            Add(element, types, entries, ref hasUnknownEntries);
                        }
                    }
                    else
                    {
                        hasUnknownEntries = true;
                    }

                    break;
            }
        }

        private static void Add(IOperation element, KubernetesTypes types, List<PullSecretEntry> entries, ref bool hasUnknownEntries)
        {
            var entry = ReadEntry(element, types);
            if (!entry.IsKnown && entry.NameValue is null)
            {
                hasUnknownEntries = true;
            }

            entries.Add(entry);
        }

        // Roslyn 4.8 exposes a C# 12 collection expression as an operation of kind None whose children are the
        // elements; newer compilers as ICollectionExpressionOperation (a kind 4.8 does not name).
        private static bool IsCollectionExpression(IOperation value) =>
            value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax;
    }
}
