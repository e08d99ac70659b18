using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// The facts one compilation's operation actions collect, matched once at compilation end. Collection is
    /// thread-safe: actions run concurrently.
    /// </summary>
    internal sealed class PullSecretState
    {
        internal ConcurrentQueue<SecretFact> Secrets { get; } = new ConcurrentQueue<SecretFact>();

        internal ConcurrentQueue<PullSecretReferenceFact> References { get; } = new ConcurrentQueue<PullSecretReferenceFact>();

        internal ConcurrentQueue<ServiceAccountFact> ServiceAccounts { get; } = new ConcurrentQueue<ServiceAccountFact>();

        internal ConcurrentQueue<PodSpecFact> PodSpecs { get; } = new ConcurrentQueue<PodSpecFact>();

        internal ConcurrentQueue<ConfigReferenceFact> ConfigReferences { get; } = new ConcurrentQueue<ConfigReferenceFact>();

        internal ConcurrentQueue<ConfigMapFact> ConfigMaps { get; } = new ConcurrentQueue<ConfigMapFact>();

        /// <summary>The service accounts pod specs name (KMA118).</summary>
        internal ConcurrentQueue<ServiceAccountReferenceFact> ServiceAccountReferences { get; } = new ConcurrentQueue<ServiceAccountReferenceFact>();

        /// <summary>Factories of Secrets, ConfigMaps or service accounts some call of the compilation was read for.</summary>
        internal ConcurrentDictionary<IMethodSymbol, bool> FactoriesCalled { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Methods used as delegates (<c>Select(Secrets.For)</c>): their calls are not all seen.</summary>
        internal ConcurrentDictionary<IMethodSymbol, bool> Escaped { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>True when the compilation is a program (no other assembly calls its public methods).</summary>
        internal bool IsProgram { get; set; }

        private int _readYamlStrings;

        /// <summary>
        /// True once a YAML string's facts were added: a constant handed to two entry points adds its facts twice, at
        /// the same locations, so the findings are de-duplicated.
        /// </summary>
        internal bool ReadYamlStrings
        {
            get => System.Threading.Volatile.Read(ref _readYamlStrings) != 0;
            set => System.Threading.Volatile.Write(ref _readYamlStrings, value ? 1 : 0);
        }

        /// <summary>
        /// The Secrets to match: a factory's own Secret, whose name or namespace is a parameter, gives way to the
        /// Secrets its calls create when every call is known (a method used as a delegate, or a public one of a
        /// library, may be called with anything).
        /// </summary>
        internal IEnumerable<SecretFact> EffectiveSecrets()
        {
            foreach (var secret in Secrets)
            {
                if (!ReplacedByCalls(secret.DefinedIn, secret.ThroughCall))
                {
                    yield return secret;
                }
            }
        }

        /// <summary>The ConfigMaps to match, as <see cref="EffectiveSecrets"/>.</summary>
        internal IEnumerable<ConfigMapFact> EffectiveConfigMaps()
        {
            foreach (var map in ConfigMaps)
            {
                if (!ReplacedByCalls(map.DefinedIn, map.ThroughCall))
                {
                    yield return map;
                }
            }
        }

        /// <summary>
        /// The service accounts to match, as <see cref="EffectiveSecrets"/>. <see cref="ServiceAccounts"/> keeps them all
        /// for KMA103, which only asks whether some account may have pull secrets.
        /// </summary>
        internal IEnumerable<ServiceAccountFact> EffectiveServiceAccounts()
        {
            foreach (var account in ServiceAccounts)
            {
                if (!ReplacedByCalls(account.DefinedIn, account.ThroughCall))
                {
                    yield return account;
                }
            }
        }

        private bool ReplacedByCalls(IMethodSymbol? factory, bool throughCall) =>
            factory is not null && !throughCall && FactoriesCalled.ContainsKey(factory) && !Escaped.ContainsKey(factory)
            && (IsProgram || factory.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
                || factory.ContainingType?.DeclaredAccessibility is not Accessibility.Public);
    }
}
