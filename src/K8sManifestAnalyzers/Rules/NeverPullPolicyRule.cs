using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Aspire;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA007: the pull policy Never, which starts the pod only where the image was preloaded.</summary>
    internal static class NeverPullPolicyRule
    {
        /// <summary>
        /// Reports <paramref name="policy"/> when it is <c>Never</c>. The replacement offered is the API server's default
        /// for the image: <c>Always</c> when the constant goes with a mutable image (<paramref name="mutableImage"/>;
        /// <c>IfNotPresent</c> there would be KMA003), otherwise <c>IfNotPresent</c>.
        /// </summary>
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, string policy, bool mutableImage, ValueLocation? through = null)
        {
            if (policy != PullPolicy.Never)
            {
                return;
            }

            var where = through ?? ValueLocation.Of(written, constant);
            var properties = RuleProperties.Replacement(where.OnConstant ? (mutableImage ? PullPolicy.Always : PullPolicy.IfNotPresent) : null);
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA007_NeverPullPolicy, where.Location, properties)
                : Diagnostic.Create(Descriptors.KMA007_NeverPullPolicyFrom, where.Location, properties, where.From));
        }
    
        /// <summary><c>WithImagePullPolicy(ImagePullPolicy.Never)</c> on an Aspire container resource, on the policy argument; no fix.</summary>
        internal static void CheckAspire(Action<Diagnostic> report, AspireImage image)
        {
            if (image.Policy == "Never" && image.PolicyAt is { } at)
            {
                report(Diagnostic.Create(Descriptors.KMA007_AspireNeverPullPolicy, at, image.Text));
            }
        }
    

        /// <summary>The policy Never in a YAML manifest, on the value (no fix in YAML files).</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container)
        {
            if (container.PolicyText == PullPolicy.Never)
            {
                report(Diagnostic.Create(Descriptors.KMA007_YamlNeverPullPolicy, container.Policy!.Location, container.Facts?.Text ?? "the image"));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA007, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string NeverPolicyDescription = "With Never the kubelet never pulls. On a node without the image the container waits with ErrImageNeverPull, and there is no retry that could fix it.";

        internal static readonly DiagnosticDescriptor KMA007_NeverPullPolicy = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "ImagePullPolicy 'Never' starts the pod only on nodes that already have the image; elsewhere it waits in ErrImageNeverPull",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        /// <summary>KMA007 for a value that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA007_NeverPullPolicyFrom = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "ImagePullPolicy 'Never' ({0}) starts the pod only on nodes that already have the image; elsewhere it waits in ErrImageNeverPull",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        /// <summary>KMA007 for <c>WithImagePullPolicy(ImagePullPolicy.Never)</c> on an Aspire container resource.</summary>
        internal static readonly DiagnosticDescriptor KMA007_AspireNeverPullPolicy = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "WithImagePullPolicy(ImagePullPolicy.Never) never pulls '{0}': the container starts only where the image was loaded beforehand",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);

        /// <summary>KMA007 in a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA007_YamlNeverPullPolicy = Create(
            DiagnosticIds.NeverPullPolicy,
            "imagePullPolicy Never needs a preloaded image",
            "Pull policy 'Never' starts the pod only on nodes that already have '{0}'; elsewhere it waits in ErrImageNeverPull",
            Categories.Reliability,
            DiagnosticSeverity.Info,
            NeverPolicyDescription);
    }
}
