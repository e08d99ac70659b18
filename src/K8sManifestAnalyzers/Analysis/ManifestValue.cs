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

        /// <summary>A compile-time constant string is written.</summary>
        Constant,

        /// <summary>Something is written, but not a constant: rules that need the value stay silent.</summary>
        Unknown,
    }

    /// <summary>
    /// A value written to a manifest property, folded to a constant where C# can (literals, <c>const</c> fields of
    /// any class, constant concatenation and constant interpolated strings).
    /// </summary>
    internal readonly struct ManifestValue
    {
        private ManifestValue(ValueState state, string? text, IOperation? operation)
        {
            State = state;
            Text = text;
            Operation = operation;
        }

        internal static ManifestValue Unset => default;

        internal ValueState State { get; }

        /// <summary>The constant string, when <see cref="State"/> is <see cref="ValueState.Constant"/>.</summary>
        internal string? Text { get; }

        /// <summary>The expression that writes the value, for locations; null when unset.</summary>
        internal IOperation? Operation { get; }

        internal bool IsSet => State != ValueState.Unset;

        internal bool IsConstant => State == ValueState.Constant;

        internal static ManifestValue Unknown(IOperation? operation) => new(ValueState.Unknown, null, operation);

        /// <summary>A constant known from a reader (a builder chain) rather than from the operation's constant value.</summary>
        internal static ManifestValue Constant(string text, IOperation operation) => new(ValueState.Constant, text, operation);

        internal static ManifestValue From(IOperation value)
        {
            var constant = value.ConstantValue;
            if (!constant.HasValue)
            {
                return new ManifestValue(ValueState.Unknown, null, value);
            }

            return constant.Value switch
            {
                string text => new ManifestValue(ValueState.Constant, text, value),
                null => new ManifestValue(ValueState.Null, null, value),
                _ => new ManifestValue(ValueState.Unknown, null, value),
            };
        }
    }
}
