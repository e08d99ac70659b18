using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// How the C# reader makes the model's values and containers from operations, and finds the operations again:
    /// the one place where a <see cref="ManifestValue"/> or a <see cref="ContainerModel"/> meets an <see cref="IOperation"/>.
    /// </summary>
    internal static class OperationValues
    {
        /// <summary>Something is written by <paramref name="operation"/> (or by nothing in sight), and no constant is known.</summary>
        internal static ManifestValue Unknown(IOperation? operation) => ManifestValue.Unknown(operation is null ? null : OperationSite.Of(operation));

        /// <summary>A constant known from a reader (a builder chain) rather than from the operation's constant value.</summary>
        internal static ManifestValue Constant(string text, IOperation operation) => ManifestValue.Constant(text, OperationSite.Of(operation));

        /// <summary>The value of <paramref name="value"/> as far as C# constants show it (no flow).</summary>
        internal static ManifestValue From(IOperation value)
        {
            var constant = value.ConstantValue;
            var site = OperationSite.Of(value);
            return constant.HasValue && constant.Value is string or null
                ? ManifestValue.From(site, PossibleValues.Of(new PossibleValue(constant.Value as string, site, ValueScenario.Always, null)), toEnvironmentDefault: IsEnvironmentDefault(value))
                : ManifestValue.Unknown(site);
        }

        /// <summary>A written value with its possible values.</summary>
        internal static ManifestValue From(IOperation value, PossibleValues values, bool somePathsOnly = false) =>
            ManifestValue.From(OperationSite.Of(value), values, somePathsOnly, IsEnvironmentDefault(value));

        /// <summary>The operation that writes <paramref name="value"/>; null when it is not written in sight, or read by another front-end.</summary>
        internal static IOperation? OperationOf(ManifestValue value) => OperationSite.OperationOf(value.Written);

        /// <summary>
        /// A container (or image volume) created by <paramref name="creation"/>: a <c>new</c> or <c>with</c>, or a call
        /// to a factory that returns it. Aspire.Hosting.Kubernetes' own types are told by the creation's type.
        /// </summary>
        internal static ContainerModel Container(IOperation creation, ManifestValue image, ManifestValue pullPolicy, bool isImageVolume = false) =>
            new(OperationSite.Of(creation), Locations.OfCreation(creation), image, pullPolicy, isImageVolume, KubernetesTypes.IsAspireModel(creation.Type));

        // `environment.DefaultImagePullPolicy = …` (Aspire.Hosting.Kubernetes).
        private static bool IsEnvironmentDefault(IOperation value) =>
            value.Parent is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "DefaultImagePullPolicy" } target }
            && target.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == "Aspire.Hosting.Kubernetes";
    }
}
