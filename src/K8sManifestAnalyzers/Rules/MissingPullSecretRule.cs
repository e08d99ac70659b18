using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA103: an image from a private registry (a prefix of <c>k8s_manifests.private_registries</c>, or a builder
    /// declaration that names a pull secret) in a pod spec with no pull secrets, whose service account has none either.
    /// </summary>
    internal static class MissingPullSecretRule
    {
        /// <summary>Property of KMA103: the docker-registry Secrets a fix may name, separated by commas.</summary>
        internal const string CandidatesProperty = "Candidates";

        internal static void Check(Action<Diagnostic> report, AnalyzerOptions options, PullSecretIndex index, CompilationFacts facts)
        {
            foreach (var spec in index.PodSpecs)
            {
                if (spec.HasPullSecrets || !spec.ServiceAccountKnown || spec.Images.Count == 0 || index.ServiceAccountHasPullSecrets(spec))
                {
                    continue;
                }

                foreach (var podImage in spec.Images)
                {
                    var reference = podImage.Partial is null ? facts.Image(podImage.Image).Reference : null;
                    if (podImage.Partial is null && reference is null)
                    {
                        continue;
                    }

                    // An image with unknown parts counts when every name it can have is under a private prefix.
                    var privateRegistries = ManifestOptions.GetList(ManifestOptions.ConfigOf(options, podImage.Location), ManifestOptions.PrivateRegistries);
                    string? prefix = privateRegistries.IsEmpty ? null
                        : podImage.Partial is { } partial ? RegistryPrefix.FindMatch(partial, privateRegistries)
                        : RegistryPrefix.FindMatch(reference!, privateRegistries);
                    if (prefix is null && podImage.DeclaredPullSecret is null)
                    {
                        continue;
                    }

                    var candidates = new List<string>();
                    if (podImage.DeclaredPullSecret is { } declared)
                    {
                        candidates.Add(declared);
                    }

                    foreach (var secret in index.RegistrySecrets)
                    {
                        if (PullSecretIndex.SameNamespace(secret.Namespace, spec.Namespace) && !candidates.Contains(secret.Name!))
                        {
                            candidates.Add(secret.Name!);
                        }
                    }

                    string account = spec.ServiceAccountName is null ? string.Empty : $" and its service account '{spec.ServiceAccountName}' has none in this compilation";
                    var properties = spec.InYaml ? null : ImmutableDictionary<string, string?>.Empty.Add(CandidatesProperty, string.Join(",", candidates));
                    var additional = new[] { spec.CreationLocation };
                    report(prefix is not null
                        ? Diagnostic.Create(Descriptors.KMA103_MissingPullSecret, podImage.Location, additional, properties, podImage.Image, prefix, account)
                        : Diagnostic.Create(Descriptors.KMA103_MissingDeclaredPullSecret, podImage.Location, additional, properties, podImage.Image, podImage.DeclaredPullSecret, account));
                }
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA103, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string MissingPullSecretDescription = "Images from the registries listed in k8s_manifests.private_registries, and images a [ContainerImage] declaration gives a pull secret, need credentials. Without imagePullSecrets on the pod spec or its service account, the pull fails with ErrImagePull unless the nodes hold credentials. Silent for other images while the option is unset.";

        internal static readonly DiagnosticDescriptor KMA103_MissingPullSecret = Create(
            DiagnosticIds.MissingPullSecret,
            "Private-registry image without a pull secret",
            "Image '{0}' comes from a private registry ({1}) but its pod spec lists no imagePullSecrets{2}",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullSecretDescription,
            reportedAtCompilationEnd: true);

        /// <summary>KMA103 for a container made by a generated builder whose declaration names a pull secret.</summary>
        internal static readonly DiagnosticDescriptor KMA103_MissingDeclaredPullSecret = Create(
            DiagnosticIds.MissingPullSecret,
            "Private-registry image without a pull secret",
            "Image '{0}' is declared with the pull secret '{1}' but its pod spec lists no imagePullSecrets{2}; place the container with AddTo or AddInitContainerTo, or call AddPullSecretTo",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullSecretDescription,
            reportedAtCompilationEnd: true);
    }
}
