using System.Collections.Generic;

namespace K8sManifestAnalyzers.Analysis.Syntax
{
    /// <summary>What a name found by <see cref="ManifestLexicon"/> in a tree's text means.</summary>
    internal enum NameKind
    {
        /// <summary>Not a name of the lexicon.</summary>
        None,

        /// <summary>A name a model object is reached through.</summary>
        Model,

        /// <summary>A docker config's text (<c>auths</c>) or a constant that holds it.</summary>
        Credential,
    }

    /// <summary>
    /// A fixed set of names looked up by a run of characters in a buffer and its hash, without making a string of the run:
    /// the text scan of <see cref="ManifestLexicon"/> looks up every word of every tree.
    /// </summary>
    internal sealed class NameTable
    {
        /// <summary>The FNV-1a offset basis: <see cref="Step"/> from here over the characters gives a name's hash.</summary>
        internal const uint Seed = 2166136261;

        private readonly int[] _buckets;
        private readonly string[] _names;
        private readonly uint[] _hashes;
        private readonly NameKind[] _kinds;
        private readonly int[] _next;

        /// <summary>The names of <paramref name="models"/> and <paramref name="credentials"/>; a name in both is a model's.</summary>
        internal NameTable(IEnumerable<string> models, IEnumerable<string> credentials)
        {
            var names = new List<string>();
            var kinds = new List<NameKind>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var name in models)
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                    kinds.Add(NameKind.Model);
                }
            }

            foreach (var name in credentials)
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                    kinds.Add(NameKind.Credential);
                }
            }

            int size = 16;
            while (size < names.Count * 2)
            {
                size *= 2;
            }

            _buckets = new int[size];
            _names = names.ToArray();
            _kinds = kinds.ToArray();
            _hashes = new uint[_names.Length];
            _next = new int[_names.Length];
            for (int i = 0; i < _names.Length; i++)
            {
                uint hash = Seed;
                foreach (char c in _names[i])
                {
                    hash = Step(hash, c);
                }

                _hashes[i] = hash;
                int bucket = (int)(hash & (uint)(size - 1));
                _next[i] = _buckets[bucket] - 1;
                _buckets[bucket] = i + 1;
            }
        }

        /// <summary>One character into a hash (FNV-1a).</summary>
        internal static uint Step(uint hash, char c) => unchecked((hash ^ c) * 16777619);

        /// <summary>What the run <paramref name="chars"/>[<paramref name="start"/>..+<paramref name="length"/>], whose hash is <paramref name="hash"/>, is.</summary>
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization: see ManifestLexicon.Scan
        internal NameKind Find(char[] chars, int start, int length, uint hash)
        {
            for (int i = _buckets[(int)(hash & (uint)(_buckets.Length - 1))] - 1; i >= 0; i = _next[i])
            {
                if (_hashes[i] == hash && Equals(_names[i], chars, start, length))
                {
                    return _kinds[i];
                }
            }

            return NameKind.None;
        }

        private static bool Equals(string name, char[] chars, int start, int length)
        {
            if (name.Length != length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (name[i] != chars[start + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
