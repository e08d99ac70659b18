using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// A value with known and unknown parts, such as <c>$"quay.io/evil/miner:{tag}"</c> with an unknown <c>tag</c>:
    /// constant texts with a hole between each two, each hole any string. Kept beside the constants of
    /// <see cref="PossibleValues"/>, never among them: a value with holes is not a constant.
    /// </summary>
    internal readonly struct PartialValue
    {
        internal PartialValue(ImmutableArray<string> texts, ImmutableArray<string> holes, ValueSite origin, ValueScenario scenario, string? description, bool isMemberDefault = false)
        {
            Texts = texts;
            Holes = holes;
            Origin = origin;
            Scenario = scenario;
            Description = description;
            IsMemberDefault = isMemberDefault;
        }

        /// <summary>The constant texts, one more than the holes (empty between two adjacent holes).</summary>
        internal ImmutableArray<string> Texts { get; }

        /// <summary>Each hole's expression as written in source, for messages (<c>tag</c>).</summary>
        internal ImmutableArray<string> Holes { get; }

        /// <summary>Where the value is built (the interpolation or concatenation), for locations.</summary>
        internal ValueSite Origin { get; }

        internal ValueScenario Scenario { get; }

        /// <summary>Where the value comes from when that is not the written expression itself, in words; else null.</summary>
        internal string? Description { get; }

        /// <summary>True for the initializer of a settable field or property: a default that configuration may replace.</summary>
        internal bool IsMemberDefault { get; }

        /// <summary>The value as a pattern, each hole written <c>{…}</c>: <c>quay.io/evil/miner:{tag}</c>.</summary>
        internal string Pattern
        {
            get
            {
                var builder = new StringBuilder();
                for (int i = 0; i < Texts.Length; i++)
                {
                    builder.Append(Texts[i]);
                    if (i < Holes.Length)
                    {
                        builder.Append('{').Append(Holes[i]).Append('}');
                    }
                }

                return builder.ToString();
            }
        }

        internal PartialValue With(ValueScenario scenario, string? description, bool? isMemberDefault = null) =>
            new(Texts, Holes, Origin, scenario, description, isMemberDefault ?? IsMemberDefault);

        /// <summary>True when the two values can be the values of two properties of one object at the same time.</summary>
        internal bool CanOccurWith(PossibleValue other) => ValueScenarios.CanOccurTogether(Scenario, other.Scenario);
    }
}
