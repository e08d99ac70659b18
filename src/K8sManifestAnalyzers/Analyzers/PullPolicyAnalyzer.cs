using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of the pull-policy rules: KMA001 (<see cref="MissingPullPolicyRule"/>), KMA002
    /// (<see cref="InvalidPullPolicyRule"/>), KMA003 (<see cref="StalePullPolicyRule"/>), KMA007
    /// (<see cref="NeverPullPolicyRule"/>) and KMA012 (<see cref="AlwaysPullRequiredRule"/>). Each possible value of a write is judged on its own.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PullPolicyAnalyzer : ContainerAnalyzerBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA001_MissingPullPolicy,
            Descriptors.KMA001_PullPolicyOnSomePaths,
            Descriptors.KMA001_EmptyPullPolicyOnSomePaths,
            Descriptors.KMA001_MissingVolumePullPolicy,
            Descriptors.KMA001_VolumePullPolicyOnSomePaths,
            Descriptors.KMA002_InvalidPullPolicy,
            Descriptors.KMA002_InvalidPullPolicyFrom,
            Descriptors.KMA003_StalePolicyForMutableImage,
            Descriptors.KMA003_NeverWithMutableImage,
            Descriptors.KMA003_StalePolicyForMutableImageFrom,
            Descriptors.KMA003_NeverWithMutableImageFrom,
            Descriptors.KMA007_NeverPullPolicy,
            Descriptors.KMA007_NeverPullPolicyFrom,
            Descriptors.KMA012_AlwaysPullRequired,
            Descriptors.KMA012_AlwaysPullRequiredFrom,
            Descriptors.KMA003_AspireMissingWithMutableImage,
            Descriptors.KMA007_AspireNeverPullPolicy,
            Descriptors.KMA002_AspireInvalidDefaultPullPolicy,
            Descriptors.KMA002_AspireInvalidDefaultPullPolicyFrom,
            Descriptors.KMA003_AspireDefaultPolicyWithMutableImage,
            Descriptors.KMA003_AspireEnvironmentDefaultWithMutableImage,
            Descriptors.KMA003_AspireEnvironmentPolicyWithMutableImage);

        /// <inheritdoc/>
        internal override bool HandlesAspire => true;

        /// <summary>
        /// KMA003 and KMA007 on WithImagePullPolicy of an Aspire container resource; without it, KMA003 on the image when
        /// the body's one Kubernetes environment gives every generated container 'IfNotPresent'.
        /// </summary>
        internal override void AnalyzeAspireImage(Action<Diagnostic> report, AnalyzerOptions options, Analysis.Aspire.AspireImage image, IInvocationOperation call, CompilationFacts facts)
        {
            if (image.PolicyAt is not { } at)
            {
                if (facts.Types is { HasAspireEnvironment: true } types && Analysis.Aspire.AspireEnvironment.Of(call, types) is { } environment)
                {
                    StalePullPolicyRule.CheckAspireEnvironment(report, image, environment, ManifestOptions.MutableTags(options, image.TagAt.SourceTree));
                }

                return;
            }

            StalePullPolicyRule.CheckAspire(report, image, ManifestOptions.MutableTags(options, at.SourceTree));
            NeverPullPolicyRule.CheckAspire(report, image);
        }

        internal override void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.ImagePullPolicy || value.Operation is null)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, value.Operation.Syntax.SyntaxTree);

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

        internal override void AnalyzeContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts)
        {
            MissingPullPolicyRule.Check(report, container, facts);
            StalePullPolicyRule.Check(report, container, facts, TagsAt(options, container));
        }

        internal override void AnalyzeBuiltContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts) =>
            StalePullPolicyRule.Check(report, container, facts, TagsAt(options, container));

        internal override void AnalyzeWritesInSequence(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts) =>
            StalePullPolicyRule.Check(report, container, facts, TagsAt(options, container));

        internal override void AnalyzeCreatedByCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, IInvocationOperation call, string factory, CompilationFacts facts) =>
            StalePullPolicyRule.CheckThroughCall(report, container, call, factory, facts, ManifestOptions.MutableTags(options, call.Syntax.SyntaxTree));

        // The mutable tags of the file that writes the container's policy (where KMA003 is reported).
        private static Model.MutableTags TagsAt(AnalyzerOptions options, ContainerModel container) =>
            ManifestOptions.MutableTags(options, (container.PullPolicy.Operation ?? container.Creation).Syntax.SyntaxTree);

        internal override void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, IInvocationOperation call, string method, BlockContainers containers, CompilationFacts facts)
        {
            if (property != ContainerProperty.ImagePullPolicy)
            {
                return;
            }

            var tags = ManifestOptions.MutableTags(options, call.Syntax.SyntaxTree);

            foreach (var constant in value.Values.Constants)
            {
                if (constant.Text is { Length: > 0 } policy && ValueLocation.IsPassedBy(constant, call))
                {
                    var through = ValueLocation.Through(constant, "passed to " + method, call);
                    bool mutableImage = containers.HaveMutableImageWith(constant, facts, tags);
                    InvalidPullPolicyRule.Check(report, value, constant, policy, mutableImage, through);
                    NeverPullPolicyRule.Check(report, value, constant, policy, mutableImage, through);
                    AlwaysPullRequiredRule.Check(report, value, constant, policy, containers.HaveOnlyPinnedImagesWith(constant, facts), through);
                }
            }
        }
    }
}
