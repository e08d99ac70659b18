using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The Secrets, ConfigMaps and references to them of a compilation, indexed once at its end for KMA111-KMA116.
    /// Pull-secret references count as references to their Secrets; computed names keep the rules silent where they
    /// could match.
    /// </summary>
    internal sealed class ConfigObjectIndex
    {
        internal ConfigObjectIndex(PullSecretState state)
        {
            foreach (var secret in state.EffectiveSecrets())
            {
                DefinesSecrets = true;
                if (secret.Name is null && secret.NamePattern is not null)
                {
                    PatternSecrets.Add(secret);
                }
                else if (secret.Name is null)
                {
                    ComputedSecretNamespaces.Add(secret.Namespace);
                }
                else
                {
                    Bucket(Secrets, secret.Name).Add(secret);
                }
            }

            foreach (var map in state.EffectiveConfigMaps())
            {
                DefinesConfigMaps = true;
                if (map.Name is null && map.NamePattern is not null)
                {
                    PatternConfigMaps.Add(map);
                }
                else if (map.Name is null)
                {
                    ComputedConfigMapNamespaces.Add(map.Namespace);
                }
                else
                {
                    Bucket(ConfigMaps, map.Name).Add(map);
                }
            }

            foreach (var reference in state.ConfigReferences)
            {
                References.Add(reference);
                if (reference.Name is null && reference.NamePattern is not null)
                {
                    // `$"{tenant}-db"`: keeps in use only the objects its constant parts allow.
                    PatternReferences.Add(reference);
                }
                else if (reference.Name is null)
                {
                    (reference.Kind == ConfigKind.Secret ? ComputedSecretReferenceNamespaces : ComputedConfigMapReferenceNamespaces).Add(reference.Namespace);
                }
                else
                {
                    Bucket(reference.Kind == ConfigKind.Secret ? SecretReferences : ConfigMapReferences, reference.Name).Add(reference.Namespace);
                }
            }

            foreach (var pullSecret in state.References)
            {
                if (pullSecret.Name is null)
                {
                    ComputedSecretReferenceNamespaces.Add(pullSecret.Namespace);
                }
                else
                {
                    Bucket(SecretReferences, pullSecret.Name).Add(pullSecret.Namespace);
                }
            }
        }

        private List<string>? _secretNames;
        private List<string>? _configMapNames;
        private SuggestionIndex? _secretSuggestions;
        private SuggestionIndex? _configMapSuggestions;

        internal bool DefinesSecrets { get; }

        internal bool DefinesConfigMaps { get; }

        internal Dictionary<string, List<SecretFact>> Secrets { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, List<ConfigMapFact>> ConfigMaps { get; } = new(StringComparer.Ordinal);

        internal List<string?> ComputedSecretNamespaces { get; } = new();

        /// <summary>Secrets whose names are computed with constant parts (<c>$"{tenant}-db"</c>).</summary>
        internal List<SecretFact> PatternSecrets { get; } = new();

        /// <summary>ConfigMaps whose names are computed with constant parts.</summary>
        internal List<ConfigMapFact> PatternConfigMaps { get; } = new();

        /// <summary>References whose names are computed with constant parts.</summary>
        internal List<ConfigReferenceFact> PatternReferences { get; } = new();

        internal List<string?> ComputedConfigMapNamespaces { get; } = new();

        internal List<ConfigReferenceFact> References { get; } = new();

        /// <summary>The namespaces each Secret name is referenced from (pull secrets included).</summary>
        internal Dictionary<string, List<string?>> SecretReferences { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, List<string?>> ConfigMapReferences { get; } = new(StringComparer.Ordinal);

        internal List<string?> ComputedSecretReferenceNamespaces { get; } = new();

        internal List<string?> ComputedConfigMapReferenceNamespaces { get; } = new();

        /// <summary>The defined objects of a kind with a name, in namespaces compatible with <paramref name="namespace"/>.</summary>
        internal List<(string? Namespace, bool KeysKnown, List<string> Keys)> Defined(ConfigKind kind, string name, string? @namespace, NamePattern? namespacePattern = null)
        {
            var found = new List<(string?, bool, List<string>)>();
            if (kind == ConfigKind.Secret && Secrets.TryGetValue(name, out var secrets))
            {
                foreach (var secret in secrets)
                {
                    if (Compatible(secret.Namespace, @namespace, namespacePattern))
                    {
                        bool complete = KeysComplete(secret);
                        found.Add((secret.Namespace, complete, secret.Keys));
                    }
                }
            }
            else if (kind == ConfigKind.ConfigMap && ConfigMaps.TryGetValue(name, out var maps))
            {
                foreach (var map in maps)
                {
                    if (Compatible(map.Namespace, @namespace, namespacePattern))
                    {
                        found.Add((map.Namespace, map.KeysKnown, map.Keys));
                    }
                }
            }

            // Objects named by a pattern its constant parts allow to be this name.
            AddPatterns(kind, @namespace, namespacePattern, found, pattern => pattern.Matches(name));
            return found;
        }

        /// <summary>
        /// The defined objects of a kind a reference named by <paramref name="pattern"/> may name: constant names it
        /// matches, and patterns it may overlap, in namespaces compatible with <paramref name="namespace"/>.
        /// </summary>
        internal List<(string? Namespace, bool KeysKnown, List<string> Keys)> DefinedLike(ConfigKind kind, NamePattern pattern, string? @namespace, NamePattern? namespacePattern = null)
        {
            var found = new List<(string?, bool, List<string>)>();
            if (kind == ConfigKind.Secret)
            {
                foreach (var bucket in Secrets)
                {
                    if (pattern.Matches(bucket.Key))
                    {
                        foreach (var secret in bucket.Value)
                        {
                            if (Compatible(secret.Namespace, @namespace, namespacePattern))
                            {
                                found.Add((secret.Namespace, KeysComplete(secret), secret.Keys));
                            }
                        }
                    }
                }
            }
            else
            {
                foreach (var bucket in ConfigMaps)
                {
                    if (pattern.Matches(bucket.Key))
                    {
                        foreach (var map in bucket.Value)
                        {
                            if (Compatible(map.Namespace, @namespace, namespacePattern))
                            {
                                found.Add((map.Namespace, map.KeysKnown, map.Keys));
                            }
                        }
                    }
                }
            }

            AddPatterns(kind, @namespace, namespacePattern, found, defined => defined.MayOverlap(pattern));
            return found;
        }

        /// <summary>
        /// True when an object in <paramref name="objectNamespace"/> may be in the reference's namespace: the same one,
        /// either unknown, or one the reference's namespace pattern (<c>tenant-{id}</c>) allows.
        /// </summary>
        internal static bool Compatible(string? objectNamespace, string? @namespace, NamePattern? namespacePattern) =>
            PullSecretIndex.SameNamespace(objectNamespace, @namespace) && (namespacePattern is null || objectNamespace is null || namespacePattern.Matches(objectNamespace));

        /// <summary>True when some namespace of the list is compatible with the reference's (see <see cref="Compatible"/>).</summary>
        internal static bool AnyCompatible(List<string?> namespaces, string? @namespace, NamePattern? namespacePattern)
        {
            foreach (var candidate in namespaces)
            {
                if (Compatible(candidate, @namespace, namespacePattern))
                {
                    return true;
                }
            }

            return false;
        }

        // Keys are judged only for data written in place; a token Secret is filled by its controller.
        private static bool KeysComplete(SecretFact secret) =>
            secret.KeysKnown && secret.HasData && secret.Type != "kubernetes.io/service-account-token";

        /// <summary>True when a reference named by a pattern may name <paramref name="name"/> in <paramref name="namespace"/>.</summary>
        internal bool ReferencedByPattern(ConfigKind kind, string name, string? @namespace)
        {
            foreach (var reference in PatternReferences)
            {
                if (reference.Kind == kind && reference.NamePattern!.Matches(name) && Compatible(@namespace, reference.Namespace, reference.NamespacePattern))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddPatterns(ConfigKind kind, string? @namespace, NamePattern? namespacePattern, List<(string?, bool, List<string>)> found, Func<NamePattern, bool> matches)
        {
            if (kind == ConfigKind.Secret)
            {
                foreach (var secret in PatternSecrets)
                {
                    if (matches(secret.NamePattern!) && Compatible(secret.Namespace, @namespace, namespacePattern))
                    {
                        found.Add((secret.Namespace, KeysComplete(secret), secret.Keys));
                    }
                }
            }
            else
            {
                foreach (var map in PatternConfigMaps)
                {
                    if (matches(map.NamePattern!) && Compatible(map.Namespace, @namespace, namespacePattern))
                    {
                        found.Add((map.Namespace, map.KeysKnown, map.Keys));
                    }
                }
            }
        }

        /// <summary>The defined name of a kind closest to <paramref name="name"/> (a small edit away), in a compatible namespace.</summary>
        internal string? Closest(ConfigKind kind, string name, string? @namespace, NamePattern? namespacePattern = null)
        {
            var (names, index) = kind == ConfigKind.Secret
                ? (_secretNames ??= new List<string>(Secrets.Keys), _secretSuggestions ??= new SuggestionIndex(_secretNames))
                : (_configMapNames ??= new List<string>(ConfigMaps.Keys), _configMapSuggestions ??= new SuggestionIndex(_configMapNames));
            int position = index.Closest(name, candidate => Defined(kind, names[candidate], @namespace, namespacePattern).Count > 0);
            return position < 0 ? null : names[position];
        }

        /// <summary>
        /// The ordinally first namespace, other than <paramref name="namespace"/>, in which an object of the kind and
        /// name is defined; <see langword="null"/> when there is none (or the reference's namespace is unknown, so
        /// every namespace is compatible).
        /// </summary>
        internal string? OtherNamespace(ConfigKind kind, string name, string? @namespace, NamePattern? namespacePattern = null)
        {
            if (@namespace is null && namespacePattern is null)
            {
                return null;
            }

            string? first = null;
            void Consider(string? candidate)
            {
                if (candidate is not null && !Compatible(candidate, @namespace, namespacePattern) && (first is null || string.CompareOrdinal(candidate, first) < 0))
                {
                    first = candidate;
                }
            }

            if (kind == ConfigKind.Secret && Secrets.TryGetValue(name, out var secrets))
            {
                secrets.ForEach(secret => Consider(secret.Namespace));
            }
            else if (kind == ConfigKind.ConfigMap && ConfigMaps.TryGetValue(name, out var maps))
            {
                maps.ForEach(map => Consider(map.Namespace));
            }

            return first;
        }

        /// <summary>True when the options list the object as created outside this code.</summary>
        internal static bool IsExternal(AnalyzerOptions options, ConfigReferenceFact reference)
        {
            var at = reference.Location;
            return reference.Kind == ConfigKind.Secret
                ? ManifestOptions.ListsObject(options, at, ManifestOptions.ExternalSecrets, reference.Name, reference.Namespace)
                    || ManifestOptions.ListsObject(options, at, ManifestOptions.ExternalPullSecrets, reference.Name, reference.Namespace)
                : ManifestOptions.ListsObject(options, at, ManifestOptions.ExternalConfigMaps, reference.Name, reference.Namespace);
        }

        /// <summary>True when the options list an object the pattern may name as created outside this code.</summary>
        internal static bool IsExternalLike(AnalyzerOptions options, ConfigReferenceFact reference, NamePattern pattern)
        {
            var at = reference.Location;
            return reference.Kind == ConfigKind.Secret
                ? ManifestOptions.ListsObjectLike(options, at, ManifestOptions.ExternalSecrets, pattern, reference.Namespace)
                    || ManifestOptions.ListsObjectLike(options, at, ManifestOptions.ExternalPullSecrets, pattern, reference.Namespace)
                : ManifestOptions.ListsObjectLike(options, at, ManifestOptions.ExternalConfigMaps, pattern, reference.Namespace);
        }

        private static List<T> Bucket<T>(Dictionary<string, List<T>> index, string key)
        {
            if (!index.TryGetValue(key, out var bucket))
            {
                bucket = new List<T>();
                index.Add(key, bucket);
            }

            return bucket;
        }
    }
}
