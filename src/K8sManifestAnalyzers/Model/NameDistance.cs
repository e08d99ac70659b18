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
        public static int Levenshtein(string a, string b) => Levenshtein(a, b, int.MaxValue);

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

        [ThreadStatic]
        private static int[]? s_previous;

        [ThreadStatic]
        private static int[]? s_current;

        /// <summary>The Levenshtein distance when it is at most <paramref name="max"/>, otherwise <paramref name="max"/> + 1.</summary>
        internal static int Levenshtein(string a, string b, int max)
        {
            if (Math.Abs(a.Length - b.Length) > max)
            {
                return max + 1;
            }

            // Two rows, reused by the thread; cells further than `max` from the diagonal can only exceed the bound and
            // hold `max + 1`.
            int width = b.Length + 1;
            var previous = s_previous is { } p && p.Length >= width ? p : s_previous = new int[Math.Max(width, 64)];
            var current = s_current is { } c && c.Length >= width ? c : s_current = new int[Math.Max(width, 64)];
            int over = max == int.MaxValue ? max : max + 1;
            for (int j = 0; j < width; j++)
            {
                previous[j] = Math.Min(j, over);
            }

            for (int i = 1; i <= a.Length; i++)
            {
                int from = Math.Max(1, i - max);
                int to = (int)Math.Min(b.Length, (long)i + max);
                current[0] = Math.Min(i, over);
                if (from > 1)
                {
                    current[from - 1] = over;
                }

                int rowMinimum = from == 1 ? current[0] : over;
                for (int j = from; j <= to; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    int value = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                    current[j] = Math.Min(value, over);
                    rowMinimum = Math.Min(rowMinimum, current[j]);
                }

                if (to < b.Length)
                {
                    current[to + 1] = over;
                }

                // Every later row is at least this row's minimum: the names are already too far apart.
                if (rowMinimum > max)
                {
                    return over;
                }

                (previous, current) = (current, previous);
            }

            return Math.Min(previous[b.Length], over);
        }
    }

    /// <summary>
    /// Names to suggest from, indexed so that finding those within two edits of a name does not compare it with every
    /// one: names at most two edits apart share a string obtained by deleting at most two characters from each (a
    /// substitution is a deletion on both sides), so a query looks up its own deletions. The deletions are kept as
    /// hashes, not strings (a collision only adds a candidate, which the caller's distance check then drops). Lists
    /// of a few names, and long names, are scanned instead. Built on the first query.
    /// </summary>
    internal sealed class SuggestionIndex
    {
        private const int ScanBelow = 16;
        private const int LongestIndexedName = 48;

        private readonly IReadOnlyList<string> _names;
        private Dictionary<ulong, List<int>>? _byDeletion;
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

            var byDeletion = Build();
            var seen = new HashSet<int>();
            ForEachDeletion(query, hash =>
            {
                if (byDeletion.TryGetValue(hash, out var positions))
                {
                    foreach (int position in positions)
                    {
                        if (seen.Add(position))
                        {
                            result.Add(position);
                        }
                    }
                }
            });

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

        /// <summary>
        /// The position of the closest name within two edits of <paramref name="query"/> (see
        /// <see cref="NameDistance.CloseDistance"/>) that <paramref name="eligible"/> accepts, the ordinally first
        /// among equally close names; -1 when there is none.
        /// </summary>
        public int Closest(string query, Func<int, bool> eligible)
        {
            int best = -1;
            int bestDistance = int.MaxValue;
            foreach (int position in Candidates(query))
            {
                if (NameDistance.CloseDistance(query, _names[position]) is > 0 and var distance
                    && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(_names[position], _names[best]) < 0))
                    && eligible(position))
                {
                    best = position;
                    bestDistance = distance;
                }
            }

            return best;
        }

        private Dictionary<ulong, List<int>> Build()
        {
            if (_byDeletion is { } built)
            {
                return built;
            }

            var byDeletion = new Dictionary<ulong, List<int>>();
            var longNames = new List<int>();
            for (int i = 0; i < _names.Count; i++)
            {
                if (_names[i].Length > LongestIndexedName)
                {
                    longNames.Add(i);
                    continue;
                }

                int position = i;
                ForEachDeletion(_names[i], hash =>
                {
                    if (!byDeletion.TryGetValue(hash, out var positions))
                    {
                        byDeletion[hash] = positions = new List<int>(1);
                    }

                    // A name yields the same deletion more than once ("aab" without either 'a'); keep one entry.
                    if (positions.Count == 0 || positions[positions.Count - 1] != position)
                    {
                        positions.Add(position);
                    }
                });
            }

            _long = longNames;
            return _byDeletion = byDeletion;
        }

        // The hash of the name, and of the name with every one and every two of its characters deleted.
        private static void ForEachDeletion(string name, Action<ulong> visit)
        {
            visit(Hash(name, -1, -1));
            for (int i = 0; i < name.Length; i++)
            {
                visit(Hash(name, i, -1));
                for (int j = i + 1; j < name.Length; j++)
                {
                    visit(Hash(name, i, j));
                }
            }
        }

        // FNV-1a over the characters left, with the length left folded in.
        private static ulong Hash(string name, int skip, int skipAlso)
        {
            ulong hash = 14695981039346656037UL;
            for (int k = 0; k < name.Length; k++)
            {
                if (k != skip && k != skipAlso)
                {
                    hash = (hash ^ name[k]) * 1099511628211UL;
                }
            }

            int left = name.Length - (skip >= 0 ? 1 : 0) - (skipAlso >= 0 ? 1 : 0);
            return (hash ^ (ulong)left) * 1099511628211UL;
        }
    }
}
