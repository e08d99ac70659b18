using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Reads what an object creation writes to a property: an object-initializer assignment, or a constructor
    /// argument of KubernetesClient 17 and older, whose parameters are named after the properties
    /// (<c>namespaceProperty</c> for <c>NamespaceProperty</c>).
    /// </summary>
    internal static class ObjectMembers
    {
        /// <summary>The last value written to <paramref name="property"/> by the creation, or <see langword="null"/>.</summary>
        internal static IOperation? Find(IObjectCreationOperation creation, string property)
        {
            IOperation? found = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue
                    && argument.Parameter is { } parameter
                    && string.Equals(parameter.Name, property, StringComparison.OrdinalIgnoreCase))
                {
                    found = argument.Value;
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                        && Is(target.Property, property))
                    {
                        found = assignment.Value;
                    }
                    else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation initialized } nested
                        && Is(initialized.Property, property))
                    {
                        // `Property = { … }` adds to the existing value: the nested initializer is what is written.
                        found = nested.Initializer;
                    }
                }
            }

            return found;
        }

        // The property asked for by its KubernetesClient name; Aspire.Hosting.Kubernetes' ObjectMetaV1 calls NamespaceProperty
        // plain Namespace.
        private static bool Is(IPropertySymbol candidate, string property) =>
            candidate.Name == property
            || (property == "NamespaceProperty" && candidate.Name == "Namespace" && KubernetesTypes.IsAspireModel(candidate.ContainingType));

        /// <summary><paramref name="operation"/> without the implicit or explicit conversions around it.</summary>
        internal static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>
        /// The outermost of the conversions and parentheses that wrap <paramref name="operation"/> (the operation itself when
        /// none does): the node whose parent uses the value.
        /// </summary>
        internal static IOperation WithConversionsAbove(IOperation operation)
        {
            while (operation.Parent is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary><paramref name="operation"/> without the conversions and parentheses around it.</summary>
        internal static IOperation WithoutConversionsOrParentheses(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The constant string written, or <see langword="null"/> when the value is not a constant string.</summary>
        internal static string? ConstantString(IOperation? value) =>
            value is not null && value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }
}
