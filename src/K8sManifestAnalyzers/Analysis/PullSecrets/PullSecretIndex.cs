using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The pull-secret facts of a compilation, indexed once at its end: Secrets by name, the docker-registry Secrets
    /// (in a stable order, for suggestions and fix candidates), the namespaces that computed names may stand for,
    /// and the service accounts by name. Namespace rules live here: an unknown namespace matches anything.
    /// </summary>
    internal sealed class PullSecretIndex
    {
        private readonly PullSecretState _state;
        private Dictionary<string, List<ServiceAccountFact>>? _accounts;

        internal PullSecretIndex(PullSecretState state)
        {
            _state = state;
            foreach (var secret in state.EffectiveSecrets())
            {
                if (secret.Name is null)
                {
                    // A computed name might be the one a reference names, unless the Secret is known not to be a
                    // registry credential.
                    if (!secret.TypeKnown || secret.IsDockerRegistry)
                    {
                        ComputedSecretNamespaces.Add(secret.Namespace);
                    }

                    continue;
                }

                Bucket(SecretsByName, secret.Name).Add(secret);
                if (secret.IsRegistryCredential)
                {
                    RegistrySecrets.Add(secret);
                }
            }

            RegistrySecrets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var reference in state.References)
            {
                if (reference.Name is null)
                {
                    ComputedReferenceNamespaces.Add(reference.Namespace);
                    continue;
                }

                bool found = false;
                if (SecretsByName.TryGetValue(reference.Name, out var candidates))
                {
                    foreach (var secret in candidates)
                    {
                        if (SameNamespace(secret.Namespace, reference.Namespace))
                        {
                            found = true;
                            Referenced.Add(secret);
                        }
                    }
                }

                if (!found)
                {
                    Unresolved.Add(reference);
                }
            }
        }

        /// <summary>The Secrets some named pull-secret reference finds (same name, compatible namespace).</summary>
        internal HashSet<SecretFact> Referenced { get; } = new();

        /// <summary>The named pull-secret references that find no Secret defined in the compilation.</summary>
        internal List<PullSecretReferenceFact> Unresolved { get; } = new();

        internal Dictionary<string, List<SecretFact>> SecretsByName { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// The named registry credentials, ordered by name: docker-registry Secrets, and Secrets of another type with a
        /// docker config key, which KMA104's fix retypes. KMA101 suggests and KMA103 adds these; counting the second
        /// kind too keeps their fixes' choice the same whether or not KMA104's fix ran first.
        /// </summary>
        internal List<SecretFact> RegistrySecrets { get; } = new();

        /// <summary>The names of <see cref="RegistrySecrets"/>, position for position, indexed for suggestions.</summary>
        internal SuggestionIndex RegistrySecretNames => _registrySecretNames ??= new SuggestionIndex(RegistrySecrets.ConvertAll(secret => secret.Name!));

        private SuggestionIndex? _registrySecretNames;

        private List<string>? _secretNames;
        private SuggestionIndex? _secretNameIndex;

        /// <summary>
        /// The Secret closest to <paramref name="name"/> (a small edit away) in a namespace compatible with
        /// <paramref name="namespace"/> whose type is known and is not a docker-registry type, or null.
        /// </summary>
        internal SecretFact? ClosestOtherTypeSecret(string name, string? @namespace)
        {
            if (_secretNames is null)
            {
                _secretNames = new List<string>(SecretsByName.Keys);
                _secretNames.Sort(string.CompareOrdinal);
                _secretNameIndex = new SuggestionIndex(_secretNames);
            }

            var names = _secretNames;
            int position = _secretNameIndex!.Closest(name, candidate => OtherTypeSecret(names[candidate], @namespace) is not null);
            return position < 0 ? null : OtherTypeSecret(names[position], @namespace);
        }

        private SecretFact? OtherTypeSecret(string name, string? @namespace)
        {
            foreach (var secret in SecretsByName[name])
            {
                if (secret.TypeKnown && !secret.IsDockerRegistry && SameNamespace(secret.Namespace, @namespace))
                {
                    return secret;
                }
            }

            return null;
        }

        /// <summary>The namespaces of Secrets whose name is computed (they may be any name).</summary>
        internal List<string?> ComputedSecretNamespaces { get; } = new();

        /// <summary>The namespaces of references whose name is computed (they may name any Secret).</summary>
        internal List<string?> ComputedReferenceNamespaces { get; } = new();

        internal IEnumerable<PullSecretReferenceFact> References => _state.References;

        internal IEnumerable<PodSpecFact> PodSpecs => _state.PodSpecs;

        /// <summary>
        /// True when the pod's service account (<c>default</c> when unset) has pull secrets, which admission copies
        /// into a pod that lists none. A computed account name may be any account.
        /// </summary>
        internal bool ServiceAccountHasPullSecrets(PodSpecFact spec)
        {
            if (_accounts is null)
            {
                _accounts = new Dictionary<string, List<ServiceAccountFact>>(StringComparer.Ordinal);
                foreach (var account in _state.ServiceAccounts)
                {
                    Bucket(_accounts, account.Name ?? string.Empty).Add(account);
                }
            }

            foreach (var key in new[] { spec.ServiceAccountName ?? "default", string.Empty })
            {
                if (_accounts.TryGetValue(key, out var candidates))
                {
                    foreach (var account in candidates)
                    {
                        if (account.HasPullSecrets && SameNamespace(account.Namespace, spec.Namespace))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>True when <c>k8s_manifests.external_pull_secrets</c> lists the reference (<c>name</c> or <c>namespace/name</c>).</summary>
        internal static bool IsExternal(AnalyzerOptions options, PullSecretReferenceFact reference) =>
            ManifestOptions.ListsObject(options, reference.Location, ManifestOptions.ExternalPullSecrets, reference.Name, reference.Namespace);

        /// <summary>Unknown namespaces match anything: a Secret without a namespace is created wherever it is applied.</summary>
        internal static bool SameNamespace(string? a, string? b) => a is null || b is null || a == b;

        internal static bool AnyCompatible(List<string?> namespaces, string? @namespace)
        {
            foreach (var candidate in namespaces)
            {
                if (SameNamespace(candidate, @namespace))
                {
                    return true;
                }
            }

            return false;
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
