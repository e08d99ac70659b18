using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA012 (off by default): a written pull policy that is <c>IfNotPresent</c> or <c>Never</c> where the team requires
    /// <c>Always</c>. An unset policy is KMA001's; a misspelt one KMA002's. A policy that goes only with images pinned by
    /// digest is left alone (<paramref name="onlyPinnedImages"/>).
    /// </summary>
    internal static class AlwaysPullRequiredRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, string policy, bool onlyPinnedImages, ValueLocation? through = null)
        {
            if (policy is not (PullPolicy.IfNotPresent or PullPolicy.Never) || onlyPinnedImages)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            var properties = RuleProperties.Replacement(where.OnConstant ? PullPolicy.Always : null);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA012_AlwaysPullRequired, where.Location, properties, policy)
                : Diagnostic.Create(Descriptors.KMA012_AlwaysPullRequiredFrom, where.Location, properties, policy, where.From));
        }
    

        /// <summary>IfNotPresent or Never in a YAML manifest, unless the image is pinned by digest; on the policy.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.PolicyText is not (PullPolicy.IfNotPresent or PullPolicy.Never) || container.Facts?.Reference is { IsPinned: true })
            {
                return;
            }

            report(Diagnostic.Create(Descriptors.KMA012_YamlAlwaysPullRequired, container.Policy!.Location, container.PolicyText));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA012, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string AlwaysPullRequiredDescription = "Some teams require imagePullPolicy: Always, so every start checks the registry (and the pod's credentials) and a node never runs an image it pulled for someone else. Off by default: turn it on with a severity (dotnet_diagnostic.KMA012.severity = warning). Images pinned by digest are left alone: no pull can bring a different build there.";

        internal static readonly DiagnosticDescriptor KMA012_AlwaysPullRequired = Create(
            DiagnosticIds.AlwaysPullRequired,
            "Pull policy is not Always",
            "ImagePullPolicy is '{0}', but this project requires Always: every start should check the registry",
            Categories.Security,
            DiagnosticSeverity.Warning,
            AlwaysPullRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA012 for a policy that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA012_AlwaysPullRequiredFrom = Create(
            DiagnosticIds.AlwaysPullRequired,
            "Pull policy is not Always",
            "ImagePullPolicy is '{0}' ({1}), but this project requires Always: every start should check the registry",
            Categories.Security,
            DiagnosticSeverity.Warning,
            AlwaysPullRequiredDescription,
            isEnabledByDefault: false);

        /// <summary>KMA012 in a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA012_YamlAlwaysPullRequired = Create(
            DiagnosticIds.AlwaysPullRequired,
            "Pull policy is not Always",
            "Pull policy is '{0}', but this project requires Always: every start should check the registry",
            Categories.Security,
            DiagnosticSeverity.Warning,
            AlwaysPullRequiredDescription,
            isEnabledByDefault: false);
    }
}
