using System;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// The condition that chose a value when it tests a string value against constants (<c>image.EndsWith(":latest")</c>,
    /// <c>tag == "latest"</c>, <c>!image.Contains("@sha256:")</c>, <c>tag is "latest" or "edge"</c>, an arm of a
    /// <c>switch</c> on the image, the <c>if</c> a helper's <c>return</c> is under, a helper that returns such a test):
    /// the tested value's possible constants, and the test. A rule that knows which constant the tested value has (the
    /// container's own image) evaluates the test and keeps only the values chosen for it. Several conditions that all
    /// chose the value (an <c>if</c> inside an <c>if</c>, a <c>return</c> after an <c>if</c> that returned) are clauses
    /// of one test, each about its own value.
    /// </summary>
    internal sealed class ValueTest
    {
        private readonly Func<string, bool> _test;

        private ValueTest(PossibleValues subject, Func<string, bool> test, bool arm, ValueTest? next)
        {
            Subject = subject;
            _test = test;
            Arm = arm;
            Next = next;
        }

        /// <summary>The constants the tested value can take.</summary>
        internal PossibleValues Subject { get; }

        /// <summary>True for the values of the arm taken when the test holds.</summary>
        internal bool Arm { get; }

        /// <summary>Another condition that also chose the value, or null.</summary>
        internal ValueTest? Next { get; }

        /// <summary>
        /// Whether the value is chosen when a tested value is <paramref name="value"/>: false when a condition about it
        /// rules the value out, true when the conditions about it choose it, null when <paramref name="value"/> is not
        /// one of the tested values' constants (the test is about something else).
        /// </summary>
        internal bool? Takes(PossibleValue value)
        {
            bool? result = null;
            for (var clause = this; clause is not null; clause = clause.Next)
            {
                switch (clause.TakesOne(value))
                {
                    case false:
                        return false;
                    case true:
                        result = true;
                        break;
                }
            }

            return result;
        }

        private bool? TakesOne(PossibleValue value)
        {
            if (value.Text is not { } text)
            {
                return null;
            }

            foreach (var candidate in Subject.Constants)
            {
                if (candidate.Text == text && candidate.Origin.SameAs(value.Origin))
                {
                    return _test(text) == Arm;
                }

                // `Image = $"nginx:{tag}"` with `tag == "latest" ? …`: the test is of a part the value was joined from.
                foreach (var part in value.Parts)
                {
                    if (part.Text is { } piece && candidate.Text == piece && candidate.Origin.SameAs(part.Origin))
                    {
                        return _test(piece) == Arm;
                    }
                }
            }

            return null;
        }

        /// <summary>The same test, for the values of the other arm. Only for a test of one condition.</summary>
        internal ValueTest ForArm(bool arm) => new(Subject, _test, arm, null);

        /// <summary>The same tested value, with another test of it (an arm of a <c>switch</c> on it).</summary>
        internal ValueTest WithTest(Func<string, bool> test) => new(Subject, test, arm: true, null);

        /// <summary>Both this test's conditions and <paramref name="other"/>'s chose the value.</summary>
        internal ValueTest And(ValueTest other) => new(Subject, _test, Arm, Next is null ? other : Next.And(other));

        /// <summary>A test of a value that can be <paramref name="subject"/>'s constants; null when it has none.</summary>
        internal static ValueTest? Of(PossibleValues subject, Func<string, bool> test) =>
            subject.Constants.IsEmpty ? null : new ValueTest(subject, test, arm: true, null);
    }
}
