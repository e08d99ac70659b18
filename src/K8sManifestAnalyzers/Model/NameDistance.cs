using System;
using System.Collections.Generic;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>Edit distance, for "did you mean" suggestions between short names.</summary>
    public static class NameDistance
    {
        /// <summary>The most edits a suggestion may be away from the name written.</summary>
        internal const int MaxSuggestionEdits = 2;

        /// <summary>Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>, ordinal.</summary>
        public static int Levenshtein(string a, string b) => Levenshtein(a, b, int.MaxValue - 1);

        /// <summary>
        /// True when <paramref name="candidate"/> is close enough to <paramref name="name"/> to be what was meant:
        /// at most two edits, and fewer than a third of the longer name.
        /// </summary>
        public static bool IsClose(string name, string candidate) => CloseDistance(name, candidate) > 0;

        /// <summary>
        /// The distance between the two names when <see cref="IsClose"/> holds, otherwise 0: one bounded computation
        /// that gives up as soon as the names are more than two edits apart.
        /// </summary>
        internal static int CloseDistance(string name, string candidate)
        {
            int distance = Levenshtein(name, candidate, MaxSuggestionEdits);
            return distance > 0 && distance <= MaxSuggestionEdits && distance * 3 < Math.Max(name.Length, candidate.Length) ? distance : 0;
        }

        /// <summary>The Levenshtein distance when it is at most <paramref name="max"/>, otherwise <paramref name="max"/> + 1.</summary>
        internal static int Levenshtein(string a, string b, int max)
        {
            if (Math.Abs(a.Length - b.Length) > max)
            {
                return max + 1;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                int rowMinimum = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                    rowMinimum = Math.Min(rowMinimum, current[j]);
                }

                // Every later row is at least this row's minimum: the names are already too far apart.
                if (rowMinimum > max)
                {
                    return max + 1;
                }

                (previous, current) = (current, previous);
            }

            return Math.Min(previous[b.Length], max + 1);
        }
    }

    /// <summary>
    /// Names to suggest from, indexed so that finding those within two edits of a name does not compare it with every
    /// one: names at most two edits apart share a string obtained by deleting at most two characters from each (a
    /// substitution is a deletion on both sides), so a query looks up its own deletions. Lists of a few names, and
    /// long names, are scanned instead. Built on the first query.
    /// </summary>
    internal sealed class SuggestionIndex
    {
        private const int ScanBelow = 16;
        private const int LongestIndexedName = 48;

        private readonly IReadOnlyList<string> _names;
        private Dictionary<string, List<int>>? _byDeletion;
        private List<int>? _long;

        public SuggestionIndex(IReadOnlyList<string> names) => _names = names;

        /// <summary>
        /// The positions, in ascending order, of every name within two edits of <paramref name="query"/> (and
        /// perhaps a few more: callers check each with <see cref="NameDistance.CloseDistance"/>).
        /// </summary>
        public List<int> Candidates(string query)
        {
            var result = new List<int>();
            if (_names.Count < ScanBelow || query.Length > LongestIndexedName)
            {
                for (int i = 0; i < _names.Count; i++)
                {
                    result.Add(i);
                }

                return result;
            }

            Build();
            var seen = new HashSet<int>();
            var deletions = new HashSet<string>(StringComparer.Ordinal);
            AddDeletions(query, deletions);
            foreach (string deletion in deletions)
            {
                if (_byDeletion!.TryGetValue(deletion, out var positions))
                {
                    foreach (int position in positions)
                    {
                        if (seen.Add(position))
                        {
                            result.Add(position);
                        }
                    }
                }
            }

            foreach (int position in _long!)
            {
                if (seen.Add(position))
                {
                    result.Add(position);
                }
            }

            result.Sort();
            return result;
        }

        private void Build()
        {
            if (_byDeletion is not null)
            {
                return;
            }

            var byDeletion = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var longNames = new List<int>();
            var deletions = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < _names.Count; i++)
            {
                if (_names[i].Length > LongestIndexedName)
                {
                    longNames.Add(i);
                    continue;
                }

                deletions.Clear();
                AddDeletions(_names[i], deletions);
                foreach (string deletion in deletions)
                {
                    if (!byDeletion.TryGetValue(deletion, out var positions))
                    {
                        byDeletion[deletion] = positions = new List<int>(1);
                    }

                    positions.Add(i);
                }
            }

            _long = longNames;
            _byDeletion = byDeletion;
        }

        private static void AddDeletions(string name, HashSet<string> into)
        {
            into.Add(name);
            for (int i = 0; i < name.Length; i++)
            {
                string once = name.Remove(i, 1);
                if (!into.Add(once))
                {
                    continue;
                }

                for (int j = 0; j < once.Length; j++)
                {
                    into.Add(once.Remove(j, 1));
                }
            }
        }
    }
}
