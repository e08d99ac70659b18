using System.Collections.Immutable;
using System.Text.RegularExpressions;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// What a YAML file defines and references by name, as the facts the compilation-end rules index beside those the C#
    /// collectors gather (<see cref="PullSecretState"/>): Secrets, ConfigMaps and service accounts, the pull secrets,
    /// Secrets, ConfigMaps and service accounts its pod templates, service accounts and Ingresses name, and its pod specs
    /// with their images (KMA103). Built once per file text by <see cref="YamlObjectReader"/> and shared by every
    /// compilation that holds the text, so the facts are never changed after they are built.
    /// </summary>
    internal sealed class YamlObjects
    {
        internal static readonly YamlObjects Empty = new(
            ImmutableArray<SecretFact>.Empty,
            ImmutableArray<ConfigMapFact>.Empty,
            ImmutableArray<ServiceAccountFact>.Empty,
            ImmutableArray<PullSecretReferenceFact>.Empty,
            ImmutableArray<ConfigReferenceFact>.Empty,
            ImmutableArray<ServiceAccountReferenceFact>.Empty,
            ImmutableArray<PodSpecFact>.Empty);

        // `kind: Secret` (quoted or not) at the start of a line, or a templated kind, in a file that could not be read.
        private static readonly Regex Kinds = new(@"^[ \t-]*kind[ \t]*:[ \t]*['""]?(?<kind>Secret|ConfigMap|ServiceAccount|\{\{)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>What a file may hold when nothing of it can be trusted: any object of any kind, any reference (see <see cref="Unreadable"/>).</summary>
        internal static YamlObjects Anything => Unreadable("kind: {{");

        internal YamlObjects(
            ImmutableArray<SecretFact> secrets,
            ImmutableArray<ConfigMapFact> configMaps,
            ImmutableArray<ServiceAccountFact> serviceAccounts,
            ImmutableArray<PullSecretReferenceFact> pullSecretReferences,
            ImmutableArray<ConfigReferenceFact> configReferences,
            ImmutableArray<ServiceAccountReferenceFact> serviceAccountReferences,
            ImmutableArray<PodSpecFact> podSpecs)
        {
            Secrets = secrets;
            ConfigMaps = configMaps;
            ServiceAccounts = serviceAccounts;
            PullSecretReferences = pullSecretReferences;
            ConfigReferences = configReferences;
            ServiceAccountReferences = serviceAccountReferences;
            PodSpecs = podSpecs;
        }

        internal ImmutableArray<SecretFact> Secrets { get; }

        internal ImmutableArray<ConfigMapFact> ConfigMaps { get; }

        internal ImmutableArray<ServiceAccountFact> ServiceAccounts { get; }

        internal ImmutableArray<PullSecretReferenceFact> PullSecretReferences { get; }

        internal ImmutableArray<ConfigReferenceFact> ConfigReferences { get; }

        internal ImmutableArray<ServiceAccountReferenceFact> ServiceAccountReferences { get; }

        internal ImmutableArray<PodSpecFact> PodSpecs { get; }

        internal bool IsEmpty =>
            Secrets.IsEmpty && ConfigMaps.IsEmpty && ServiceAccounts.IsEmpty && PullSecretReferences.IsEmpty
            && ConfigReferences.IsEmpty && ServiceAccountReferences.IsEmpty && PodSpecs.IsEmpty;

        /// <summary>
        /// What a file that cannot be read (invalid YAML, a Helm template) may hold, so that it causes no false report:
        /// it may reference any Secret or ConfigMap, in any namespace (a computed reference: nothing is unused), and, when
        /// its text has <c>kind: Secret</c>, <c>kind: ConfigMap</c>, <c>kind: ServiceAccount</c> or a templated kind, it
        /// may define an object of that kind with any name in any namespace (a computed name: no reference of that kind
        /// is undefined, and a service account there may carry pull secrets).
        /// </summary>
        internal static YamlObjects Unreadable(string content)
        {
            bool secrets = false, maps = false, accounts = false;
            foreach (Match match in Kinds.Matches(content))
            {
                switch (match.Groups["kind"].Value)
                {
                    case "Secret":
                        secrets = true;
                        break;
                    case "ConfigMap":
                        maps = true;
                        break;
                    case "ServiceAccount":
                        accounts = true;
                        break;
                    default:
                        secrets = maps = accounts = true;
                        break;
                }
            }

            return new YamlObjects(
                secrets ? ImmutableArray.Create(new SecretFact { TypeKnown = false, KeysKnown = false }) : ImmutableArray<SecretFact>.Empty,
                maps ? ImmutableArray.Create(new ConfigMapFact { KeysKnown = false }) : ImmutableArray<ConfigMapFact>.Empty,
                accounts ? ImmutableArray.Create(new ServiceAccountFact { HasPullSecrets = true }) : ImmutableArray<ServiceAccountFact>.Empty,
                ImmutableArray.Create(new PullSecretReferenceFact(null, Location.None, null)),
                ImmutableArray.Create(
                    new ConfigReferenceFact(ConfigKind.Secret, ConfigReferenceSite.Annotation, null, Location.None, null),
                    new ConfigReferenceFact(ConfigKind.ConfigMap, ConfigReferenceSite.Annotation, null, Location.None, null)),
                ImmutableArray<ServiceAccountReferenceFact>.Empty,
                ImmutableArray<PodSpecFact>.Empty);
        }

        /// <summary>
        /// Adds the facts to those of the compilation: a file's at its end, a C# string's from the operation action that
        /// reads the call (the state's queues take concurrent adds).
        /// </summary>
        internal void AddTo(PullSecretState state)
        {
            foreach (var secret in Secrets)
            {
                state.Secrets.Enqueue(secret);
            }

            foreach (var map in ConfigMaps)
            {
                state.ConfigMaps.Enqueue(map);
            }

            foreach (var account in ServiceAccounts)
            {
                state.ServiceAccounts.Enqueue(account);
            }

            foreach (var reference in PullSecretReferences)
            {
                state.References.Enqueue(reference);
            }

            foreach (var reference in ConfigReferences)
            {
                state.ConfigReferences.Enqueue(reference);
            }

            foreach (var reference in ServiceAccountReferences)
            {
                state.ServiceAccountReferences.Enqueue(reference);
            }

            foreach (var spec in PodSpecs)
            {
                state.PodSpecs.Enqueue(spec);
            }
        }
    }
}
