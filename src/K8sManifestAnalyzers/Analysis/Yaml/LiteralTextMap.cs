using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// Where each character of a constant string's value is written in the source: the map from a position in the text
    /// the compiler computed (a literal's escapes decoded, a raw literal's indentation removed, the pieces of a
    /// concatenation or of an interpolation of constants joined) back to the span of the source that wrote it.
    /// <para>
    /// Regular (<c>\n</c>, <c>\"</c>, <c>\u00e9</c>, <c>\x41</c>, <c>\U0001F600</c>), verbatim (<c>""</c>) and raw
    /// literals (single-line, and multi-line with their indentation and first and last line breaks removed) are read;
    /// interpolated strings of each kind too (<c>{{</c> in a regular or verbatim one). A piece the map cannot place (a
    /// constant declared in another file, <c>nameof</c>, a hole the caller does not follow) is kept with its length and
    /// no position. The map is checked against the compiler's value: when what it rebuilt differs in any character, it
    /// places nothing, so a span it gives is exact or there is none.
    /// </para>
    /// </summary>
    internal sealed class LiteralTextMap
    {
        // Where the value's character i is written: [_starts[i], _ends[i]) in the tree, or -1 when it is not placed; and
        // the piece (literal token) it comes from: a span never crosses two pieces.
        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly int[] _pieces;

        private LiteralTextMap(string text, int[] starts, int[] ends, int[] pieces)
        {
            Text = text;
            _starts = starts;
            _ends = ends;
            _pieces = pieces;
        }

        /// <summary>The constant's value, as the compiler computed it.</summary>
        internal string Text { get; }

        /// <summary>
        /// The source span that writes <paramref name="span"/> of <see cref="Text"/>, when every character of it is
        /// placed, in one literal, in order; null otherwise. An empty span maps to an empty span where its character
        /// starts (or where the last character ends, at the end of the text).
        /// </summary>
        internal TextSpan? Map(TextSpan span)
        {
            if (span.Start < 0 || span.End > Text.Length)
            {
                return null;
            }

            if (span.IsEmpty)
            {
                if (span.Start < Text.Length && _starts[span.Start] >= 0)
                {
                    return new TextSpan(_starts[span.Start], 0);
                }

                return span.Start == Text.Length && span.Start > 0 && _starts[span.Start - 1] >= 0 ? new TextSpan(_ends[span.Start - 1], 0) : null;
            }

            int piece = _pieces[span.Start];
            int previousStart = -1;
            int previousEnd = -1;
            for (int i = span.Start; i < span.End; i++)
            {
                // In order; the two halves of a surrogate pair share their escape's span.
                if (_starts[i] < 0 || _pieces[i] != piece || (_starts[i] < previousEnd && _starts[i] != previousStart))
                {
                    return null;
                }

                previousStart = _starts[i];
                previousEnd = _ends[i];
            }

            return TextSpan.FromBounds(_starts[span.Start], _ends[span.End - 1]);
        }

        /// <summary>
        /// Maps the constant string <paramref name="value"/> of <paramref name="expression"/>. <paramref name="constantOf"/>
        /// gives the constant string value of a sub-expression (a hole, an operand), <paramref name="declarationOf"/> the
        /// initializer of the constant an expression names when it is in the same tree (its characters are then placed
        /// there), or null. Never null: a map that places nothing when the source cannot be followed.
        /// </summary>
        internal static LiteralTextMap Build(
            ExpressionSyntax expression,
            string value,
            Func<ExpressionSyntax, string?> constantOf,
            Func<ExpressionSyntax, ExpressionSyntax?> declarationOf)
        {
            var builder = new Builder(expression.SyntaxTree, constantOf, declarationOf);
            bool built = builder.Append(expression, value, depth: 0);
            int length = value.Length;
            var starts = new int[length];
            var ends = new int[length];
            var pieces = new int[length];
            if (built && builder.Matches(value))
            {
                for (int i = 0; i < length; i++)
                {
                    starts[i] = builder.Chars[i].Start;
                    ends[i] = builder.Chars[i].End;
                    pieces[i] = builder.Chars[i].Piece;
                }
            }
            else
            {
                for (int i = 0; i < length; i++)
                {
                    starts[i] = -1;
                    ends[i] = -1;
                    pieces[i] = -1;
                }
            }

            return new LiteralTextMap(value, starts, ends, pieces);
        }

        private readonly struct Placed
        {
            internal Placed(char value, int start, int end, int piece)
            {
                Value = value;
                Start = start;
                End = end;
                Piece = piece;
            }

            internal char Value { get; }

            internal int Start { get; }

            internal int End { get; }

            internal int Piece { get; }
        }

        // One item of a raw literal's content before its lines are trimmed: a source character, or an interpolation.
        private readonly struct RawItem
        {
            internal RawItem(char value, int at)
            {
                Value = value;
                At = at;
                Hole = null;
            }

            internal RawItem(InterpolationSyntax hole)
            {
                Value = '\0';
                At = -1;
                Hole = hole;
            }

            internal char Value { get; }

            internal int At { get; }

            internal InterpolationSyntax? Hole { get; }
        }

        private sealed class Builder
        {
            // Constants that name constants: deep enough for any real code, and a guard against a cycle in broken code.
            private const int MaxDepth = 16;

            private readonly SyntaxTree _tree;
            private readonly Func<ExpressionSyntax, string?> _constantOf;
            private readonly Func<ExpressionSyntax, ExpressionSyntax?> _declarationOf;
            private SourceText? _source;
            private int _piece;

            internal Builder(SyntaxTree tree, Func<ExpressionSyntax, string?> constantOf, Func<ExpressionSyntax, ExpressionSyntax?> declarationOf)
            {
                _tree = tree;
                _constantOf = constantOf;
                _declarationOf = declarationOf;
            }

            internal List<Placed> Chars { get; } = new List<Placed>();

            private SourceText Source => _source ??= _tree.GetText();

            internal bool Matches(string value)
            {
                if (Chars.Count != value.Length)
                {
                    return false;
                }

                for (int i = 0; i < value.Length; i++)
                {
                    if (Chars[i].Value != value[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            // Appends what `expression` writes; `value` is its constant value when the caller knows it (else asked).
            internal bool Append(ExpressionSyntax expression, string? value, int depth)
            {
                if (depth > MaxDepth)
                {
                    return false;
                }

                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Append(parenthesized.Expression, value, depth + 1);
                    case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal:
                        return AppendLiteral(literal.Token);
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add:
                        return Append(add.Left, null, depth + 1) && Append(add.Right, null, depth + 1);
                    case InterpolatedStringExpressionSyntax interpolated:
                        return AppendInterpolated(interpolated, depth);
                }

                value ??= _constantOf(expression);
                if (value is null)
                {
                    return false;
                }

                // A constant named here: placed in its declaration when that is in this tree, else kept unplaced.
                if (_declarationOf(expression) is { } initializer && initializer.SyntaxTree == _tree && !initializer.Span.Contains(expression.Span))
                {
                    int mark = Chars.Count;
                    if (Append(initializer, value, depth + 1))
                    {
                        return true;
                    }

                    Chars.RemoveRange(mark, Chars.Count - mark);
                }

                AppendUnplaced(value);
                return true;
            }

            private void AppendUnplaced(string value)
            {
                foreach (char c in value)
                {
                    Chars.Add(new Placed(c, -1, -1, -1));
                }
            }

            private void Add(char c, int start, int end) => Chars.Add(new Placed(c, start, end, _piece));

            private bool AppendLiteral(SyntaxToken token)
            {
                _piece++;
                string text = token.Text;
                int at = token.SpanStart;
                switch (token.Kind())
                {
                    case SyntaxKind.StringLiteralToken when text.Length >= 3 && text[0] == '@' && text[1] == '"' && text[text.Length - 1] == '"':
                        return AppendEscaped(at + 2, at + text.Length - 1, verbatim: true, interpolated: false);
                    case SyntaxKind.StringLiteralToken when text.Length >= 2 && text[0] == '"' && text[text.Length - 1] == '"':
                        return AppendEscaped(at + 1, at + text.Length - 1, verbatim: false, interpolated: false);
                    case SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken:
                        int quotes = LeadingQuotes(text, 0);
                        if (quotes < 3 || text.Length < 2 * quotes || TrailingQuotes(text) < quotes)
                        {
                            return false;
                        }

                        var items = new List<RawItem>();
                        for (int i = at + quotes; i < at + text.Length - quotes; i++)
                        {
                            items.Add(new RawItem(Source[i], i));
                        }

                        return AppendRaw(items, token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken), depth: 0);
                    default:
                        return false;
                }
            }

            private bool AppendInterpolated(InterpolatedStringExpressionSyntax interpolated, int depth)
            {
                _piece++;
                var start = interpolated.StringStartToken;
                var end = interpolated.StringEndToken;
                if (start.IsMissing || end.IsMissing)
                {
                    return false;
                }

                // The start token of a multi-line raw string may hold the line break after its quotes: the content is
                // read from the source after the last quote, so that either way the first line break is seen.
                int contentStart = start.SpanStart + start.Text.LastIndexOf('"') + 1;
                int contentEnd = end.Span.End - TrailingQuotes(end.Text);
                if (contentEnd < contentStart)
                {
                    return false;
                }

                switch (start.Kind())
                {
                    case SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken:
                        var items = new List<RawItem>();
                        int next = contentStart;
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolationSyntax hole)
                            {
                                for (; next < hole.SpanStart; next++)
                                {
                                    items.Add(new RawItem(Source[next], next));
                                }

                                items.Add(new RawItem(hole));
                                next = hole.Span.End;
                            }
                        }

                        for (; next < contentEnd; next++)
                        {
                            items.Add(new RawItem(Source[next], next));
                        }

                        return AppendRaw(items, start.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken), depth);
                    case SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken:
                        bool verbatim = start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
                        int from = contentStart;
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolationSyntax hole)
                            {
                                if (!AppendEscaped(from, hole.SpanStart, verbatim, interpolated: true) || !AppendHole(hole, depth))
                                {
                                    return false;
                                }

                                from = hole.Span.End;
                            }
                        }

                        return AppendEscaped(from, contentEnd, verbatim, interpolated: true);
                    default:
                        return false;
                }
            }

            private bool AppendHole(InterpolationSyntax hole, int depth)
            {
                // A constant interpolation has neither alignment nor format; anything else is not followed.
                if (hole.AlignmentClause is not null || hole.FormatClause is not null)
                {
                    return false;
                }

                int piece = _piece;
                bool appended = Append(hole.Expression, null, depth + 1);
                _piece = Math.Max(_piece, piece) + 1;
                return appended;
            }

            // A regular or verbatim literal's content between its quotes, [from, to) in the source.
            private bool AppendEscaped(int from, int to, bool verbatim, bool interpolated)
            {
                var source = Source;
                int i = from;
                while (i < to)
                {
                    char c = source[i];
                    if (interpolated && (c == '{' || c == '}') && i + 1 < to && source[i + 1] == c)
                    {
                        Add(c, i, i + 2);
                        i += 2;
                    }
                    else if (verbatim && c == '"')
                    {
                        if (i + 1 >= to || source[i + 1] != '"')
                        {
                            return false;
                        }

                        Add('"', i, i + 2);
                        i += 2;
                    }
                    else if (!verbatim && c == '\\')
                    {
                        int length = Escape(source, i, to, out string decoded);
                        if (length == 0)
                        {
                            return false;
                        }

                        foreach (char d in decoded)
                        {
                            Add(d, i, i + length);
                        }

                        i += length;
                    }
                    else
                    {
                        Add(c, i, i + 1);
                        i++;
                    }
                }

                return true;
            }

            // The escape sequence at `at` (a backslash): its length in the source and the characters it stands for.
            private static int Escape(SourceText source, int at, int to, out string decoded)
            {
                decoded = string.Empty;
                if (at + 1 >= to)
                {
                    return 0;
                }

                char kind = source[at + 1];
                switch (kind)
                {
                    case '\'': decoded = "'"; return 2;
                    case '"': decoded = "\""; return 2;
                    case '\\': decoded = "\\"; return 2;
                    case '0': decoded = "\0"; return 2;
                    case 'a': decoded = "\a"; return 2;
                    case 'b': decoded = "\b"; return 2;
                    case 'e': decoded = "\u001b"; return 2;
                    case 'f': decoded = "\f"; return 2;
                    case 'n': decoded = "\n"; return 2;
                    case 'r': decoded = "\r"; return 2;
                    case 't': decoded = "\t"; return 2;
                    case 'v': decoded = "\v"; return 2;
                    case 'u':
                        return Hex(source, at + 2, to, 4, 4, out int u) == 4 ? Decoded(((char)u).ToString(), 6, out decoded) : 0;
                    case 'U':
                        if (Hex(source, at + 2, to, 8, 8, out int code) != 8 || code > 0x10FFFF)
                        {
                            return 0;
                        }

                        return Decoded(code < 0x10000 ? ((char)code).ToString() : char.ConvertFromUtf32(code), 10, out decoded);
                    case 'x':
                        int digits = Hex(source, at + 2, to, 1, 4, out int x);
                        return digits == 0 ? 0 : Decoded(((char)x).ToString(), 2 + digits, out decoded);
                    default:
                        return 0;
                }
            }

            private static int Decoded(string text, int length, out string decoded)
            {
                decoded = text;
                return length;
            }

            // Up to `max` hex digits from `at` (at least `min`); the number of digits read, or 0.
            private static int Hex(SourceText source, int at, int to, int min, int max, out int value)
            {
                value = 0;
                int count = 0;
                while (count < max && at + count < to && HexValue(source[at + count]) is int digit and >= 0)
                {
                    value = (value * 16) + digit;
                    count++;
                }

                return count >= min ? count : 0;
            }

            private static int HexValue(char c) => c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => -1,
            };

            // A raw literal's content between its delimiters. A multi-line one drops its first line break, its last line
            // (the closing delimiter's indentation) with the break before it, and that indentation at the start of every
            // line; a line of whitespace only shorter than that indentation becomes empty.
            private bool AppendRaw(List<RawItem> items, bool multiLine, int depth)
            {
                if (!multiLine)
                {
                    return AppendItems(items, 0, items.Count, depth);
                }

                int firstBreak = items.FindIndex(item => item.Hole is null && item.Value == '\n');
                int lastBreak = items.FindLastIndex(item => item.Hole is null && item.Value == '\n');
                if (firstBreak < 0 || lastBreak < firstBreak)
                {
                    return false;
                }

                for (int i = 0; i < firstBreak; i++)
                {
                    if (!IsBlank(items[i]) && !(i == firstBreak - 1 && items[i].Hole is null && items[i].Value == '\r'))
                    {
                        return false;
                    }
                }

                int indentStart = lastBreak + 1;
                for (int i = indentStart; i < items.Count; i++)
                {
                    if (items[i].Hole is not null || items[i].Value is not (' ' or '\t'))
                    {
                        return false;
                    }
                }

                int indentation = items.Count - indentStart;
                int contentEnd = lastBreak > 0 && items[lastBreak - 1].Hole is null && items[lastBreak - 1].Value == '\r' ? lastBreak - 1 : lastBreak;
                int line = firstBreak + 1;
                if (line > contentEnd)
                {
                    return true;
                }

                while (line <= contentEnd)
                {
                    int lineEnd = line;
                    while (lineEnd < contentEnd && !(items[lineEnd].Hole is null && items[lineEnd].Value is '\r' or '\n'))
                    {
                        lineEnd++;
                    }

                    // [line, lineEnd) is the line's content; its break follows (\r\n or \n), unless it is the last line.
                    int breakEnd = lineEnd;
                    if (breakEnd < contentEnd && items[breakEnd].Value == '\r')
                    {
                        breakEnd++;
                    }

                    if (breakEnd < contentEnd && items[breakEnd].Value == '\n')
                    {
                        breakEnd++;
                    }

                    bool blank = true;
                    for (int i = line; i < lineEnd && blank; i++)
                    {
                        blank = IsBlank(items[i]);
                    }

                    // A line of whitespace only may be shorter than the indentation: it is then empty.
                    if (!blank || lineEnd - line >= indentation)
                    {
                        for (int i = 0; i < indentation; i++)
                        {
                            if (line + i >= lineEnd || items[line + i].Hole is not null || items[line + i].Value != items[indentStart + i].Value)
                            {
                                return false;
                            }
                        }

                        if (!AppendItems(items, line + indentation, lineEnd, depth))
                        {
                            return false;
                        }
                    }

                    if (!AppendItems(items, lineEnd, breakEnd, depth))
                    {
                        return false;
                    }

                    if (breakEnd == lineEnd)
                    {
                        break;
                    }

                    line = breakEnd;
                }

                return true;
            }

            private static bool IsBlank(RawItem item) => item.Hole is null && item.Value is ' ' or '\t';

            private bool AppendItems(List<RawItem> items, int from, int to, int depth)
            {
                for (int i = from; i < to; i++)
                {
                    if (items[i].Hole is { } hole)
                    {
                        if (!AppendHole(hole, depth))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        Add(items[i].Value, items[i].At, items[i].At + 1);
                    }
                }

                return true;
            }

            private static int LeadingQuotes(string text, int from)
            {
                int count = 0;
                while (from + count < text.Length && text[from + count] == '"')
                {
                    count++;
                }

                return count;
            }

            private static int TrailingQuotes(string text)
            {
                int count = 0;
                while (count < text.Length && text[text.Length - 1 - count] == '"')
                {
                    count++;
                }

                return count;
            }
        }
    }
}
