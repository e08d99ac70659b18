using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA002: a pull policy that is not exactly Always, IfNotPresent or Never; the API server rejects it.</summary>
    internal static class InvalidPullPolicyRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, string policy, ValueLocation? through = null)
        {
            if (PullPolicy.IsValid(policy))
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            string? suggestion = PullPolicy.SuggestFor(policy);
            string didYouMean = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
            var properties = where.Declaration is { } declaration
                ? RuleProperties.ReplacementAtDeclaration(suggestion, declaration)
                : RuleProperties.Replacement(where.OnConstant ? suggestion : null);
            var additional = where.Declaration is null ? null : new[] { where.Declaration };
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA002_InvalidPullPolicy, where.Location, additional, properties, policy, didYouMean)
                : Diagnostic.Create(Descriptors.KMA002_InvalidPullPolicyFrom, where.Location, additional, properties, policy, didYouMean, where.From));
        }
    }
}
