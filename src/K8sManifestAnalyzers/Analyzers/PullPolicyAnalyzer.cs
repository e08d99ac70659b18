using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// KMA001 (no policy, or a policy on some paths only), KMA002 (a value the API server rejects), KMA003 (a policy
    /// that does not pull a mutable image) and KMA007 (Never). Each possible value of a write is judged on its own and
    /// reported where it is written; KMA003 pairs an image and a policy only where they can occur together.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PullPolicyAnalyzer : ContainerAnalyzerBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA001_MissingPullPolicy,
            Descriptors.KMA001_PullPolicyOnSomePaths,
            Descriptors.KMA001_MissingVolumePullPolicy,
            Descriptors.KMA001_VolumePullPolicyOnSomePaths,
            Descriptors.KMA002_InvalidPullPolicy,
            Descriptors.KMA002_InvalidPullPolicyFrom,
            Descriptors.KMA003_StalePolicyForMutableImage,
            Descriptors.KMA003_NeverWithMutableImage,
            Descriptors.KMA003_StalePolicyForMutableImageFrom,
            Descriptors.KMA003_NeverWithMutableImageFrom,
            Descriptors.KMA007_NeverPullPolicy,
            Descriptors.KMA007_NeverPullPolicyFrom);

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value)
        {
            if (property != ContainerProperty.ImagePullPolicy || value.Operation is null)
            {
                return;
            }

            foreach (var constant in value.Values.Constants)
            {
                // An empty policy is the same as none: the API server defaults it (KMA001 covers containers).
                if (constant.Text is not { Length: > 0 } policy)
                {
                    continue;
                }

                var (location, onConstant, from) = Where(value, constant);
                if (!PullPolicy.IsValid(policy))
                {
                    string? suggestion = PullPolicy.SuggestFor(policy);
                    string didYouMean = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
                    var properties = Replacement(onConstant ? suggestion : null);
                    report(from is null
                        ? Diagnostic.Create(Descriptors.KMA002_InvalidPullPolicy, location, properties, policy, didYouMean)
                        : Diagnostic.Create(Descriptors.KMA002_InvalidPullPolicyFrom, location, properties, policy, didYouMean, from));
                }
                else if (policy == PullPolicy.Never)
                {
                    var properties = Replacement(onConstant ? PullPolicy.IfNotPresent : null);
                    report(from is null
                        ? Diagnostic.Create(Descriptors.KMA007_NeverPullPolicy, location, properties)
                        : Diagnostic.Create(Descriptors.KMA007_NeverPullPolicyFrom, location, properties, from));
                }
            }
        }

        internal override void AnalyzeContainer(Action<Diagnostic> report, ContainerModel container)
        {
            var policy = container.PullPolicy;
            // Null and "" are what the API server defaults, like no policy at all. A with-copy keeps the original's
            // policy (the model reads it as unknown) unless it writes one of those.
            if (!policy.IsSet || policy.State == ValueState.Null || policy.Text is { Length: 0 } || policy.SomePathsOnly)
            {
                string? defaultPolicy = container.Image.IsConstant ? PullPolicy.DefaultFor(container.Image.Text) : null;
                var properties = defaultPolicy is null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultPolicy, defaultPolicy);
                if (container.IsImageVolume)
                {
                    properties = properties.Add(DiagnosticProperties.Member, "PullPolicy").Add(DiagnosticProperties.After, "Reference");
                }

                string stored = defaultPolicy is null ? "Always or IfNotPresent, depending on the image," : $"'{defaultPolicy}'";
                if (policy.SomePathsOnly)
                {
                    var somePaths = container.IsImageVolume ? Descriptors.KMA001_VolumePullPolicyOnSomePaths : Descriptors.KMA001_PullPolicyOnSomePaths;
                    report(Diagnostic.Create(somePaths, Locations.OfCreation(container.Creation), properties, stored));
                    return;
                }

                // For an explicit null or empty policy, the fix rewrites that value instead of adding a member.
                var additional = policy.Operation is { } empty ? new[] { Locations.OfValue(empty) } : null;
                var missing = container.IsImageVolume ? Descriptors.KMA001_MissingVolumePullPolicy : Descriptors.KMA001_MissingPullPolicy;
                report(Diagnostic.Create(missing, Locations.OfCreation(container.Creation), additional, properties, stored));
                return;
            }

            ReportStalePolicy(report, container);
        }

        internal override void AnalyzeBuiltContainer(Action<Diagnostic> report, ContainerModel container) => ReportStalePolicy(report, container);

        // KMA003: IfNotPresent or Never with a mutable image that can be the image at the same time.
        private static void ReportStalePolicy(Action<Diagnostic> report, ContainerModel container)
        {
            var policy = container.PullPolicy;
            if (policy.Operation is null)
            {
                return;
            }

            foreach (var policyValue in policy.Values.Constants)
            {
                if (policyValue.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    continue;
                }

                foreach (var imageValue in container.Image.Values.Constants)
                {
                    if (imageValue.Text is not { } image
                        || !imageValue.CanOccurWith(policyValue)
                        || !ImageReference.TryParseNormalized(image, out var reference, out _)
                        || !reference!.IsMutable)
                    {
                        continue;
                    }

                    var (location, onConstant, _) = Where(policy, policyValue);
                    string why = reference.Tag is null ? "no tag or digest, so 'latest'" : "tag 'latest'";
                    bool never = policyValue.Text == PullPolicy.Never;
                    var properties = Replacement(onConstant ? PullPolicy.Always : null);
                    string? from = ImageOrigin(container.Image, imageValue);
                    report(from is null
                        ? Diagnostic.Create(never ? Descriptors.KMA003_NeverWithMutableImage : Descriptors.KMA003_StalePolicyForMutableImage, location, properties, image, why)
                        : Diagnostic.Create(never ? Descriptors.KMA003_NeverWithMutableImageFrom : Descriptors.KMA003_StalePolicyForMutableImageFrom, location, properties, image, why, from));
                    break;
                }
            }
        }

        // Where the image comes from, when that is not the image written as a literal.
        private static string? ImageOrigin(ManifestValue image, PossibleValue value) =>
            value.Description ?? (image.Operation is { } written && written.Syntax.Span.Contains(value.Origin.Syntax.Span) && written.Syntax.SyntaxTree == value.Origin.Syntax.SyntaxTree
                ? null
                : "from " + ValueFolder.Describe(value.Origin));

        private static ImmutableDictionary<string, string?> Replacement(string? value) =>
            value is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Replacement, value);
    }
}
