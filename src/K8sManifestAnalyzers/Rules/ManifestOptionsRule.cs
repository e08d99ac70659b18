using System;
using System.Collections.Generic;
using System.Linq;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA009: <c>k8s_manifests.*</c> options that do not say what they seem to: a key no option has (with the closest
    /// one), a value the option does not accept, and entries of the list options that can never match (a wildcard
    /// registry, a URL with a tag, a name Kubernetes would reject). Each otherwise changes what the rules check without
    /// a word. Reported once per distinct key or entry, with no source location, when the compilation ends.
    /// </summary>
    internal static class ManifestOptionsRule
    {
        private static readonly string[] RegistryOptions = { ManifestOptions.AllowedRegistries, ManifestOptions.PrivateRegistries };

        // Lists of object names, `name` or `namespace/name`, with the kind of object each names.
        private static readonly (string Key, string Kind)[] NameOptions =
        {
            (ManifestOptions.ExternalPullSecrets, "pull secret"),
            (ManifestOptions.ExternalSecrets, "Secret"),
            (ManifestOptions.ExternalConfigMaps, "ConfigMap"),
            (ManifestOptions.ExternalServiceAccounts, "service account"),
        };

        /// <summary>
        /// Checks every distinct options object of the compilation: <paramref name="global"/>, then each file's
        /// (<paramref name="files"/>, which the host reads from the compilation's trees).
        /// </summary>
        internal static void Check(Action<Diagnostic> report, AnalyzerConfigOptions global, IEnumerable<AnalyzerConfigOptions> files)
        {
            // Options may differ per folder (.editorconfig) or be global (.globalconfig, also in every file's options):
            // each distinct options object, key and raw value once.
            var seenOptions = new HashSet<AnalyzerConfigOptions>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Check(report, global, seenOptions, seen);
            foreach (var options in files)
            {
                Check(report, options, seenOptions, seen);
            }
        }

        private static void Check(Action<Diagnostic> report, AnalyzerConfigOptions options, HashSet<AnalyzerConfigOptions> seenOptions, HashSet<string> seen)
        {
            if (!seenOptions.Add(options))
            {
                return;
            }

            foreach (var key in KeysOf(options))
            {
                if (key.StartsWith(ManifestOptions.Prefix, StringComparison.OrdinalIgnoreCase) && !IsKnown(key) && seen.Add("key:" + key.ToLowerInvariant()))
                {
                    report(ClosestKey(key) is { } closest
                        ? Diagnostic.Create(Descriptors.KMA009_UnknownKeyNear, Location.None, key, closest)
                        : Diagnostic.Create(Descriptors.KMA009_UnknownKey, Location.None, key, string.Join(", ", ManifestOptions.Keys)));
                }
            }

            if (options.TryGetValue(ManifestOptions.PropertyDefaultsKey, out var flag) && ManifestOptions.ParseBoolean(flag) is null
                && seen.Add(ManifestOptions.PropertyDefaultsKey + "=" + flag))
            {
                report(Diagnostic.Create(Descriptors.KMA009_InvalidValue, Location.None, ManifestOptions.PropertyDefaultsKey, flag.Trim(), "true or false", "true"));
            }

            foreach (var key in RegistryOptions)
            {
                if (options.TryGetValue(key, out var raw) && seen.Add(key + "=" + raw))
                {
                    foreach (var entry in ManifestOptions.SplitList(raw))
                    {
                        if (RegistryPrefix.Problem(entry) is { } problem)
                        {
                            report(Diagnostic.Create(Descriptors.KMA009_OptionNeverMatches, Location.None, key, entry, problem));
                        }
                    }
                }
            }

            if (options.TryGetValue(ManifestOptions.MutableTagsKey, out var tags) && seen.Add(ManifestOptions.MutableTagsKey + "=" + tags))
            {
                foreach (var entry in ManifestOptions.SplitList(tags))
                {
                    if (MutableTags.Problem(entry) is { } problem)
                    {
                        report(Diagnostic.Create(Descriptors.KMA009_TagNeverMatches, Location.None, ManifestOptions.MutableTagsKey, entry, problem));
                    }
                }
            }

            foreach (var (key, kind) in NameOptions)
            {
                if (options.TryGetValue(key, out var names) && seen.Add(key + "=" + names))
                {
                    foreach (var entry in ManifestOptions.SplitList(names))
                    {
                        if (NameProblem(key, entry, kind) is { } diagnostic)
                        {
                            report(diagnostic);
                        }
                    }
                }
            }
        }

        // The keys of the options; none when the host's options cannot enumerate them (`Keys` is virtual and throws
        // NotImplementedException unless overridden; the compiler's and the IDE's options override it).
        private static IEnumerable<string> KeysOf(AnalyzerConfigOptions options)
        {
            try
            {
                return options.Keys.ToArray();
            }
            catch (NotImplementedException)
            {
                return Array.Empty<string>();
            }
        }

        private static bool IsKnown(string key)
        {
            foreach (var known in ManifestOptions.Keys)
            {
                if (AnalyzerConfigOptions.KeyComparer.Equals(key, known))
                {
                    return true;
                }
            }

            return false;
        }

        // The known key closest to a misspelt one, compared after the common prefix. Keys are long words whose plural
        // and singular differ by up to three edits (`allowed_registry`), so a key may be a third of its length away,
        // more than the two edits names of objects may be (NameDistance.IsClose).
        private static string? ClosestKey(string key)
        {
            string written = key.Substring(ManifestOptions.Prefix.Length).ToLowerInvariant();
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var known in ManifestOptions.Keys)
            {
                string name = known.Substring(ManifestOptions.Prefix.Length);
                int bound = Math.Max(written.Length, name.Length) / 3;
                int distance = NameDistance.Levenshtein(written, name, bound);
                if (distance <= bound && distance < bestDistance)
                {
                    best = known;
                    bestDistance = distance;
                }
            }

            return best;
        }

        // `name` or `namespace/name`: an object name is a DNS subdomain, a namespace a DNS label.
        private static Diagnostic? NameProblem(string key, string entry, string kind)
        {
            int slash = entry.IndexOf('/');
            string name = slash < 0 ? entry : entry.Substring(slash + 1);
            if (slash >= 0)
            {
                string @namespace = entry.Substring(0, slash);
                if (@namespace.Length == 0 || @namespace.Length > 63 || @namespace.IndexOf('.') >= 0 || !Generator.ContainerImageGenerator.Parser.IsValidSecretName(@namespace))
                {
                    return Diagnostic.Create(Descriptors.KMA009_InvalidNamespace, Location.None, key, entry, @namespace);
                }
            }

            return Generator.ContainerImageGenerator.Parser.IsValidSecretName(name)
                ? null
                : Diagnostic.Create(Descriptors.KMA009_InvalidObjectName, Location.None, key, entry, name, kind);
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA009, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string OptionTitle = "Option key or value is not understood";

        private const string OptionDescription = "Options are read silently, so a typo changes what the rules check without a word: an unknown k8s_manifests key is ignored, a value property_defaults does not accept is read as true, an entry of allowed_registries or private_registries that no image can match reports every image of the registry meant or turns KMA103 off for it, and an invalid name in external_pull_secrets, external_secrets, external_config_maps or external_service_accounts excuses nothing, and an entry of mutable_tags that is not a tag marks nothing mutable.";

        /// <summary>KMA009 for an entry of <c>mutable_tags</c> that no tag can match.</summary>
        internal static readonly DiagnosticDescriptor KMA009_TagNeverMatches = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match a tag: it {2}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a registry prefix that no image name can match.</summary>
        internal static readonly DiagnosticDescriptor KMA009_OptionNeverMatches = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match as a registry prefix: {2}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for an entry of a list of object names whose name Kubernetes rejects; {3} names the kind of object.</summary>
        internal static readonly DiagnosticDescriptor KMA009_InvalidObjectName = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match: '{2}' is not a valid {3} name (lowercase letters, digits, '-' and '.', at most 253)",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a <c>namespace/name</c> entry whose namespace Kubernetes rejects.</summary>
        internal static readonly DiagnosticDescriptor KMA009_InvalidNamespace = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} entry '{1}' can never match: '{2}' is not a valid namespace (lowercase letters, digits and '-', at most 63)",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a value the option does not accept; {2} lists the values it accepts, {3} is how it is read.</summary>
        internal static readonly DiagnosticDescriptor KMA009_InvalidValue = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "The {0} value '{1}' is not one the option accepts ({2}), so it is read as {3}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a <c>k8s_manifests.*</c> key no option has, close to one that exists.</summary>
        internal static readonly DiagnosticDescriptor KMA009_UnknownKeyNear = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "'{0}' is not a k8s_manifests option and is ignored; did you mean '{1}'?",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA009 for a <c>k8s_manifests.*</c> key no option has, close to none; {1} lists the options.</summary>
        internal static readonly DiagnosticDescriptor KMA009_UnknownKey = Create(
            DiagnosticIds.OptionNeverMatches,
            OptionTitle,
            "'{0}' is not a k8s_manifests option and is ignored; the options are {1}",
            Categories.Usage,
            DiagnosticSeverity.Warning,
            OptionDescription,
            reportedAtCompilationEnd: true);
    }
}
