using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Options read from <c>.editorconfig</c> / <c>.globalconfig</c> keys that start with <c>k8s_manifests.</c>.
    /// </summary>
    internal static class ManifestOptions
    {
        internal const string Prefix = "k8s_manifests.";
        internal const string AllowedRegistries = Prefix + "allowed_registries";
        internal const string ExternalPullSecrets = Prefix + "external_pull_secrets";
        internal const string PrivateRegistries = Prefix + "private_registries";
        internal const string PropertyDefaultsKey = Prefix + "property_defaults";
        internal const string ExternalSecrets = Prefix + "external_secrets";
        internal const string ExternalConfigMaps = Prefix + "external_config_maps";
        internal const string MutableTagsKey = Prefix + "mutable_tags";
        internal const string ExternalServiceAccounts = Prefix + "external_service_accounts";
        internal const string SecretEnvNames = Prefix + "secret_env_names";

        /// <summary>Every key this package reads; any other <c>k8s_manifests.*</c> key is a typo (KMA009).</summary>
        internal static readonly ImmutableArray<string> Keys = ImmutableArray.Create(
            AllowedRegistries, ExternalConfigMaps, ExternalPullSecrets, ExternalSecrets, ExternalServiceAccounts, MutableTagsKey, PrivateRegistries, PropertyDefaultsKey, SecretEnvNames);

        // The lists parsed from each option text, kept while the text is (the options of a compilation hold it).
        private static readonly ConditionalWeakTable<string, StrongBox<ImmutableArray<string>>> ParsedLists = new();

        private static readonly StrongBox<ImmutableArray<string>> EmptyList = new(ImmutableArray<string>.Empty);

        // The tags of each k8s_manifests.mutable_tags text, likewise.
        private static readonly ConditionalWeakTable<string, Model.MutableTags> ParsedTags = new();

        /// <summary>
        /// The tags KMA003 and KMA005 treat like <c>latest</c> in <paramref name="tree"/> (<c>k8s_manifests.mutable_tags</c>;
        /// <c>latest</c> alone when unset). Entries that can match no tag are left out (KMA009 names them).
        /// </summary>
        internal static Model.MutableTags MutableTags(AnalyzerOptions options, SyntaxTree? tree) => MutableTags(ConfigOf(options, tree));

        /// <summary>The mutable tags of the file <paramref name="location"/> is in (see <see cref="ConfigOf(AnalyzerOptions, Location)"/>).</summary>
        internal static Model.MutableTags MutableTags(AnalyzerOptions options, Location location) => MutableTags(ConfigOf(options, location));

        /// <summary>The mutable tags of a file's options (a YAML file's: <c>GetOptions(AdditionalText)</c>).</summary>
        internal static Model.MutableTags MutableTags(AnalyzerConfigOptions config) =>
            Parsed(config, MutableTagsKey, ParsedTags, static text => Model.MutableTags.Of(SplitList(text)), Model.MutableTags.Default);

        // The credential names of each text of k8s_manifests.secret_env_names.
        private static readonly ConditionalWeakTable<string, Model.CredentialName> ParsedCredentialNames = new();

        /// <summary>
        /// The names KMA117 reads as credentials: the default terms plus the words of <c>k8s_manifests.secret_env_names</c>
        /// (comma-separated; each entry is split into words like a name, and added to the defaults).
        /// </summary>
        internal static Model.CredentialName CredentialNames(AnalyzerOptions options, SyntaxTree tree) => CredentialNames(ConfigOf(options, tree));

        /// <summary>The credential names of a file's options (a YAML file's: <c>GetOptions(AdditionalText)</c>).</summary>
        internal static Model.CredentialName CredentialNames(AnalyzerConfigOptions config) =>
            Parsed(config, SecretEnvNames, ParsedCredentialNames, static text => Model.CredentialName.With(SplitList(text)), Model.CredentialName.Default);

        /// <summary>
        /// Whether the initializers of settable fields and properties count as the defaults a deployment gets when
        /// nothing configures them (<c>k8s_manifests.property_defaults</c>, <c>true</c> unless set to <c>false</c>).
        /// </summary>
        internal static bool PropertyDefaults(AnalyzerOptions options, SyntaxTree? tree) =>
            !(ConfigOf(options, tree).TryGetValue(PropertyDefaultsKey, out var raw) && ParseBoolean(raw) == false);

        // A tree's options, or the global ones where there is no tree.
        private static AnalyzerConfigOptions ConfigOf(AnalyzerOptions options, SyntaxTree? tree) =>
            tree is null ? options.AnalyzerConfigOptionsProvider.GlobalOptions : options.AnalyzerConfigOptionsProvider.GetOptions(tree);

        // The additional files of each compilation's options by path, built when a finding in one first asks.
        private static readonly ConditionalWeakTable<AnalyzerOptions, System.Collections.Generic.Dictionary<string, AdditionalText>> AdditionalFilesByPath = new();

        /// <summary>
        /// The options of the file <paramref name="location"/> is in: its tree's, an additional file's (a YAML file's:
        /// <c>GetOptions(AdditionalText)</c>), or the global ones for any other location.
        /// </summary>
        internal static AnalyzerConfigOptions ConfigOf(AnalyzerOptions options, Location location)
        {
            if (location.SourceTree is { } tree)
            {
                return options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            }

            if (location.Kind == LocationKind.ExternalFile
                && AdditionalFilesByPath.GetValue(options, static o => IndexByPath(o.AdditionalFiles)).TryGetValue(location.GetLineSpan().Path, out var file))
            {
                return options.AnalyzerConfigOptionsProvider.GetOptions(file);
            }

            return options.AnalyzerConfigOptionsProvider.GlobalOptions;
        }

        private static System.Collections.Generic.Dictionary<string, AdditionalText> IndexByPath(ImmutableArray<AdditionalText> files)
        {
            var byPath = new System.Collections.Generic.Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (file.Path is { } path && !byPath.ContainsKey(path))
                {
                    byPath.Add(path, file);
                }
            }

            return byPath;
        }

        // An option parsed once per option text (every tree of a folder shares the text), kept while the text is; the
        // fallback when the option is unset.
        private static T Parsed<T>(AnalyzerConfigOptions config, string key, ConditionalWeakTable<string, T> parsed, ConditionalWeakTable<string, T>.CreateValueCallback parse, T fallback)
            where T : class =>
            config.TryGetValue(key, out var raw) ? parsed.GetValue(raw, parse) : fallback;

        /// <summary><c>true</c> or <c>false</c>, case-insensitive, around spaces; null for any other text (KMA009).</summary>
        internal static bool? ParseBoolean(string raw)
        {
            var text = raw.Trim();
            return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
                : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
                : null;
        }

        /// <summary>
        /// A comma-separated option as a list: entries trimmed, empty entries dropped; empty when unset.
        /// </summary>
        internal static ImmutableArray<string> GetList(AnalyzerOptions options, SyntaxTree tree, string key) =>
            GetList(options.AnalyzerConfigOptionsProvider.GetOptions(tree), key);

        /// <summary>A comma-separated option of the file <paramref name="location"/> is in.</summary>
        internal static ImmutableArray<string> GetList(AnalyzerOptions options, Location location, string key) =>
            GetList(ConfigOf(options, location), key);

        /// <summary>A comma-separated option of a file's options (a YAML file's: <c>GetOptions(AdditionalText)</c>).</summary>
        internal static ImmutableArray<string> GetList(AnalyzerConfigOptions config, string key) =>
            Parsed(config, key, ParsedLists, static text => new StrongBox<ImmutableArray<string>>(SplitList(text)), EmptyList).Value;

        /// <summary>
        /// True when the option <paramref name="key"/> lists the object, as <c>name</c> (any namespace) or
        /// <c>namespace/name</c>; an unknown namespace matches any.
        /// </summary>
        internal static bool ListsObject(AnalyzerOptions options, SyntaxTree tree, string key, string? name, string? @namespace) =>
            ListsObject(options, tree, key, listed => listed == name, @namespace);

        /// <summary>True when the list names an object a name pattern may be (<c>$"{tenant}-db"</c> and <c>acme-db</c>).</summary>
        internal static bool ListsObjectLike(AnalyzerOptions options, SyntaxTree tree, string key, Model.NamePattern pattern, string? @namespace) =>
            ListsObject(options, tree, key, pattern.Matches, @namespace);

        /// <summary>
        /// <see cref="ListsObject(AnalyzerOptions, SyntaxTree, string, string?, string?)"/> with the options of the file
        /// <paramref name="location"/> is in, a C# tree or a YAML file (<see cref="ConfigOf(AnalyzerOptions, Location)"/>).
        /// </summary>
        internal static bool ListsObject(AnalyzerOptions options, Location location, string key, string? name, string? @namespace) =>
            ListsObject(GetList(ConfigOf(options, location), key), listed => listed == name, @namespace);

        /// <summary><see cref="ListsObjectLike(AnalyzerOptions, SyntaxTree, string, Model.NamePattern, string?)"/> for any location.</summary>
        internal static bool ListsObjectLike(AnalyzerOptions options, Location location, string key, Model.NamePattern pattern, string? @namespace) =>
            ListsObject(GetList(ConfigOf(options, location), key), pattern.Matches, @namespace);

        private static bool ListsObject(AnalyzerOptions options, SyntaxTree tree, string key, Func<string, bool> names, string? @namespace) =>
            ListsObject(GetList(options, tree, key), names, @namespace);

        private static bool ListsObject(ImmutableArray<string> list, Func<string, bool> names, string? @namespace)
        {
            foreach (var entry in list)
            {
                int slash = entry.IndexOf('/');
                string listed = slash < 0 ? entry : entry.Substring(slash + 1);
                string? listedNamespace = slash < 0 ? null : entry.Substring(0, slash);
                if (names(listed) && (listedNamespace is null || @namespace is null || listedNamespace == @namespace))
                {
                    return true;
                }
            }

            return false;
        }

        internal static ImmutableArray<string> SplitList(string? raw)
        {
            if (raw is null)
            {
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var part in raw.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = part.Trim();
                if (entry.Length > 0)
                {
                    builder.Add(entry);
                }
            }

            return builder.ToImmutable();
        }
    }
}
