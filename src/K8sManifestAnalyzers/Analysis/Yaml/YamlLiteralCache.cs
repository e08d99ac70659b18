using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The manifest read from each YAML string argument, kept while its syntax node is: <c>YamlLiteralAnalyzer</c> (the
    /// per-text rules) and <c>PullSecretAnalyzer</c> (the compilation-end world) read a string once between them, and a
    /// compilation that keeps the tree (an edit to another file) does not read it again. The text is kept beside the
    /// manifest: a constant declared in another file may change the value of an unchanged argument.
    /// </summary>
    internal static class YamlLiteralCache
    {
        private static readonly ConditionalWeakTable<ExpressionSyntax, Holder> Manifests = new();

        /// <summary>The manifest of <paramref name="text"/>, the value of <paramref name="argument"/>; null for a blank text.</summary>
        internal static YamlManifest? Get(ExpressionSyntax argument, string text, SemanticModel model, CancellationToken cancellationToken)
        {
            var holder = Manifests.GetValue(argument, static _ => new Holder());
            if (holder.Current is { } known && string.Equals(known.Text, text, StringComparison.Ordinal))
            {
                return known.Manifest;
            }

            // Two threads may read the same string at once; the last result is kept, and both are the same.
            var manifest = YamlLiteralReader.Read(argument, text, model, cancellationToken);
            holder.Current = new Entry(text, manifest);
            return manifest;
        }

        private sealed class Holder
        {
            private volatile Entry? _current;

            internal Entry? Current
            {
                get => _current;
                set => _current = value;
            }
        }

        private sealed class Entry
        {
            internal Entry(string text, YamlManifest? manifest)
            {
                Text = text;
                Manifest = manifest;
            }

            internal string Text { get; }

            internal YamlManifest? Manifest { get; }
        }
    }
}
