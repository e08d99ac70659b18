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
