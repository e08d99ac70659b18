using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Turns Roslyn operations into the container model: which container, which image value, which policy value.
    /// Every rule reads containers through this one place. Operations are matched by pattern, never cast, so
    /// half-typed code (invalid operations, missing values) reads as "unknown" instead of throwing.
    /// </summary>
    internal static class ContainerReader
    {
        /// <summary>
        /// If <paramref name="operation"/> writes a container's image or pull policy (an assignment in an object
        /// initializer, a <c>with</c> initializer or anywhere else, <c>??=</c>, or a constructor argument of
        /// KubernetesClient 17 and older), the property and the written value.
        /// </summary>
        internal static ContainerProperty ReadWrite(IOperation operation, KubernetesTypes types, out IOperation? value)
        {
            switch (operation)
            {
                case IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    value = assignment.Value;
                    return types.Classify(target.Property);

                case IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue } argument:
                    value = argument.Value;
                    return types.ClassifyParameter(argument.Parameter);

                default:
                    value = null;
                    return ContainerProperty.None;
            }
        }

        /// <summary>
        /// The container an object creation builds, or <see langword="null"/> if it builds none: its values folded to
        /// their possible constants and later writes connected to it wherever they reach it (the local it is stored in,
        /// <c>spec.Containers[0]</c>, a <c>foreach</c> over its list), path by path. Rules read it through
        /// <see cref="ManifestBody.Container"/>, which reads each creation once.
        /// </summary>
        internal static ContainerModel? Read(IObjectCreationOperation creation, KubernetesTypes types, ManifestBody body)
        {
            if (!types.HasImage(creation.Type))
            {
                return null;
            }

            var image = ManifestValue.Unset;
            var policy = ManifestValue.Unset;
            foreach (var argument in creation.Arguments)
            {
                Collect(argument, types, body, ref image, ref policy);
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    Collect(member, types, body, ref image, ref policy);
                }
            }

            return ContainerFlow.Complete(creation, image, policy, body);
        }

        /// <summary>The container a <c>with</c> expression copies, or <see langword="null"/> if it copies none.</summary>
        internal static ContainerModel? Read(IWithOperation copy, KubernetesTypes types, ManifestBody? body = null)
        {
            if (!types.HasImage(copy.Type))
            {
                return null;
            }

            var (image, policy) = Copied(copy, types, body, 0) ?? (OperationValues.Unknown(null), OperationValues.Unknown(null));
            return OperationValues.Container(copy, image, policy, types.IsImageVolume(copy.Type));
        }

        // What a `with` copy holds: what it writes, and what it leaves from the original (`Base with { Image = … }`
        // keeps Base's policy, and keeps it unset when Base has none). Null when the original cannot be read.
        private static (ManifestValue Image, ManifestValue Policy)? Copied(IWithOperation copy, KubernetesTypes types, ManifestBody? body, int depth)
        {
            var image = ManifestValue.Unset;
            var policy = ManifestValue.Unset;
            foreach (var member in copy.Initializer.Initializers)
            {
                Collect(member, types, body, ref image, ref policy);
            }

            if (image.IsSet && policy.IsSet)
            {
                return (image, policy);
            }

            if (body is null || depth > 4 || Original(copy.Operand, types, body, depth) is not { } original)
            {
                // Whatever the with expression leaves alone comes from an original that is not followed.
                return (image.IsSet ? image : OperationValues.Unknown(null), policy.IsSet ? policy : OperationValues.Unknown(null));
            }

            // The original's values, found at the copy: a finding about them goes on the copy, naming where they come from.
            return (image.IsSet ? image : AtCopy(original.Image, copy), policy.IsSet ? policy : AtCopy(original.Policy, copy));
        }

        private static ManifestValue AtCopy(ManifestValue original, IWithOperation copy) =>
            original.IsSet ? OperationValues.From(copy, original.Values, original.SomePathsOnly) : original;

        // The values of the container a `with` copies, read where it is made: a creation (in place, in a `static
        // readonly` field's initializer, or the one value of a local the body writes no property of), or another copy.
        private static (ManifestValue Image, ManifestValue Policy)? Original(IOperation operand, KubernetesTypes types, ManifestBody body, int depth)
        {
            switch (ObjectMembers.WithoutConversionsOrParentheses(operand))
            {
                case IObjectCreationOperation creation when types.HasImage(creation.Type) && creation.Initializer is not null && creation.Arguments.IsEmpty:
                    var image = ManifestValue.Unset;
                    var policy = ManifestValue.Unset;
                    var inPlace = Root(creation) == body.Index.Root ? body : null;
                    foreach (var member in creation.Initializer.Initializers)
                    {
                        Collect(member, types, inPlace, ref image, ref policy);
                    }

                    return (image, policy);

                case IWithOperation inner:
                    return Copied(inner, types, body, depth + 1);

                case IFieldReferenceOperation { Field: { } field } when types.Values.StaticReadonlyInitializer(field) is { } initializer:
                    return Original(initializer, types, body, depth + 1);

                case ILocalReferenceOperation local when body.Index.OnlyValue(local.Local) is { } value && !WrittenThrough(local.Local, body):
                    return Original(value, types, body, depth + 1);

                default:
                    return null;
            }
        }

        // True when the body writes a property of the object a local holds, or hands it to a call that may.
        private static bool WrittenThrough(ILocalSymbol local, ManifestBody body)
        {
            foreach (var write in body.Index.Writes)
            {
                if (write.Instance is null || SymbolEqualityComparer.Default.Equals(write.Instance.Root, local))
                {
                    return true;
                }
            }

            foreach (var held in body.Index.MayWrite)
            {
                if (SymbolEqualityComparer.Default.Equals(held.Root, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The top of the operation tree <paramref name="operation"/> belongs to (a method body, an initializer).</summary>
        internal static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        private static void Collect(IOperation write, KubernetesTypes types, ManifestBody? body, ref ManifestValue image, ref ManifestValue policy)
        {
            switch (ReadWrite(write, types, out var value))
            {
                case ContainerProperty.Image when value is not null:
                    image = Merge(image, value, body);
                    break;
                case ContainerProperty.ImagePullPolicy when value is not null:
                    policy = Merge(policy, value, body);
                    break;
            }
        }

        // A second write to the same property leaves the value known only when nothing was known before.
        private static ManifestValue Merge(ManifestValue existing, IOperation value, ManifestBody? body) =>
            existing.IsSet ? OperationValues.Unknown(value) : body is null ? OperationValues.From(value) : body.Read(value);

        /// <summary>
        /// The local a creation is stored in (<c>var x = new …</c> or <c>x = new …</c>), if any.
        /// <paramref name="ambiguous"/> is set when the local is not assigned exactly once in the body (or cannot be
        /// followed), so its later writes may belong to another object.
        /// </summary>
        internal static ILocalSymbol? FindAssignedLocal(IOperation creation, Flow.BodyIndex index, out bool ambiguous)
        {
            ambiguous = false;
            var current = creation;
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            var local = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when assignment.Value == current => target.Local,
                _ => null,
            };

            if (local is not null)
            {
                ambiguous = index.OnlyValue(local) is null;
            }

            return local;
        }
    }
}
