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
    /// A value written to a manifest property: where it is written, and the constants it can take, each with its own
    /// site (the C# reader folds them through <c>??</c>, <c>?:</c>, switch arms, fields, option defaults and locals;
    /// see <see cref="ValueFolder"/>). A front-end makes them (the C# reader through <see cref="OperationValues"/>);
    /// the rules read them.
    /// </summary>
    internal readonly struct ManifestValue
    {
        private ManifestValue(ValueState state, string? text, ValueSite? written, PossibleValues? values, bool somePathsOnly, bool toEnvironmentDefault)
        {
            State = state;
            Text = text;
            Written = written;
            _values = values ?? (written is null ? PossibleValues.None : PossibleValues.Unknown);
            SomePathsOnly = somePathsOnly;
            IsAspireEnvironmentDefault = toEnvironmentDefault;
        }

        internal static ManifestValue Unset => default;

        internal ValueState State { get; }

        /// <summary>The constant string, when <see cref="State"/> is <see cref="ValueState.Constant"/>.</summary>
        internal string? Text { get; }

        /// <summary>
        /// Where the value is written (the assigned value, the argument); null when it is unset, and for what a
        /// <c>with</c> copy keeps of the original (unknown, but written nowhere in sight).
        /// </summary>
        internal ValueSite? Written { get; }

        private readonly PossibleValues? _values;

        /// <summary>The constants the value can be (empty when unset), and whether an unknown part remains.</summary>
        internal PossibleValues Values => _values ?? PossibleValues.None;

        /// <summary>True when the value is written on some paths only: on the others the property stays unset.</summary>
        internal bool SomePathsOnly { get; }

        internal bool IsSet => State != ValueState.Unset;

        /// <summary>True when the code shows where the value is written (<see cref="Written"/>).</summary>
        internal bool IsWritten => Written is not null;

        /// <summary>Where the value is written; null when nothing in sight writes it.</summary>
        internal Location? WrittenAt => Written?.Location;

        /// <summary>
        /// True when the value is written to Aspire.Hosting.Kubernetes' <c>DefaultImagePullPolicy</c> of a Kubernetes
        /// environment (<c>environment.DefaultImagePullPolicy = …</c>), which Aspire writes on every container it
        /// generates: messages name that property, which is what the user wrote.
        /// </summary>
        internal bool IsAspireEnvironmentDefault { get; }

        internal bool IsConstant => State == ValueState.Constant;

        /// <summary>Something is written at <paramref name="written"/> (or nowhere in sight), and no constant is known.</summary>
        internal static ManifestValue Unknown(ValueSite? written) => new(ValueState.Unknown, null, written, PossibleValues.Unknown, false, false);

        /// <summary>One constant, known from a reader (a builder chain), written at <paramref name="written"/>.</summary>
        internal static ManifestValue Constant(string text, ValueSite written) =>
            new(ValueState.Constant, text, written, PossibleValues.Of(new PossibleValue(text, written, ValueScenario.Always, null)), false, false);

        /// <summary>A written value with its possible values: one constant on every path reads as one constant.</summary>
        /// <param name="toEnvironmentDefault">See <see cref="IsAspireEnvironmentDefault"/>.</param>
        internal static ManifestValue From(ValueSite written, PossibleValues values, bool somePathsOnly = false, bool toEnvironmentDefault = false)
        {
            if (values.IsSingleConstant && !somePathsOnly)
            {
                string? text = values.Constants[0].Text;
                return new ManifestValue(text is null ? ValueState.Null : ValueState.Constant, text, written, values, false, toEnvironmentDefault);
            }

            return new ManifestValue(ValueState.Unknown, null, written, values, somePathsOnly, toEnvironmentDefault);
        }

        /// <summary>The same value, marked as written on some paths only.</summary>
        internal ManifestValue OnSomePathsOnly() => new(ValueState.Unknown, null, Written, Values, true, IsAspireEnvironmentDefault);

        /// <summary>The same write, with nothing known of its value (a later write may replace it on some path).</summary>
        internal ManifestValue AsUnknown() => Unknown(Written);
    }
}
