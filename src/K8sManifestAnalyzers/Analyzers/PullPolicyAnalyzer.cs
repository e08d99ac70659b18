using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// KMA001 (no policy), KMA002 (a value the API server rejects), KMA003 (a policy that does not pull a mutable
    /// image) and KMA007 (Never).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PullPolicyAnalyzer : ContainerAnalyzerBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA001_MissingPullPolicy,
            Descriptors.KMA002_InvalidPullPolicy,
            Descriptors.KMA003_StalePolicyForMutableImage,
            Descriptors.KMA003_NeverWithMutableImage,
            Descriptors.KMA007_NeverPullPolicy);

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value)
        {
            if (property != ContainerProperty.ImagePullPolicy || value.Text is not { } policy || value.Operation is null)
            {
                return;
            }

            // An empty policy is the same as none: the API server defaults it (KMA001 covers containers).
            if (policy.Length == 0)
            {
                return;
            }

            if (!PullPolicy.IsValid(policy))
            {
                string? suggestion = PullPolicy.SuggestFor(policy);
                report(Diagnostic.Create(
                    Descriptors.KMA002_InvalidPullPolicy,
                    Locations.OfValue(value.Operation),
                    Replacement(suggestion),
                    policy,
                    suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
            }
            else if (policy == PullPolicy.Never)
            {
                report(Diagnostic.Create(
                    Descriptors.KMA007_NeverPullPolicy,
                    Locations.OfValue(value.Operation),
                    Replacement(PullPolicy.IfNotPresent)));
            }
        }

        internal override void AnalyzeContainer(Action<Diagnostic> report, ContainerModel container)
        {
            var policy = container.PullPolicy;
            // Null and "" are what the API server defaults, like no policy at all. A with-copy keeps the original's
            // policy (the model reads it as unknown) unless it writes one of those.
            if (!policy.IsSet || policy.State == ValueState.Null || policy.Text is { Length: 0 })
            {
                string? defaultPolicy = container.Image.IsConstant ? PullPolicy.DefaultFor(container.Image.Text) : null;
                var properties = defaultPolicy is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultPolicy, defaultPolicy);

                // For an explicit null or empty policy, the fix rewrites that value instead of adding a member.
                var additional = policy.Operation is { } empty ? new[] { Locations.OfValue(empty) } : null;
                report(Diagnostic.Create(
                    Descriptors.KMA001_MissingPullPolicy,
                    Locations.OfCreation(container.Creation),
                    additional,
                    properties,
                    defaultPolicy is null ? "Always or IfNotPresent, depending on the image," : $"'{defaultPolicy}'"));
                return;
            }

            ReportStalePolicy(report, container);
        }

        internal override void AnalyzeBuiltContainer(Action<Diagnostic> report, ContainerModel container) => ReportStalePolicy(report, container);

        // KMA003: IfNotPresent or Never with an image that is mutable.
        private static void ReportStalePolicy(Action<Diagnostic> report, ContainerModel container)
        {
            var policy = container.PullPolicy;
            if (policy.Text is PullPolicy.IfNotPresent or PullPolicy.Never
                && policy.Operation is not null
                && container.Image.Text is { } image
                && ImageReference.TryParseNormalized(image, out var reference, out _)
                && reference!.IsMutable)
            {
                report(Diagnostic.Create(
                    policy.Text == PullPolicy.Never ? Descriptors.KMA003_NeverWithMutableImage : Descriptors.KMA003_StalePolicyForMutableImage,
                    Locations.OfValue(policy.Operation),
                    Replacement(PullPolicy.Always),
                    image,
                    reference.Tag is null ? "no tag or digest, so 'latest'" : "tag 'latest'"));
            }
        }

        private static ImmutableDictionary<string, string?> Replacement(string? value) =>
            value is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, value);
    }
}
