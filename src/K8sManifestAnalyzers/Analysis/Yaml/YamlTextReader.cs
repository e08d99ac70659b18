using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The one place that uses YamlDotNet: its event parser turns the text into <see cref="YamlNode"/> trees. Only
    /// <see cref="YamlManifestReader"/> calls it, and only for a file that is YAML, so the parser assembly is loaded in
    /// no other case. The tree is built with an explicit stack (no recursion: a deeply nested file cannot overflow the
    /// compiler's stack); nodes deeper than <see cref="MaxDepth"/> are skipped, since no manifest field the rules read is
    /// that deep. An alias is the node its anchor names (shared, never copied), so a billion-laughs file stays small.
    /// </summary>
    internal static class YamlTextReader
    {
        internal const int MaxDepth = 64;

        /// <summary>Parses <paramref name="text"/>; <paramref name="offset"/> is added to every position (a byte-order mark left out).</summary>
        internal static YamlParseResult Parse(string text, int offset)
        {
            var documents = ImmutableArray.CreateBuilder<YamlNode?>();
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var open = new Stack<Frame>();
            int skipped = 0;
            var parser = new Parser(new StringReader(text));
            int lastAt = offset;
            try
            {
                while (parser.MoveNext())
                {
                    lastAt = At(parser.Current!.End, offset);
                    switch (parser.Current)
                    {
                        case DocumentStart:
                            anchors.Clear();
                            open.Clear();
                            documents.Add(null);
                            break;
                        case Scalar scalar when skipped == 0:
                            var node = YamlNode.Scalar(scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, At(scalar.Start, offset), At(scalar.End, offset));
                            Remember(anchors, scalar, node);
                            Attach(open, documents, node);
                            break;
                        case AnchorAlias alias when skipped == 0:
                            Attach(open, documents, anchors.TryGetValue(alias.Value.Value, out var target) ? target : YamlNode.Scalar(string.Empty, plain: true, At(alias.Start, offset), At(alias.End, offset)));
                            break;
                        case SequenceStart or MappingStart when skipped > 0 || open.Count >= MaxDepth:
                            skipped++;
                            break;
                        case SequenceEnd or MappingEnd when skipped > 0:
                            skipped--;
                            break;
                        case SequenceStart sequence:
                            var list = YamlNode.Sequence(At(sequence.Start, offset));
                            Remember(anchors, sequence, list);
                            open.Push(new Frame(list));
                            break;
                        case MappingStart mapping:
                            var map = YamlNode.Mapping(At(mapping.Start, offset));
                            Remember(anchors, mapping, map);
                            open.Push(new Frame(map));
                            break;
                        case SequenceEnd or MappingEnd when open.Count > 0:
                            var closed = open.Pop().Node;
                            closed.End = Math.Max(closed.Start, ClosingEnd(parser.Current, text, offset));
                            Attach(open, documents, closed);
                            break;
                    }
                }
            }
            catch (YamlException e)
            {
                // A scanner error's start is where the construct began (a mapping three lines up), its end where the
                // scanner stopped; a parser error's start and end are the token it could not take.
                return YamlParseResult.Failed(MessageOf(e), At(e.End.Line > e.Start.Line ? e.End : e.Start, offset));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // YamlDotNet's scanner throws other exceptions on a few malformed inputs (InvalidOperationException,
                // ArgumentException, IndexOutOfRangeException, found by Yaml/YamlFuzzTests): the text is not YAML all the
                // same, said where the last complete token ended. Whatever the parser throws is a finding, never AD0001.
                return YamlParseResult.Failed(e.Message.Trim().TrimEnd('.'), lastAt);
            }

            return YamlParseResult.Parsed(documents.ToImmutable());
        }

        private static void Remember(Dictionary<string, YamlNode> anchors, NodeEvent node, YamlNode built)
        {
            if (!node.Anchor.IsEmpty)
            {
                anchors[node.Anchor.Value] = built;
            }
        }

        private static void Attach(Stack<Frame> open, ImmutableArray<YamlNode?>.Builder documents, YamlNode node)
        {
            if (open.Count == 0)
            {
                if (documents.Count == 0)
                {
                    documents.Add(null);
                }

                documents[documents.Count - 1] = node;
                return;
            }

            var parent = open.Peek();
            if (parent.Node.Kind == YamlNodeKind.Sequence)
            {
                parent.Node.Items.Add(node);
            }
            else if (parent.Key is null)
            {
                parent.Key = node;
            }
            else
            {
                parent.Node.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(parent.Key, node));
                parent.Key = null;
            }
        }

        // A flow collection's end event stops before its `}` or `]`; the node ends after it, so `{}` is two characters.
        private static int ClosingEnd(ParsingEvent closing, string text, int offset)
        {
            long index = closing.End.Index;
            char bracket = closing is MappingEnd ? '}' : ']';
            return At(closing.End, offset) + (closing.Start.Index == index && index >= 0 && index < text.Length && text[(int)index] == bracket ? 1 : 0);
        }

        private static int At(Mark mark, int offset) => (int)Math.Min(Math.Max(0L, (long)mark.Index + offset), int.MaxValue);

        // YamlDotNet's message starts with the positions, "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): ";
        // the diagnostic's location says where, so the message keeps only what went wrong.
        private static string MessageOf(YamlException e)
        {
            string message = e.Message;
            int positions = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
            string text = positions < 0 ? message : message.Substring(positions + 3);
            return text.Trim().TrimEnd('.');
        }

        private sealed class Frame
        {
            internal Frame(YamlNode node) => Node = node;

            internal YamlNode Node { get; }

            internal YamlNode? Key { get; set; }
        }
    }
}
