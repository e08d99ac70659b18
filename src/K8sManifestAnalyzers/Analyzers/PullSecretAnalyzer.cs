using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// KMA101 (undefined pull secret), KMA102 (unused docker-registry Secret), KMA103 (private image without pull
    /// secret) and KMA104 (pull secret of the wrong type): whole-compilation rules. Operation actions only collect
    /// facts; the matching runs once at compilation end, hashed by name, so it is linear in the number of objects.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PullSecretAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property of KMA103: the docker-registry Secrets a fix may name, separated by commas.</summary>
        internal const string CandidatesProperty = "Candidates";

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA101_UndefinedPullSecret,
            Descriptors.KMA102_UnusedRegistrySecret,
            Descriptors.KMA103_MissingPullSecret,
            Descriptors.KMA103_MissingDeclaredPullSecret,
            Descriptors.KMA104_PullSecretWrongType);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = KubernetesTypes.TryCreate(start.Compilation);
                if (types is null || !types.HasPullSecretTypes)
                {
                    return;
                }

                var state = new PullSecretState();

                // [ContainerImage(PullSecret = "…")]: the generated AddTo lists that Secret on pod specs.
                if (start.Compilation.GetTypeByMetadataName(Generator.ContainerImageGenerator.Parser.AttributeMetadataName) is { } imageAttribute)
                {
                    start.RegisterSymbolAction(c => PullSecretCollector.CollectImageDeclaration(c, imageAttribute, state), SymbolKind.NamedType);
                }
                start.RegisterOperationAction(
                    c =>
                    {
                        switch (c.Operation)
                        {
                            case IObjectCreationOperation creation:
                                PullSecretCollector.CollectCreation(creation, types, state);
                                break;
                            case IInvocationOperation invocation:
                                PullSecretCollector.CollectInvocation(invocation, types, state);
                                break;
                            case IAssignmentOperation assignment:
                                PullSecretCollector.CollectAssignment(assignment, types, state);
                                break;
                        }
                    },
                    OperationKind.ObjectCreation,
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment,
                    OperationKind.CoalesceAssignment);
                start.RegisterCompilationEndAction(end => Match(end, state));
            });
        }

        private static void Match(CompilationAnalysisContext context, PullSecretState state)
        {
            var secretsByName = new Dictionary<string, List<SecretFact>>(StringComparer.Ordinal);
            var registrySecrets = new List<SecretFact>();
            var computedSecretNamespaces = new List<string?>();
            foreach (var secret in state.Secrets)
            {
                if (secret.Name is null)
                {
                    // A computed name might be the one a reference names, unless the Secret is known not to be
                    // a registry credential.
                    if (!secret.TypeKnown || secret.IsDockerRegistry)
                    {
                        computedSecretNamespaces.Add(secret.Namespace);
                    }

                    continue;
                }

                Bucket(secretsByName, secret.Name).Add(secret);
                if (secret.IsDockerRegistry)
                {
                    registrySecrets.Add(secret);
                }
            }

            // Stable order for suggestions and fix candidates.
            registrySecrets.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

            var computedReferenceNamespaces = new List<string?>();
            var referenced = new HashSet<SecretFact>();
            var wrongTypeReported = new HashSet<SecretFact>();
            foreach (var reference in state.References)
            {
                if (reference.Name is null)
                {
                    computedReferenceNamespaces.Add(reference.Namespace);
                    continue;
                }

                bool found = false;
                if (secretsByName.TryGetValue(reference.Name, out var candidates))
                {
                    foreach (var secret in candidates)
                    {
                        if (SameNamespace(secret.Namespace, reference.Namespace))
                        {
                            found = true;
                            referenced.Add(secret);
                            if (wrongTypeReported.Add(secret))
                            {
                                CheckType(context, secret);
                            }
                        }
                    }
                }

                if (!found && !AnyCompatible(computedSecretNamespaces, reference.Namespace) && !IsExternal(context, reference))
                {
                    ReportUndefined(context, reference, registrySecrets);
                }
            }

            foreach (var bucket in secretsByName.Values)
            {
                foreach (var secret in bucket)
                {
                    if (secret.IsDockerRegistry && !referenced.Contains(secret) && secret.NameLocation is { } location
                        && !AnyCompatible(computedReferenceNamespaces, secret.Namespace))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA102_UnusedRegistrySecret, location, secret.Name));
                    }
                }
            }

            CheckPrivateImages(context, state, registrySecrets);
        }

        // The suggestion scans the docker-registry Secrets only (a handful in practice), and only for the
        // references that are undefined.
        private static void ReportUndefined(CompilationAnalysisContext context, PullSecretReferenceFact reference, List<SecretFact> registrySecrets)
        {
            string? closest = null;
            int best = int.MaxValue;
            foreach (var secret in registrySecrets)
            {
                if (SameNamespace(secret.Namespace, reference.Namespace) && NameDistance.IsClose(reference.Name!, secret.Name!))
                {
                    int distance = NameDistance.Levenshtein(reference.Name!, secret.Name!);
                    if (distance < best)
                    {
                        best = distance;
                        closest = secret.Name;
                    }
                }
            }

            var properties = closest is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, closest);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.KMA101_UndefinedPullSecret,
                reference.Location,
                properties,
                reference.Name,
                reference.Namespace is null ? string.Empty : $" in namespace '{reference.Namespace}'",
                closest is null ? string.Empty : $" (did you mean '{closest}'?)"));
        }

        private static void CheckType(CompilationAnalysisContext context, SecretFact secret)
        {
            if (!secret.TypeKnown)
            {
                return;
            }

            string type = secret.Type ?? SecretType.Opaque;
            string? problem = null;
            if (!SecretType.IsDockerRegistry(type))
            {
                problem = (secret.Type is null ? "it has no type, so it is Opaque" : $"its type is '{type}'")
                    + ": the kubelet ignores it and pulls without credentials";
            }
            else if (secret.KeysKnown && !secret.Keys.Contains(SecretType.KeyFor(type)!))
            {
                problem = $"its type '{type}' needs the data key '{SecretType.KeyFor(type)}': the API server rejects the Secret without it";
            }

            if (problem is null)
            {
                return;
            }

            // The fix sets the type that matches the key the Secret has.
            string? replacement = secret.Keys.Contains(SecretType.DockerConfigJsonKey) ? SecretType.DockerConfigJson
                : secret.Keys.Contains(SecretType.DockerCfgKey) ? SecretType.DockerCfg
                : null;
            var properties = replacement is null || replacement == type
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, replacement);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.KMA104_PullSecretWrongType,
                secret.TypeLocation ?? secret.CreationLocation,
                properties,
                secret.Name,
                problem));
        }

        private static void CheckPrivateImages(CompilationAnalysisContext context, PullSecretState state, List<SecretFact> registrySecrets)
        {
            Dictionary<string, List<ServiceAccountFact>>? accounts = null;
            foreach (var spec in state.PodSpecs)
            {
                if (spec.HasPullSecrets || !spec.ServiceAccountKnown || spec.Images.Count == 0)
                {
                    continue;
                }

                accounts ??= IndexAccounts(state);
                if (ServiceAccountHasPullSecrets(accounts, spec))
                {
                    continue;
                }

                foreach (var podImage in spec.Images)
                {
                    string image = podImage.Image;
                    var location = podImage.Location;
                    if (!ImageReference.TryParseNormalized(image, out var reference, out _))
                    {
                        continue;
                    }

                    // Private: under a configured prefix, or built from a declaration that names its pull secret.
                    var privateRegistries = ManifestOptions.GetList(context.Options, location.SourceTree!, ManifestOptions.PrivateRegistries);
                    string? prefix = privateRegistries.IsEmpty ? null : RegistryPrefix.FindMatch(reference!, privateRegistries);
                    if (prefix is null && podImage.DeclaredPullSecret is null)
                    {
                        continue;
                    }

                    var candidates = new List<string>();
                    if (podImage.DeclaredPullSecret is { } declared)
                    {
                        candidates.Add(declared);
                    }

                    foreach (var secret in registrySecrets)
                    {
                        if (SameNamespace(secret.Namespace, spec.Namespace) && !candidates.Contains(secret.Name!))
                        {
                            candidates.Add(secret.Name!);
                        }
                    }

                    string account = spec.ServiceAccountName is null ? string.Empty : $" and its service account '{spec.ServiceAccountName}' has none in this compilation";
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(CandidatesProperty, string.Join(",", candidates));
                    context.ReportDiagnostic(prefix is not null
                        ? Diagnostic.Create(Descriptors.KMA103_MissingPullSecret, location, new[] { spec.CreationLocation }, properties, image, prefix, account)
                        : Diagnostic.Create(Descriptors.KMA103_MissingDeclaredPullSecret, location, new[] { spec.CreationLocation }, properties, image, podImage.DeclaredPullSecret, account));
                }
            }
        }

        private static Dictionary<string, List<ServiceAccountFact>> IndexAccounts(PullSecretState state)
        {
            var index = new Dictionary<string, List<ServiceAccountFact>>(StringComparer.Ordinal);
            foreach (var account in state.ServiceAccounts)
            {
                Bucket(index, account.Name ?? string.Empty).Add(account);
            }

            return index;
        }

        // The pod's service account (default when unset) copies its pull secrets into a pod that lists none.
        // A computed account name may be any account.
        private static bool ServiceAccountHasPullSecrets(Dictionary<string, List<ServiceAccountFact>> accounts, PodSpecFact spec)
        {
            foreach (var key in new[] { spec.ServiceAccountName ?? "default", string.Empty })
            {
                if (accounts.TryGetValue(key, out var candidates))
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

        private static bool IsExternal(CompilationAnalysisContext context, PullSecretReferenceFact reference)
        {
            if (reference.Location.SourceTree is not { } tree)
            {
                return false;
            }

            foreach (var entry in ManifestOptions.GetList(context.Options, tree, ManifestOptions.ExternalPullSecrets))
            {
                int slash = entry.IndexOf('/');
                string name = slash < 0 ? entry : entry.Substring(slash + 1);
                string? @namespace = slash < 0 ? null : entry.Substring(0, slash);
                if (name == reference.Name && SameNamespace(@namespace, reference.Namespace))
                {
                    return true;
                }
            }

            return false;
        }

        // Unknown namespaces match anything: a Secret without a namespace is created wherever it is applied.
        private static bool SameNamespace(string? a, string? b) => a is null || b is null || a == b;

        private static bool AnyCompatible(List<string?> namespaces, string? @namespace)
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
