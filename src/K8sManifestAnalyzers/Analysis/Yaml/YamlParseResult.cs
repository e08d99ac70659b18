using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The documents of a YAML stream (null for an empty document), or, when the parser rejects the text, the parser's
    /// message and where it stopped.
    /// </summary>
    internal sealed class YamlParseResult
    {
        private YamlParseResult(ImmutableArray<YamlNode?> documents, string? error, int errorAt)
        {
            Documents = documents;
            Error = error;
            ErrorAt = errorAt;
        }

        internal ImmutableArray<YamlNode?> Documents { get; }

        /// <summary>The parser's message, without its position; null when the text parsed.</summary>
        internal string? Error { get; }

        /// <summary>Where the parser stopped, as a character offset.</summary>
        internal int ErrorAt { get; }

        internal static YamlParseResult Parsed(ImmutableArray<YamlNode?> documents) => new YamlParseResult(documents, null, 0);

        internal static YamlParseResult Failed(string error, int at) => new YamlParseResult(ImmutableArray<YamlNode?>.Empty, error, at);
    }
}
