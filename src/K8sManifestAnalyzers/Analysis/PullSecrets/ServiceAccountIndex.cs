using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The service accounts of a compilation and the names pod specs give, indexed once at its end for KMA118. Namespaces
    /// are compatible as for Secrets (<see cref="ConfigObjectIndex.Compatible"/>); accounts with computed names keep the
    /// rule silent where they could match.
    /// </summary>
    internal sealed class ServiceAccountIndex
    {
        private List<string>? _names;
        private SuggestionIndex? _suggestions;

        internal ServiceAccountIndex(PullSecretState state)
        {
            foreach (var account in state.EffectiveServiceAccounts())
            {
                DefinesServiceAccounts = true;
                if (account.Name is null && account.NamePattern is not null)
                {
                    PatternAccounts.Add(account);
                }
                else if (account.Name is null)
                {
                    ComputedNamespaces.Add(account.Namespace);
                }
                else
                {
                    if (!Accounts.TryGetValue(account.Name, out var bucket))
                    {
                        bucket = new List<ServiceAccountFact>();
                        Accounts.Add(account.Name, bucket);
                    }

                    bucket.Add(account);
                }
            }

            References = state.ServiceAccountReferences;
        }

        /// <summary>True when the compilation creates a service account: the project manages them in code.</summary>
        internal bool DefinesServiceAccounts { get; }

        internal IEnumerable<ServiceAccountReferenceFact> References { get; }

        /// <summary>The namespaces of accounts whose name is computed without constant parts (they may be any name).</summary>
        internal List<string?> ComputedNamespaces { get; } = new();

        private Dictionary<string, List<ServiceAccountFact>> Accounts { get; } = new(StringComparer.Ordinal);

        /// <summary>Accounts whose names are computed with constant parts (<c>$"{tenant}-runner"</c>).</summary>
        private List<ServiceAccountFact> PatternAccounts { get; } = new();

        /// <summary>True when an account of that name (or one a name pattern allows) is defined in a compatible namespace.</summary>
        internal bool Defines(string name, string? @namespace, NamePattern? namespacePattern)
        {
            if (Accounts.TryGetValue(name, out var accounts))
            {
                foreach (var account in accounts)
                {
                    if (ConfigObjectIndex.Compatible(account.Namespace, @namespace, namespacePattern))
                    {
                        return true;
                    }
                }
            }

            foreach (var account in PatternAccounts)
            {
                if (account.NamePattern!.Matches(name) && ConfigObjectIndex.Compatible(account.Namespace, @namespace, namespacePattern))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a reference named by <paramref name="pattern"/> may name a defined account: a constant name it
        /// matches, or a pattern it may overlap, in a compatible namespace.
        /// </summary>
        internal bool DefinesLike(NamePattern pattern, string? @namespace, NamePattern? namespacePattern)
        {
            foreach (var bucket in Accounts)
            {
                if (pattern.Matches(bucket.Key))
                {
                    foreach (var account in bucket.Value)
                    {
                        if (ConfigObjectIndex.Compatible(account.Namespace, @namespace, namespacePattern))
                        {
                            return true;
                        }
                    }
                }
            }

            foreach (var account in PatternAccounts)
            {
                if (account.NamePattern!.MayOverlap(pattern) && ConfigObjectIndex.Compatible(account.Namespace, @namespace, namespacePattern))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The defined name closest to <paramref name="name"/> (a small edit away), in a compatible namespace.</summary>
        internal string? Closest(string name, string? @namespace, NamePattern? namespacePattern)
        {
            var names = _names ??= new List<string>(Accounts.Keys);
            var index = _suggestions ??= new SuggestionIndex(names);
            int position = index.Closest(name, candidate => Defines(names[candidate], @namespace, namespacePattern));
            return position < 0 ? null : names[position];
        }

        /// <summary>
        /// The ordinally first namespace, not compatible with the reference's, in which an account of that name (or, for a
        /// pattern, a name it allows) is defined; null when there is none or the reference's namespace is unknown.
        /// </summary>
        internal string? OtherNamespace(string? name, NamePattern? pattern, string? @namespace, NamePattern? namespacePattern)
        {
            if (@namespace is null && namespacePattern is null)
            {
                return null;
            }

            string? first = null;
            void Consider(List<ServiceAccountFact> accounts)
            {
                foreach (var account in accounts)
                {
                    if (account.Namespace is { } candidate && !ConfigObjectIndex.Compatible(candidate, @namespace, namespacePattern)
                        && (first is null || string.CompareOrdinal(candidate, first) < 0))
                    {
                        first = candidate;
                    }
                }
            }

            if (name is not null)
            {
                if (Accounts.TryGetValue(name, out var named))
                {
                    Consider(named);
                }
            }
            else
            {
                foreach (var bucket in Accounts)
                {
                    if (pattern!.Matches(bucket.Key))
                    {
                        Consider(bucket.Value);
                    }
                }
            }

            return first;
        }

        /// <summary>True when <c>k8s_manifests.external_service_accounts</c> lists the account (<c>name</c> or <c>namespace/name</c>).</summary>
        internal static bool IsExternal(AnalyzerOptions options, ServiceAccountReferenceFact reference) =>
            reference.Name is not null
                ? ManifestOptions.ListsObject(options, reference.Location, ManifestOptions.ExternalServiceAccounts, reference.Name, reference.Namespace)
                : reference.NamePattern is { } pattern && ManifestOptions.ListsObjectLike(options, reference.Location, ManifestOptions.ExternalServiceAccounts, pattern, reference.Namespace);
    }
}
