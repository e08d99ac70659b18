using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// The constants a value can take, each with its origin, plus whether an unknown part remains (a parameter, a
    /// configured option, a call that is not followed). An unknown part alone never produces a finding. Values with
    /// known and unknown parts (<c>$"ghcr.io/acme/api:{tag}"</c>) are kept apart as <see cref="Partials"/>: they are
    /// unknown for every rule that judges constants, and only the image rules read what their known parts say.
    /// </summary>
    internal sealed class PossibleValues
    {
        internal static readonly PossibleValues Unknown = new(ImmutableArray<PossibleValue>.Empty, hasUnknown: true);

        internal static readonly PossibleValues None = new(ImmutableArray<PossibleValue>.Empty, hasUnknown: false);

        internal PossibleValues(ImmutableArray<PossibleValue> constants, bool hasUnknown)
            : this(constants, ImmutableArray<PartialValue>.Empty, hasUnknown)
        {
        }

        /// <summary>Constants, values with holes, and whether some value is neither (<paramref name="hasOpaque"/>).</summary>
        internal PossibleValues(ImmutableArray<PossibleValue> constants, ImmutableArray<PartialValue> partials, bool hasOpaque)
        {
            Constants = constants;
            Partials = partials;
            HasOpaque = hasOpaque;
        }

        internal ImmutableArray<PossibleValue> Constants { get; }

        /// <summary>The values with known and unknown parts; never among <see cref="Constants"/>.</summary>
        internal ImmutableArray<PartialValue> Partials { get; }

        /// <summary>True when a value may be something other than a constant: an unknown part, or a value with holes.</summary>
        internal bool HasUnknown => HasOpaque || !Partials.IsEmpty;

        /// <summary>True when a value may be something of which nothing is known (neither a constant nor a partial).</summary>
        internal bool HasOpaque { get; }

        /// <summary>True when the value is one constant on every path: the case the rules judged before values flowed.</summary>
        internal bool IsSingleConstant => !HasUnknown && Constants.Length == 1;

        internal bool MayBeNull
        {
            get
            {
                foreach (var value in Constants)
                {
                    if (value.Text is null)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        internal static PossibleValues Of(PossibleValue value) => new(ImmutableArray.Create(value), hasUnknown: false);

        /// <summary>Both sets: the value is one or the other.</summary>
        internal PossibleValues Union(PossibleValues other)
        {
            if (other.Constants.IsEmpty && other.Partials.IsEmpty)
            {
                return other.HasOpaque && !HasOpaque ? new PossibleValues(Constants, Partials, true) : this;
            }

            if (Constants.IsEmpty && Partials.IsEmpty)
            {
                return HasOpaque && !other.HasOpaque ? new PossibleValues(other.Constants, other.Partials, true) : other;
            }

            return new PossibleValues(Constants.AddRange(other.Constants), Partials.AddRange(other.Partials), HasOpaque || other.HasOpaque);
        }

        /// <summary>The same values, with an unknown part besides them.</summary>
        internal PossibleValues WithOpaque() => HasOpaque ? this : new PossibleValues(Constants, Partials, true);

        /// <summary>Every constant given another scenario and description.</summary>
        internal PossibleValues Map(ValueScenario scenario, string? description, bool keepStrongerScenario = true, bool? isMemberDefault = null)
        {
            if (Constants.IsEmpty && Partials.IsEmpty)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<PossibleValue>(Constants.Length);
            foreach (var value in Constants)
            {
                var chosen = keepStrongerScenario ? ValueScenarios.Combine(value.Scenario, scenario) : scenario;
                builder.Add(value.With(chosen, Compose(description, value.Description), isMemberDefault));
            }

            var partials = Partials;
            if (!partials.IsEmpty)
            {
                var mapped = ImmutableArray.CreateBuilder<PartialValue>(partials.Length);
                foreach (var value in partials)
                {
                    var chosen = keepStrongerScenario ? ValueScenarios.Combine(value.Scenario, scenario) : scenario;
                    mapped.Add(value.With(chosen, Compose(description, value.Description), isMemberDefault));
                }

                partials = mapped.MoveToImmutable();
            }

            return new PossibleValues(builder.MoveToImmutable(), partials, HasOpaque);
        }

        /// <summary>Every constant read through <paramref name="anchor"/> (see <see cref="PossibleValue.Anchor"/>).</summary>
        internal PossibleValues AnchoredAt(ValueSite anchor) => EachConstant(static (value, anchor) => value.AnchoredAt(anchor), anchor);

        /// <summary>Every constant chosen by <paramref name="test"/> (see <see cref="PossibleValue.Test"/>).</summary>
        internal PossibleValues TestedBy(ValueTest test) => EachConstant(static (value, test) => value.TestedBy(test), test);

        // The same values, each constant changed by `change`; the values with holes and the unknown part are kept.
        private PossibleValues EachConstant<T>(System.Func<PossibleValue, T, PossibleValue> change, T argument)
        {
            if (Constants.IsEmpty)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<PossibleValue>(Constants.Length);
            foreach (var value in Constants)
            {
                builder.Add(change(value, argument));
            }

            return new PossibleValues(builder.MoveToImmutable(), Partials, HasOpaque);
        }

        /// <summary>Without the constant <c>null</c>.</summary>
        internal PossibleValues WithoutNull()
        {
            if (!MayBeNull)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<PossibleValue>();
            foreach (var value in Constants)
            {
                if (value.Text is not null)
                {
                    builder.Add(value);
                }
            }

            return new PossibleValues(builder.ToImmutable(), Partials, HasOpaque);
        }

        // "the default of X" inside "when y is null": "the default of X, used when y is null".
        private static string? Compose(string? outer, string? inner) =>
            outer is null ? inner : inner is null ? outer : inner + ", " + outer;
    }
}
