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
            bool aspireDefault = through is null && written.IsAspireEnvironmentDefault;
            report(where.From is null
                ? Diagnostic.Create(aspireDefault ? Descriptors.KMA002_AspireInvalidDefaultPullPolicy : Descriptors.KMA002_InvalidPullPolicy, where.Location, additional, properties, policy, didYouMean)
                : Diagnostic.Create(aspireDefault ? Descriptors.KMA002_AspireInvalidDefaultPullPolicyFrom : Descriptors.KMA002_InvalidPullPolicyFrom, where.Location, additional, properties, policy, didYouMean, where.From));
        }

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

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA002, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string InvalidPullPolicyDescription = "The API server accepts exactly Always, IfNotPresent and Never, compared case-sensitively. Any other value makes the whole object fail validation with 'Unsupported value'.";

        internal static readonly DiagnosticDescriptor KMA002_InvalidPullPolicy = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' is not a valid imagePullPolicy: the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        /// <summary>KMA002 for a value that comes from elsewhere (an option default, a field, a local).</summary>
        internal static readonly DiagnosticDescriptor KMA002_InvalidPullPolicyFrom = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' ({2}) is not a valid imagePullPolicy: the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        /// <summary>
        /// KMA002 for <c>KubernetesEnvironmentResource.DefaultImagePullPolicy</c>, which Aspire.Hosting.Kubernetes writes
        /// on every container it generates without checking it.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA002_AspireInvalidDefaultPullPolicy = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' is not a valid DefaultImagePullPolicy: Aspire writes it unchecked on every container it generates for the environment, and the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);

        /// <summary>KMA002 for <c>DefaultImagePullPolicy</c> given a value that comes from elsewhere (a constant, a field, a local).</summary>
        internal static readonly DiagnosticDescriptor KMA002_AspireInvalidDefaultPullPolicyFrom = Create(
            DiagnosticIds.InvalidPullPolicy,
            "imagePullPolicy must be Always, IfNotPresent or Never",
            "'{0}' ({2}) is not a valid DefaultImagePullPolicy: Aspire writes it unchecked on every container it generates for the environment, and the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never{1}",
            Categories.Reliability,
            DiagnosticSeverity.Error,
            InvalidPullPolicyDescription);
    }
}
