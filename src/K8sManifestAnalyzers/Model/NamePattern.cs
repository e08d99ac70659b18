using System;
using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// An object name (or namespace) known only in part: constant texts with holes between them, each hole a value
    /// the code computes (<c>$"{tenant}-db"</c> is <c>""</c>, hole <c>tenant</c>, <c>"-db"</c>). It may be any name that
    /// has its texts in order; two patterns may name the same object unless their constant ends rule it out.
    /// </summary>
    internal sealed class NamePattern
    {
        internal NamePattern(ImmutableArray<string> texts, ImmutableArray<string> holes)
        {
            Texts = texts;
            Holes = holes;
        }

        /// <summary>The constant texts, one more than the holes (the first and last may be empty).</summary>
        internal ImmutableArray<string> Texts { get; }

        /// <summary>What each hole is in the code (<c>tenant</c>, <c>spec.Name</c>).</summary>
        internal ImmutableArray<string> Holes { get; }

        private string Prefix => Texts[0];

        private string Suffix => Texts[Texts.Length - 1];

        /// <summary>The pattern as messages show it: <c>{tenant}-db</c>.</summary>
        internal string Display
        {
            get
            {
                var text = new System.Text.StringBuilder(Texts[0]);
                for (int i = 0; i < Holes.Length; i++)
                {
                    text.Append('{').Append(Holes[i]).Append('}').Append(Texts[i + 1]);
                }

                return text.ToString();
            }
        }

        /// <summary>True when some filling of the holes gives <paramref name="name"/>: its texts occur in it, in order.</summary>
        internal bool Matches(string name)
        {
            if (name.Length < Prefix.Length + Suffix.Length || !name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal))
            {
                return false;
            }

            int position = Prefix.Length;
            int end = name.Length - Suffix.Length;
            for (int i = 1; i < Texts.Length - 1; i++)
            {
                int found = name.IndexOf(Texts[i], position, end - position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + Texts[i].Length;
            }

            return true;
        }

        /// <summary>
        /// False only when no filling of both patterns' holes gives one name: a constant start or end of one is not
        /// a start or end of the other. Anything in the middle may match.
        /// </summary>
        internal bool MayOverlap(NamePattern other) =>
            (Prefix.StartsWith(other.Prefix, StringComparison.Ordinal) || other.Prefix.StartsWith(Prefix, StringComparison.Ordinal))
            && (Suffix.EndsWith(other.Suffix, StringComparison.Ordinal) || other.Suffix.EndsWith(Suffix, StringComparison.Ordinal));
    }
}
