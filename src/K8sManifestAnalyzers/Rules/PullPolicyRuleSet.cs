using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The pull-policy rules of the per-body host (<see cref="Analyzers.ContainerAnalyzer"/>): KMA001 (<see cref="MissingPullPolicyRule"/>), KMA002
    /// (<see cref="InvalidPullPolicyRule"/>), KMA003 (<see cref="StalePullPolicyRule"/>), KMA007
    /// (<see cref="NeverPullPolicyRule"/>) and KMA012 (<see cref="AlwaysPullRequiredRule"/>). Each possible value of a write is judged on its own.
    /// </summary>
    internal static class PullPolicyRuleSet
    {
        /// <summary>The descriptors the pull-policy rules report.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA001_MissingPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA001_PullPolicyOnSomePaths,
            K8sManifestAnalyzers.Descriptors.KMA001_EmptyPullPolicyOnSomePaths,
            K8sManifestAnalyzers.Descriptors.KMA001_MissingVolumePullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA001_VolumePullPolicyOnSomePaths,
            K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicyFrom,
            K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA003_NeverWithMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom,
            K8sManifestAnalyzers.Descriptors.KMA003_NeverWithMutableImageFrom,
            K8sManifestAnalyzers.Descriptors.KMA007_NeverPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA007_NeverPullPolicyFrom,
            K8sManifestAnalyzers.Descriptors.KMA012_AlwaysPullRequired,
            K8sManifestAnalyzers.Descriptors.KMA012_AlwaysPullRequiredFrom,
            K8sManifestAnalyzers.Descriptors.KMA003_AspireMissingWithMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA007_AspireNeverPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA002_AspireInvalidDefaultPullPolicy,
            K8sManifestAnalyzers.Descriptors.KMA002_AspireInvalidDefaultPullPolicyFrom,
            K8sManifestAnalyzers.Descriptors.KMA003_AspireDefaultPolicyWithMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA003_AspireEnvironmentDefaultWithMutableImage,
            K8sManifestAnalyzers.Descriptors.KMA003_AspireEnvironmentPolicyWithMutableImage);

        /// <summary>
        /// KMA003 and KMA007 on WithImagePullPolicy of an Aspire container resource; without it, KMA003 on the image when
        /// the body's one Kubernetes environment gives every generated container 'IfNotPresent'.
        /// </summary>
        /// <remarks><paramref name="environment"/> is the body's one Kubernetes environment, when it has one.</remarks>
        internal static void AnalyzeAspireImage(Action<Diagnostic> report, AnalyzerOptions options, Analysis.Aspire.AspireImage image, Analysis.Aspire.AspireEnvironment? environment)
        {
            if (image.PolicyAt is not { } at)
            {
                if (environment is not null)
                {
                    StalePullPolicyRule.CheckAspireEnvironment(report, image, environment, ManifestOptions.MutableTags(options, image.TagAt.SourceTree));
                }

                return;
            }

            StalePullPolicyRule.CheckAspire(report, image, ManifestOptions.MutableTags(options, at.SourceTree));
            NeverPullPolicyRule.CheckAspire(report, image);
        }

        internal static void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.ImagePullPolicy || value.WrittenAt is not { } written)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, written);

            foreach (var constant in value.Values.Constants)
            {
                // An empty policy is the same as none: the API server defaults it (KMA001 covers containers).
                if (constant.Text is { Length: > 0 } policy)
                {
                    bool mutableImage = containers.HaveMutableImageWith(constant, facts, tags);
                    InvalidPullPolicyRule.Check(report, value, constant, policy, mutableImage);
                    NeverPullPolicyRule.Check(report, value, constant, policy, mutableImage);
                    AlwaysPullRequiredRule.Check(report, value, constant, policy, containers.HaveOnlyPinnedImagesWith(constant, facts));
                }
            }
        }

        internal static void AnalyzeContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts)
        {
            MissingPullPolicyRule.Check(report, container, facts);
            StalePullPolicyRule.Check(report, container, facts, TagsAt(options, container));
        }

        internal static void AnalyzeBuiltContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts) =>
            StalePullPolicyRule.Check(report, container, facts, TagsAt(options, container));

        internal static void AnalyzeWritesInSequence(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts) =>
            StalePullPolicyRule.Check(report, container, facts, TagsAt(options, container));

        internal static void AnalyzeCreatedByCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CallSite call, CompilationFacts facts) =>
            StalePullPolicyRule.CheckThroughCall(report, container, call, facts, ManifestOptions.MutableTags(options, call.Location));

        // The mutable tags of the file that writes the container's policy (where KMA003 is reported).
        private static Model.MutableTags TagsAt(AnalyzerOptions options, ContainerModel container) =>
            ManifestOptions.MutableTags(options, container.PullPolicy.WrittenAt ?? container.At);

        internal static void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, CallSite call, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.ImagePullPolicy)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, call.Location);

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } policy && ValueLocation.IsPassedBy(constant, call))
                {
                    var through = ValueLocation.Through(constant, "passed to " + call.Method, call);
                    bool mutableImage = containers.HaveMutableImageWith(constant, facts, tags);
                    InvalidPullPolicyRule.Check(report, value, constant, policy, mutableImage, through);
                    NeverPullPolicyRule.Check(report, value, constant, policy, mutableImage, through);
                    AlwaysPullRequiredRule.Check(report, value, constant, policy, containers.HaveOnlyPinnedImagesWith(constant, facts), through);
                }
            }
        }
    }
}
