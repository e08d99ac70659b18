using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>Edit distance, for "did you mean" suggestions between short names.</summary>
    public static class NameDistance
    {
        /// <summary>Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>, ordinal.</summary>
        public static int Levenshtein(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        /// <summary>
        /// True when <paramref name="candidate"/> is close enough to <paramref name="name"/> to be what was meant:
        /// at most two edits, and fewer than a third of the longer name.
        /// </summary>
        public static bool IsClose(string name, string candidate)
        {
            int distance = Levenshtein(name, candidate);
            return distance > 0 && distance <= 2 && distance * 3 < Math.Max(name.Length, candidate.Length);
        }
    }
}
