using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA001: a container or image volume whose pull policy is not written (or written as null or empty), or written
    /// on some paths only: the API server stores its default at creation and never recomputes it.
    /// </summary>
    internal static class MissingPullPolicyRule
    {
        internal static void Check(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts)
        {
            var policy = container.PullPolicy;
            if (container.IsAspire)
            {
                // Aspire.Hosting.Kubernetes writes its own default ('IfNotPresent') into the YAML: nothing is left to the
                // API server, and KMA003 judges that default with the image.
                return;
            }

            // Null and "" are what the API server defaults, like no policy at all.
            if (!container.PolicyLeftToServer)
            {
                CheckEmptyOnSomePaths(report, container, facts);
                return;
            }

            var properties = Properties(container, facts, out string stored);
            if (policy.SomePathsOnly)
            {
                var somePaths = container.IsImageVolume ? Descriptors.KMA001_VolumePullPolicyOnSomePaths : Descriptors.KMA001_PullPolicyOnSomePaths;
                report(Diagnostic.Create(somePaths, container.At, properties, stored));
                return;
            }

            // For an explicit null or empty policy, the fix rewrites that value instead of adding a member.
            var additional = policy.WrittenAt is { } empty ? new[] { empty } : null;
            var missing = container.IsImageVolume ? Descriptors.KMA001_MissingVolumePullPolicy : Descriptors.KMA001_MissingPullPolicy;
            report(Diagnostic.Create(missing, container.At, additional, properties, stored));
        }

        // A policy written as one of several values, one of which is empty or null (`dev ? "" : "Always"`,
        // `spec.Policy ?? string.Empty`): on that path the server defaults it. Reported on that constant, where the fix
        // writes the default; the other values are still judged by the other rules.
        private static void CheckEmptyOnSomePaths(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts)
        {
            var policy = container.PullPolicy;
            if (policy.IsConstant || policy.Values.Constants.IsEmpty)
            {
                return;
            }

            foreach (var constant in policy.Values.Constants)
            {
                if (constant.Text is { Length: > 0 })
                {
                    continue;
                }

                var where = ValueLocation.Of(policy, constant);
                if (!where.OnConstant)
                {
                    // An empty default elsewhere is a placeholder that configuration fills (see ValueFolder).
                    continue;
                }

                var properties = Properties(container, facts, out string stored);
                report(Diagnostic.Create(Descriptors.KMA001_EmptyPullPolicyOnSomePaths, where.Location, new[] { where.Location }, properties, stored));
            }
        }

        private static ImmutableDictionary<string, string?> Properties(ContainerModel container, CompilationFacts facts, out string stored)
        {
            string? defaultPolicy = container.Image.IsConstant ? facts.Image(container.Image.Text!).DefaultPolicy : null;
            var properties = defaultPolicy is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultPolicy, defaultPolicy);
            if (container.IsImageVolume)
            {
                properties = properties.Add(DiagnosticProperties.Member, "PullPolicy").Add(DiagnosticProperties.After, "Reference");
            }

            stored = defaultPolicy is null ? "Always or IfNotPresent, depending on the image," : $"'{defaultPolicy}'";
            return properties;
        }

        /// <summary>A container or image volume of a YAML manifest with no policy, or a null or empty one, on its image entry.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (!container.PolicyLeftToServer)
            {
                return;
            }

            string? defaultPolicy = container.Facts?.DefaultPolicy;
            string stored = defaultPolicy is null ? "Always or IfNotPresent, depending on the image," : $"'{defaultPolicy}'";
            var properties = defaultPolicy is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultPolicy, defaultPolicy);
            var descriptor = container.IsImageVolume ? Descriptors.KMA001_YamlMissingVolumePullPolicy : Descriptors.KMA001_YamlMissingPullPolicy;
            report(Diagnostic.Create(descriptor, container.ImageEntryAt, properties, container.Display, stored));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA001, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string MissingPullPolicyDescription = "When imagePullPolicy is unset the API server defaults it once, at creation: Always for an untagged or ':latest' image, IfNotPresent otherwise. The stored value is not recomputed when the image is later patched, so a container that moves from ':latest' to a pinned tag keeps pulling on every start, and the reverse keeps a stale image.";

        internal static readonly DiagnosticDescriptor KMA001_MissingPullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container sets no ImagePullPolicy: the API server will store {0} at creation and keep it when the image changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for an image volume (<c>V1ImageVolumeSource</c>), defaulted like a container.</summary>
        internal static readonly DiagnosticDescriptor KMA001_MissingVolumePullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Image volume sets no PullPolicy: the API server will store {0} at creation and keep it when the reference changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for an image volume whose policy is written on some paths only.</summary>
        internal static readonly DiagnosticDescriptor KMA001_VolumePullPolicyOnSomePaths = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Image volume sets PullPolicy on some paths only: on the others the API server will store {0} at creation and keep it when the reference changes; write it in the initializer",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for a container whose policy is written on some paths only.</summary>
        internal static readonly DiagnosticDescriptor KMA001_PullPolicyOnSomePaths = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container sets ImagePullPolicy on some paths only: on the others the API server will store {0} at creation and keep it when the image changes; write it in the initializer",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for a policy that is empty or null on some paths (an arm, a fallback): the server defaults it there.</summary>
        internal static readonly DiagnosticDescriptor KMA001_EmptyPullPolicyOnSomePaths = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "ImagePullPolicy is empty on some paths: there the API server will store {0} at creation and keep it when the image changes; write Always, IfNotPresent or Never",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for a container of a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA001_YamlMissingPullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Container {0} sets no imagePullPolicy: the API server will store {1} at creation and keep it when the image changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);

        /// <summary>KMA001 for an image volume of a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA001_YamlMissingVolumePullPolicy = Create(
            DiagnosticIds.MissingPullPolicy,
            "Set imagePullPolicy explicitly",
            "Image volume {0} sets no pullPolicy: the API server will store {1} at creation and keep it when the reference changes; write it explicitly",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            MissingPullPolicyDescription);
    }
}
