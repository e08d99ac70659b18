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

        /// <summary>The call <paramref name="call"/> to <paramref name="method"/> (its name as messages show it).</summary>
        internal static CallSite Call(IOperation call, string method) => new(call.Syntax.GetLocation(), method);

        /// <summary>
        /// True when <paramref name="inner"/> is written inside <paramref name="outer"/>: a constant a call passes, an
        /// image written in the body being read.
        /// </summary>
        internal static bool IsWithin(IOperation inner, IOperation outer) =>
            inner.Syntax.SyntaxTree == outer.Syntax.SyntaxTree && outer.Syntax.Span.Contains(inner.Syntax.Span);

        /// <summary>True when the site is written inside <paramref name="outer"/>.</summary>
        internal static bool IsWithin(ValueSite inner, IOperation outer) =>
            inner is OperationSite site ? site.IsWithin(outer) : inner.IsWithin(outer.Syntax.GetLocation());

        /// <summary>True when the call chooses the constant (<see cref="ValueLocation.IsPassedBy(PossibleValue, CallSite)"/>).</summary>
        internal static bool IsPassedBy(PossibleValue constant, IOperation call) => ValueLocation.IsPassedBy(constant, Call(call, string.Empty));

        /// <summary>Where the call chooses the constant (<see cref="ValueLocation.ChosenAt(PossibleValue, CallSite)"/>).</summary>
        internal static Location ChosenAt(PossibleValue constant, IOperation call) => ValueLocation.ChosenAt(constant, Call(call, string.Empty));

        /// <summary>On a constant a call passes (<see cref="ValueLocation.Through(PossibleValue, string, CallSite)"/>).</summary>
        internal static ValueLocation Through(PossibleValue constant, string through, IOperation call) =>
            ValueLocation.Through(constant, through, Call(call, through));

        // `environment.DefaultImagePullPolicy = …` (Aspire.Hosting.Kubernetes).
        private static bool IsEnvironmentDefault(IOperation value) =>
            value.Parent is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "DefaultImagePullPolicy" } target }
            && target.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == "Aspire.Hosting.Kubernetes";
    }
}
