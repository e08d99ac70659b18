using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The manifests read from each YAML text, kept while the text is: <c>YamlManifestAnalyzer</c> (per file) and the
    /// compilation-end rules (<c>PullSecretAnalyzer</c>) parse a file once between them, and a compilation that shares
    /// the text with the previous one (an edit to a C# file) does not parse it again.
    /// </summary>
    internal static class YamlManifestCache
    {
        private static readonly ConditionalWeakTable<SourceText, Entry> Manifests = new();

        /// <summary>The manifest of <paramref name="text"/> at <paramref name="path"/>, read once per text and path.</summary>
        internal static YamlManifest Get(string path, SourceText text, CancellationToken cancellationToken)
        {
            // Two threads may read the same text at once; one result is kept. A cancelled read keeps nothing.
            var entry = Manifests.GetValue(text, _ => new Entry(path, YamlManifestReader.Read(path, text, cancellationToken)));

            // The same text at another path (rare: two links to one file): its locations name the other path.
            return string.Equals(entry.Path, path, StringComparison.Ordinal) ? entry.Manifest : YamlManifestReader.Read(path, text, cancellationToken);
        }

        private sealed class Entry
        {
            internal Entry(string path, YamlManifest manifest)
            {
                Path = path;
                Manifest = manifest;
            }

            internal string Path { get; }

            internal YamlManifest Manifest { get; }
        }
    }
}
