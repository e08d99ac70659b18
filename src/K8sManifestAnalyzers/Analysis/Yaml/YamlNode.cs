using System;
using System.Collections.Generic;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>What kind of node a <see cref="YamlNode"/> is.</summary>
    internal enum YamlNodeKind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>
    /// One node of a YAML document as <see cref="YamlTextReader"/> builds it from YamlDotNet's parsing events: a scalar
    /// with its text, a sequence, or a mapping with its entries in order, each with its span in the file. It holds no
    /// YamlDotNet type, so the manifest reader and the rules never load the parser.
    /// </summary>
    internal sealed class YamlNode
    {
        private YamlNode(YamlNodeKind kind, string? text, bool isNull, int start)
        {
            Kind = kind;
            Text = text;
            IsNull = isNull;
            Start = start;
            End = start;
        }

        internal YamlNodeKind Kind { get; }

        /// <summary>A scalar's value (after unquoting and folding); null for other nodes.</summary>
        internal string? Text { get; }

        /// <summary>A plain scalar that YAML reads as null: empty, <c>~</c>, <c>null</c>.</summary>
        internal bool IsNull { get; }

        /// <summary>Where the node starts in the file, as a character offset.</summary>
        internal int Start { get; }

        /// <summary>Where the node ends in the file, as a character offset.</summary>
        internal int End { get; set; }

        internal List<YamlNode> Items { get; } = new List<YamlNode>();

        internal List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new List<KeyValuePair<YamlNode, YamlNode>>();

        internal static YamlNode Scalar(string text, bool plain, int start, int end)
        {
            bool isNull = plain && (text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL");
            return new YamlNode(YamlNodeKind.Scalar, text, isNull, start) { End = end };
        }

        internal static YamlNode Sequence(int start) => new YamlNode(YamlNodeKind.Sequence, null, isNull: false, start);

        internal static YamlNode Mapping(int start) => new YamlNode(YamlNodeKind.Mapping, null, isNull: false, start);

        /// <summary>The scalar text of a string value, or null for a null, a sequence or a mapping.</summary>
        internal string? StringValue => Kind == YamlNodeKind.Scalar && !IsNull ? Text : null;

        /// <summary>The entry of a mapping whose key is the scalar <paramref name="key"/> (the first one), or null.</summary>
        internal KeyValuePair<YamlNode, YamlNode>? Entry(string key)
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Kind == YamlNodeKind.Scalar && string.Equals(entry.Key.Text, key, StringComparison.Ordinal))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>The value of <paramref name="key"/> in a mapping, or null when the node is no mapping or has no such key.</summary>
        internal YamlNode? this[string key] => Entry(key)?.Value;
    }
}
