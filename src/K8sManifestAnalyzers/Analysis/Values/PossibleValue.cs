using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>When a constant is the value: which other values it can occur together with.</summary>
    internal enum ValueScenario
    {
        /// <summary>On every path: the only value the expression has (besides unknown parts).</summary>
        Always,

        /// <summary>
        /// When nothing is configured: the fallback of a <c>??</c>, or the initializer of a settable option. The
        /// unconfigured values of two properties occur together (a deployment with the defaults).
        /// </summary>
        Unconfigured,

        /// <summary>On one branch only: an arm of <c>?:</c> or <c>switch</c>, one assignment of several.</summary>
        Branch,

        /// <summary>
        /// A value used when nothing is configured, chosen on one branch (<c>flavor switch { …, _ => options.DefaultImage }</c>):
        /// it occurs with the other unconfigured values (a deployment with the defaults that takes that branch).
        /// </summary>
        UnconfiguredBranch,
    }

    /// <summary>How scenarios combine.</summary>
    internal static class ValueScenarios
    {
        /// <summary>
        /// The scenario of a value that has <paramref name="inner"/> and is then chosen under <paramref name="outer"/>
        /// (or joined with a value that has it): an unconfigured value on a branch stays unconfigured on that branch.
        /// </summary>
        internal static ValueScenario Combine(ValueScenario inner, ValueScenario outer)
        {
            if (inner == ValueScenario.Always || inner == outer)
            {
                return outer;
            }

            if (outer == ValueScenario.Always)
            {
                return inner;
            }

            // Unconfigured, Branch and UnconfiguredBranch meet: some branch, and unconfigured on it when one of them is.
            return inner == ValueScenario.Branch && outer == ValueScenario.Branch ? ValueScenario.Branch : ValueScenario.UnconfiguredBranch;
        }

        /// <summary>True when values with these scenarios can be the values of two properties of one object at once.</summary>
        internal static bool CanOccurTogether(ValueScenario a, ValueScenario b) =>
            a == ValueScenario.Always
            || b == ValueScenario.Always
            || (a == ValueScenario.Unconfigured && b is ValueScenario.Unconfigured or ValueScenario.UnconfiguredBranch)
            || (b == ValueScenario.Unconfigured && a == ValueScenario.UnconfiguredBranch);
    }

    /// <summary>One constant an expression can evaluate to, with where it comes from.</summary>
    internal readonly struct PossibleValue
    {
        internal PossibleValue(string? text, ValueSite origin, ValueScenario scenario, string? description, bool isMemberDefault = false, ValueSite? anchor = null, ValueTest? test = null, ImmutableArray<PossibleValue> parts = default)
        {
            Test = test;
            _parts = parts;
            Text = text;
            Origin = origin;
            Scenario = scenario;
            Description = description;
            IsMemberDefault = isMemberDefault;
            Anchor = anchor;
        }

        /// <summary>True for the initializer of a settable field or property: a default that configuration may replace.</summary>
        internal bool IsMemberDefault { get; }

        /// <summary>The constant string; <see langword="null"/> for the constant <c>null</c>.</summary>
        internal string? Text { get; }

        /// <summary>Where the constant is written (a literal, an arm, an initializer), for locations, messages and fixes.</summary>
        internal ValueSite Origin { get; }

        /// <summary>Where the constant is written (for a finding on the constant itself).</summary>
        internal Location Location => Origin.Location;

        internal ValueScenario Scenario { get; }

        /// <summary>
        /// Where the value comes from when that is not the written expression itself, in words
        /// (<c>the default of OperatorOptions.DefaultImage, used when spec.Image is null</c>); null otherwise.
        /// </summary>
        internal string? Description { get; }

        /// <summary>
        /// Where the body being analyzed takes the constant from somewhere else: the value assigned to a local that
        /// holds it (<c>var image = options.Image;</c>). Null when the constant is read directly where it is written.
        /// Findings on a constant defined in another member go here, once, rather than on every use of the local.
        /// </summary>
        internal ValueSite? Anchor { get; }

        /// <summary>
        /// The condition that chose this value, when it tests a string against a constant (<c>image.EndsWith(":latest")
        /// ? "Always" : "IfNotPresent"</c>); null otherwise.
        /// </summary>
        internal ValueTest? Test { get; }

        private readonly ImmutableArray<PossibleValue> _parts;

        /// <summary>
        /// For a value joined from others (<c>$"nginx:{tag}"</c>), the constants it was joined from, each with its own
        /// origin: a test of <c>tag</c> is a test of this value too. Empty otherwise.
        /// </summary>
        internal ImmutableArray<PossibleValue> Parts => _parts.IsDefault ? ImmutableArray<PossibleValue>.Empty : _parts;

        internal PossibleValue With(ValueScenario scenario, string? description, bool? isMemberDefault = null) =>
            new(Text, Origin, scenario, description, isMemberDefault ?? IsMemberDefault, Anchor, Test, _parts);

        /// <summary>The same value, read through <paramref name="anchor"/> unless an earlier read already anchored it.</summary>
        internal PossibleValue AnchoredAt(ValueSite anchor) =>
            Anchor is not null ? this : new(Text, Origin, Scenario, Description, IsMemberDefault, anchor, Test, _parts);

        /// <summary>The same value, chosen by <paramref name="test"/> as well as by any inner condition that chose it.</summary>
        internal PossibleValue TestedBy(ValueTest test) =>
            new(Text, Origin, Scenario, Description, IsMemberDefault, Anchor, Test is null ? test : Test.And(test), _parts);

        /// <summary>True when the two values can be the values of two properties of one object at the same time.</summary>
        internal bool CanOccurWith(PossibleValue other) => ValueScenarios.CanOccurTogether(Scenario, other.Scenario);
    }
}
