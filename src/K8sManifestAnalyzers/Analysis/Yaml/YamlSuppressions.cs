using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The comment form that suppresses a finding on one line of a YAML file, where <c>#pragma</c> and
    /// <c>[SuppressMessage]</c> do not reach: <c># kma-disable-line KMA005</c> at the end of the line (or alone on it), or
    /// <c># kma-disable-next-line KMA005, KMA003</c> on the line before. Without ids, every KMA id of that line is
    /// suppressed. The words are compared ignoring case; ids are separated by commas or spaces. A finding that is not in a
    /// file of the given text, or that starts on another line, passes through.
    /// </summary>
    internal sealed class YamlSuppressions
    {
        private const string DisableLine = "kma-disable-line";
        private const string DisableNextLine = "kma-disable-next-line";

        // Line number to the ids suppressed there (null: all).
        private readonly Dictionary<int, HashSet<string>?> _lines = new();

        private static readonly ConditionalWeakTable<SourceText, YamlSuppressions> Cache = new();

        private YamlSuppressions(SourceText text)
        {
            foreach (var line in text.Lines)
            {
                string content = text.ToString(line.Span);
                int hash = content.IndexOf('#');
                if (hash < 0 || content.IndexOf("kma-disable", hash, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                // The comment is the text after a '#' that starts the line or follows white space (a '#' inside a
                // scalar such as `image: a#b` is no comment).
                for (int at = hash; at >= 0; at = content.IndexOf('#', at + 1))
                {
                    if (at > 0 && !char.IsWhiteSpace(content[at - 1]))
                    {
                        continue;
                    }

                    string comment = content.Substring(at + 1).Trim();
                    if (Directive(comment, DisableNextLine) is { } next)
                    {
                        Add(line.LineNumber + 1, next);
                    }
                    else if (Directive(comment, DisableLine) is { } same)
                    {
                        Add(line.LineNumber, same);
                    }

                    break;
                }
            }
        }

        /// <summary>The suppressions of a file's text, read once per text.</summary>
        internal static YamlSuppressions For(SourceText text) => Cache.GetValue(text, static t => new YamlSuppressions(t));

        /// <summary>True when no comment of the text suppresses anything (the usual case: nothing to check).</summary>
        internal bool IsEmpty => _lines.Count == 0;

        /// <summary>True when a comment suppresses <paramref name="diagnostic"/> on the line it starts on.</summary>
        internal bool Suppresses(Diagnostic diagnostic)
        {
            if (_lines.Count == 0 || diagnostic.Location.Kind != LocationKind.ExternalFile)
            {
                return false;
            }

            int line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            return _lines.TryGetValue(line, out var ids) && (ids is null || ids.Contains(diagnostic.Id));
        }

        /// <summary><paramref name="report"/>, without the findings a comment of <paramref name="text"/> suppresses.</summary>
        internal static Action<Diagnostic> Filter(Action<Diagnostic> report, SourceText text)
        {
            var suppressions = For(text);
            return suppressions.IsEmpty ? report : diagnostic =>
            {
                if (!suppressions.Suppresses(diagnostic))
                {
                    report(diagnostic);
                }
            };
        }

        // The ids after the directive word (an empty set: none named, so all); null when the comment is not the directive.
        private static HashSet<string>? Directive(string comment, string word)
        {
            if (!comment.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                || (comment.Length > word.Length && !char.IsWhiteSpace(comment[word.Length]) && comment[word.Length] != ':'))
            {
                return null;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (string part in comment.Substring(word.Length).Split(new[] { ' ', ',', ':', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("KMA", StringComparison.OrdinalIgnoreCase))
                {
                    ids.Add(part.ToUpperInvariant());
                }
                else
                {
                    // The rest of the comment is free text (a reason).
                    break;
                }
            }

            return ids;
        }

        private void Add(int line, HashSet<string> ids)
        {
            if (_lines.TryGetValue(line, out var existing))
            {
                if (existing is not null)
                {
                    if (ids.Count == 0)
                    {
                        _lines[line] = null;
                    }
                    else
                    {
                        existing.UnionWith(ids);
                    }
                }

                return;
            }

            _lines[line] = ids.Count == 0 ? null : ids;
        }
    }
}
