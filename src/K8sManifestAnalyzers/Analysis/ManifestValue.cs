using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>What we know of a value written to a manifest property.</summary>
    internal enum ValueState
    {
        /// <summary>Nothing writes the property.</summary>
        Unset,

        /// <summary>The constant <see langword="null"/> (or <see langword="default"/>) is written.</summary>
        Null,

        /// <summary>One compile-time constant string is written, on every path.</summary>
        Constant,

        /// <summary>
        /// Something is written that is not one constant: <see cref="ManifestValue.Values"/> may still hold the
        /// constants it can be, each with its origin. Rules that need one value stay silent.
        /// </summary>
        Unknown,
    }

    /// <summary>
    /// A value written to a manifest property: the written expression, and the constants it can take (folded through
    /// <c>??</c>, <c>?:</c>, switch arms, fields, option defaults and locals; see <see cref="ValueFolder"/>).
    /// </summary>
    internal readonly struct ManifestValue
    {
        private ManifestValue(ValueState state, string? text, IOperation? operation, PossibleValues? values, bool somePathsOnly)
        {
            State = state;
            Text = text;
            Operation = operation;
            _values = values ?? (operation is null ? PossibleValues.None : PossibleValues.Unknown);
            SomePathsOnly = somePathsOnly;
        }

        internal static ManifestValue Unset => default;

        internal ValueState State { get; }

        /// <summary>The constant string, when <see cref="State"/> is <see cref="ValueState.Constant"/>.</summary>
        internal string? Text { get; }

        /// <summary>The expression that writes the value, for locations; null when unset.</summary>
        internal IOperation? Operation { get; }

        private readonly PossibleValues? _values;

        /// <summary>The constants the value can be (empty when unset), and whether an unknown part remains.</summary>
        internal PossibleValues Values => _values ?? PossibleValues.None;

        /// <summary>True when the value is written on some paths only: on the others the property stays unset.</summary>
        internal bool SomePathsOnly { get; }

        internal bool IsSet => State != ValueState.Unset;

        /// <summary>
        /// True when the code shows the expression that writes the value; false when it is unset, and for what a
        /// <c>with</c> copy keeps of the original (unknown, but written nowhere in sight).
        /// </summary>
        internal bool IsWritten => Operation is not null;

        /// <summary>Where the value is written (the assigned value, the argument); null when nothing writes it.</summary>
        internal Location? WrittenAt => Operation?.Syntax.GetLocation();

        /// <summary>
        /// True when the value is written to Aspire.Hosting.Kubernetes' <c>DefaultImagePullPolicy</c> of a Kubernetes
        /// environment (<c>environment.DefaultImagePullPolicy = …</c>), which Aspire writes on every container it
        /// generates: messages name that property, which is what the user wrote.
        /// </summary>
        internal bool IsAspireEnvironmentDefault =>
            Operation?.Parent is Microsoft.CodeAnalysis.Operations.IAssignmentOperation { Target: Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation { Property.Name: "DefaultImagePullPolicy" } target }
            && target.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == "Aspire.Hosting.Kubernetes";

        internal bool IsConstant => State == ValueState.Constant;

        internal static ManifestValue Unknown(IOperation? operation) => new(ValueState.Unknown, null, operation, PossibleValues.Unknown, false);

        /// <summary>A constant known from a reader (a builder chain) rather than from the operation's constant value.</summary>
        internal static ManifestValue Constant(string text, IOperation operation) =>
            new(ValueState.Constant, text, operation, PossibleValues.Of(new PossibleValue(text, OperationSite.Of(operation), ValueScenario.Always, null)), false);

        /// <summary>The value of <paramref name="value"/> as far as C# constants show it (no flow).</summary>
        internal static ManifestValue From(IOperation value)
        {
            var constant = value.ConstantValue;
            if (!constant.HasValue)
            {
                return new ManifestValue(ValueState.Unknown, null, value, PossibleValues.Unknown, false);
            }

            return constant.Value switch
            {
                string text => new ManifestValue(ValueState.Constant, text, value, PossibleValues.Of(new PossibleValue(text, OperationSite.Of(value), ValueScenario.Always, null)), false),
                null => new ManifestValue(ValueState.Null, null, value, PossibleValues.Of(new PossibleValue(null, OperationSite.Of(value), ValueScenario.Always, null)), false),
                _ => new ManifestValue(ValueState.Unknown, null, value, PossibleValues.Unknown, false),
            };
        }

        /// <summary>A written value with its possible values: one constant on every path reads as before.</summary>
        internal static ManifestValue From(IOperation value, PossibleValues values, bool somePathsOnly = false)
        {
            if (values.IsSingleConstant && !somePathsOnly)
            {
                string? text = values.Constants[0].Text;
                return new ManifestValue(text is null ? ValueState.Null : ValueState.Constant, text, value, values, false);
            }

            return new ManifestValue(ValueState.Unknown, null, value, values, somePathsOnly);
        }

        /// <summary>The same value, marked as written on some paths only.</summary>
        internal ManifestValue OnSomePathsOnly() => new(ValueState.Unknown, null, Operation, Values, true);
    }
}
