using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA002: a pull policy that is not exactly Always, IfNotPresent or Never; the API server rejects it.</summary>
    internal static class InvalidPullPolicyRule
    {
        /// <summary>
        /// Reports <paramref name="policy"/> when it is not a valid value. The replacement offered is the value meant,
        /// except that <c>IfNotPresent</c> meant for a mutable image (<paramref name="mutableImage"/>) is written as
        /// <c>Always</c>: KMA003's fix would rewrite <c>IfNotPresent</c> there, and the result of a run of both must
        /// not depend on which fix runs last.
        /// </summary>
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, string policy, bool mutableImage, ValueLocation? through = null)
        {
            if (PullPolicy.IsValid(policy))
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            string? suggestion = PullPolicy.SuggestFor(policy);
            string didYouMean = RuleProperties.DidYouMean(suggestion);
            // On a mutable image the intended IfNotPresent would be rewritten by KMA003's fix: write what KMA003 requires,
            // so that the fixes give the same result in every order. A named constant declared elsewhere is shared by
            // other uses, so there it is corrected only when the value is the one every use wants.
            string? replacement = suggestion == PullPolicy.IfNotPresent && mutableImage ? PullPolicy.Always : suggestion;
            var properties = where.Declaration is { } declaration
                ? RuleProperties.ReplacementAtDeclaration(replacement == suggestion ? suggestion : null, declaration)
                : RuleProperties.Replacement(where.OnConstant ? replacement : null);
            var additional = where.Declaration is null ? null : new[] { where.Declaration };
            bool aspireDefault = through is null && IsAspireDefault(written);
            report(where.From is null
                ? Diagnostic.Create(aspireDefault ? Descriptors.KMA002_AspireInvalidDefaultPullPolicy : Descriptors.KMA002_InvalidPullPolicy, where.Location, additional, properties, policy, didYouMean)
                : Diagnostic.Create(aspireDefault ? Descriptors.KMA002_AspireInvalidDefaultPullPolicyFrom : Descriptors.KMA002_InvalidPullPolicyFrom, where.Location, additional, properties, policy, didYouMean, where.From));
        }

        // `environment.DefaultImagePullPolicy = …` (Aspire.Hosting.Kubernetes): the message names that property, which is
        // what the user wrote, instead of a container's imagePullPolicy.
        private static bool IsAspireDefault(ManifestValue written) =>
            written.Operation?.Parent is Microsoft.CodeAnalysis.Operations.IAssignmentOperation { Target: Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation { Property.Name: "DefaultImagePullPolicy" } target }
            && target.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == "Aspire.Hosting.Kubernetes";

        /// <summary>A policy of a YAML manifest that is not a valid value, on the value (fixed in a C# string, not in YAML files).</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.PolicyText is not { } policy || PullPolicy.IsValid(policy))
            {
                return;
            }

            string? suggestion = PullPolicy.SuggestFor(policy);
            string didYouMean = RuleProperties.DidYouMean(suggestion);
            report(Diagnostic.Create(Descriptors.KMA002_InvalidPullPolicy, container.Policy!.Location, RuleProperties.YamlScalar(policy, suggestion), policy, didYouMean));
        }
    }
}
