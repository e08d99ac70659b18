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
        internal static ContainerModel? Read(IWithOperation copy, KubernetesTypes types)
        {
            if (!types.HasImage(copy.Type))
            {
                return null;
            }

            var image = ManifestValue.Unset;
            var policy = ManifestValue.Unset;
            foreach (var member in copy.Initializer.Initializers)
            {
                Collect(member, types, null, ref image, ref policy);
            }

            // Whatever the with expression leaves alone comes from the original container.
            if (!image.IsSet)
            {
                image = ManifestValue.Unknown(null);
            }

            if (!policy.IsSet)
            {
                policy = ManifestValue.Unknown(null);
            }

            return new ContainerModel(copy, image, policy, types.IsImageVolume(copy.Type));
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
            existing.IsSet ? ManifestValue.Unknown(value) : body is null ? ManifestValue.From(value) : body.Read(value);

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
