using System.Collections.Generic;
using System.Text;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// A small, strict JSON reader for the documents the rules look into (docker configs). Objects become
    /// dictionaries (the last duplicate member wins), arrays lists, strings strings; numbers, booleans and null become
    /// <see cref="Scalar"/>. Anything that is not JSON, or nests deeper than a config ever does, reads as nothing.
    /// </summary>
    internal static class JsonLite
    {
        /// <summary>Stands for a number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
        internal static readonly object Scalar = new();

        private const int MaxDepth = 32;

        /// <summary>The top-level object of <paramref name="text"/>, or <see langword="null"/> when it is not a JSON object.</summary>
        internal static Dictionary<string, object>? ParseObject(string text)
        {
            int at = 0;
            var value = ReadValue(text, ref at, 0);
            SkipWhiteSpace(text, ref at);
            return at == text.Length ? value as Dictionary<string, object> : null;
        }

        private static object? ReadValue(string text, ref int at, int depth)
        {
            SkipWhiteSpace(text, ref at);
            if (at >= text.Length || depth > MaxDepth)
            {
                return null;
            }

            switch (text[at])
            {
                case '{':
                    return ReadObject(text, ref at, depth);
                case '[':
                    return ReadArray(text, ref at, depth);
                case '"':
                    return ReadString(text, ref at);
                default:
                    return ReadScalar(text, ref at);
            }
        }

        private static Dictionary<string, object>? ReadObject(string text, ref int at, int depth)
        {
            var members = new Dictionary<string, object>();
            at++;
            SkipWhiteSpace(text, ref at);
            if (at < text.Length && text[at] == '}')
            {
                at++;
                return members;
            }

            while (true)
            {
                SkipWhiteSpace(text, ref at);
                if (at >= text.Length || text[at] != '"' || ReadString(text, ref at) is not { } name)
                {
                    return null;
                }

                SkipWhiteSpace(text, ref at);
                if (at >= text.Length || text[at] != ':')
                {
                    return null;
                }

                at++;
                if (ReadValue(text, ref at, depth + 1) is not { } value)
                {
                    return null;
                }

                members[name] = value;
                SkipWhiteSpace(text, ref at);
                if (at < text.Length && text[at] == ',')
                {
                    at++;
                    continue;
                }

                if (at < text.Length && text[at] == '}')
                {
                    at++;
                    return members;
                }

                return null;
            }
        }

        private static List<object>? ReadArray(string text, ref int at, int depth)
        {
            var items = new List<object>();
            at++;
            SkipWhiteSpace(text, ref at);
            if (at < text.Length && text[at] == ']')
            {
                at++;
                return items;
            }

            while (true)
            {
                if (ReadValue(text, ref at, depth + 1) is not { } value)
                {
                    return null;
                }

                items.Add(value);
                SkipWhiteSpace(text, ref at);
                if (at < text.Length && text[at] == ',')
                {
                    at++;
                    continue;
                }

                if (at < text.Length && text[at] == ']')
                {
                    at++;
                    return items;
                }

                return null;
            }
        }

        private static string? ReadString(string text, ref int at)
        {
            var builder = new StringBuilder();
            at++;
            while (at < text.Length)
            {
                char c = text[at++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    return null;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (at >= text.Length)
                {
                    return null;
                }

                char escape = text[at++];
                switch (escape)
                {
                    case '"' or '\\' or '/':
                        builder.Append(escape);
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u' when at + 4 <= text.Length && TryParseHex(text, at, out char unit):
                        builder.Append(unit);
                        at += 4;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static object? ReadScalar(string text, ref int at)
        {
            int start = at;
            while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] is '-' or '+' or '.'))
            {
                at++;
            }

            string word = text.Substring(start, at - start);
            if (word is "true" or "false" or "null")
            {
                return Scalar;
            }

            return word.Length > 0 && (word[0] == '-' || char.IsDigit(word[0])) && double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? Scalar
                : null;
        }

        private static bool TryParseHex(string text, int at, out char unit)
        {
            int value = 0;
            for (int i = at; i < at + 4; i++)
            {
                char c = text[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0)
                {
                    unit = default;
                    return false;
                }

                value = (value * 16) + digit;
            }

            unit = (char)value;
            return true;
        }

        private static void SkipWhiteSpace(string text, ref int at)
        {
            while (at < text.Length && text[at] is ' ' or '\t' or '\n' or '\r')
            {
                at++;
            }
        }
    }
}
