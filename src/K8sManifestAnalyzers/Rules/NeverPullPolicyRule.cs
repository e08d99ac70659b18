using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA007: the pull policy Never, which starts the pod only where the image was preloaded.</summary>
    internal static class NeverPullPolicyRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, string policy, ValueLocation? through = null)
        {
            if (policy != PullPolicy.Never)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            var properties = RuleProperties.Replacement(where.OnConstant ? PullPolicy.IfNotPresent : null);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA007_NeverPullPolicy, where.Location, properties)
                : Diagnostic.Create(Descriptors.KMA007_NeverPullPolicyFrom, where.Location, properties, where.From));
        }
    }
}
