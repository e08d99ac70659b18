using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// What a YAML file says to the rules: the containers of its pod templates, or why it cannot be read (a parse
    /// error, or a template that is not YAML yet), each said once.
    /// </summary>
    internal sealed class YamlManifest
    {
        internal YamlManifest(ImmutableArray<YamlContainer> containers, string? parseError, string? template, Location? problemAt, YamlObjects? objects = null)
        {
            Objects = objects ?? YamlObjects.Empty;
            Containers = containers;
            ParseError = parseError;
            Template = template;
            ProblemAt = problemAt;
        }

        internal ImmutableArray<YamlContainer> Containers { get; }

        /// <summary>
        /// The Secrets, ConfigMaps and service accounts the file defines and references, for the compilation-end rules; for
        /// a file that cannot be read, what it may hold (<see cref="YamlObjects.Unreadable"/>).
        /// </summary>
        internal YamlObjects Objects { get; }

        /// <summary>The parser's message when the file is not valid YAML (KMA301).</summary>
        internal string? ParseError { get; }

        /// <summary>Where the parser stopped, or the first template expression.</summary>
        internal Location? ProblemAt { get; }

        /// <summary>The first template expression (<c>{{ .Values.image }}</c>, Helm) of a file that was not read (KMA302).</summary>
        internal string? Template { get; }
    }
}
