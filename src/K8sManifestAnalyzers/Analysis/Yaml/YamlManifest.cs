using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// What a YAML file or string says to the rules: the containers of its pod templates, its pull-secret lists and
    /// object data, the objects and references of the one world, or why it cannot be read (a parse error, or a template
    /// that is not YAML yet), each said once.
    /// </summary>
    internal sealed class YamlManifest
    {
        internal YamlManifest(
            ImmutableArray<YamlContainer> containers,
            string? parseError,
            string? template,
            Location? problemAt,
            YamlObjects? objects = null,
            ImmutableArray<PullSecrets.PullSecretList> pullSecretLists = default,
            ImmutableArray<YamlDataEntry> dataEntries = default,
            Location? fallback = null)
        {
            PullSecretLists = pullSecretLists.IsDefault ? ImmutableArray<PullSecrets.PullSecretList>.Empty : pullSecretLists;
            DataEntries = dataEntries.IsDefault ? ImmutableArray<YamlDataEntry>.Empty : dataEntries;
            Fallback = fallback;
            Objects = objects ?? YamlObjects.Empty;
            Containers = containers;
            ParseError = parseError;
            Template = template;
            ProblemAt = problemAt;
        }

        internal ImmutableArray<YamlContainer> Containers { get; }

        /// <summary>
        /// The <c>imagePullSecrets</c> lists of the pod templates and ServiceAccounts, each in order (KMA106): the same
        /// model the C# reader gives, judged by the same rule.
        /// </summary>
        internal ImmutableArray<PullSecrets.PullSecretList> PullSecretLists { get; }

        /// <summary>The <c>data</c> and <c>stringData</c> entries of Secrets and the <c>data</c> entries of ConfigMaps (KMA105, KMA117).</summary>
        internal ImmutableArray<YamlDataEntry> DataEntries { get; }

        /// <summary>
        /// For YAML in a C# string, where a finding goes when its text is not placed exactly in the source (the whole
        /// argument); null for a file, where every location is exact.
        /// </summary>
        internal Location? Fallback { get; }

        /// <summary>Nothing for the per-text rules to judge: no container, pull-secret list or data entry.</summary>
        internal bool HasNothingToJudge => Containers.IsEmpty && PullSecretLists.IsEmpty && DataEntries.IsEmpty;

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
