using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA003: IfNotPresent or Never with a mutable image, paired only where the two values can occur together (a
    /// constant with anything, the defaults with the defaults, not two unrelated branches).
    /// </summary>
    internal static class StalePullPolicyRule
    {
        internal static void Check(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts)
        {
            var policy = container.PullPolicy;
            if (policy.Operation is null)
            {
                return;
            }

            // When every image the container can get is mutable and every policy it can get does not pull, each
            // combination is stale, however the values are paired.
            bool everyPairStale = EveryImageMutable(container.Image, facts) && EveryPolicyStale(policy);

            foreach (var policyValue in policy.Values.Constants)
            {
                if (policyValue.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    continue;
                }

                foreach (var imageValue in container.Image.Values.Constants)
                {
                    if (imageValue.Text is not { } image || !facts.Image(image).IsMutable
                        || (!imageValue.CanOccurWith(policyValue) && !everyPairStale)
                        || policyValue.Test?.Takes(imageValue) == false)
                    {
                        continue;
                    }

                    var where = ValueLocation.Of(policy, policyValue);
                    string why = facts.Image(image).IsUntagged ? "no tag or digest, so 'latest'" : "tag 'latest'";
                    bool never = policyValue.Text == PullPolicy.Never;
                    var properties = RuleProperties.Replacement(where.OnConstant ? PullPolicy.Always : null);
                    string? from = ImageOrigin(container.Image, imageValue);
                    report(from is null
                        ? Diagnostic.Create(never ? Descriptors.KMA003_NeverWithMutableImage : Descriptors.KMA003_StalePolicyForMutableImage, where.Location, properties, image, why)
                        : Diagnostic.Create(never ? Descriptors.KMA003_NeverWithMutableImageFrom : Descriptors.KMA003_StalePolicyForMutableImageFrom, where.Location, properties, image, why, from));
                    break;
                }
            }
        }

        /// <summary>
        /// KMA003 for a container a factory creates, at one call: pairs where the image or the policy is a constant the
        /// call passes, reported on that argument and naming the factory. Pairs of the factory's own constants are
        /// reported in the factory.
        /// </summary>
        internal static void CheckThroughCall(Action<Diagnostic> report, ContainerModel container, IOperation call, string factory, CompilationFacts facts)
        {
            foreach (var policyValue in container.PullPolicy.Values.Constants)
            {
                if (policyValue.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    continue;
                }

                foreach (var imageValue in container.Image.Values.Constants)
                {
                    bool imagePassed = Passed(imageValue, call);
                    bool policyPassed = Passed(policyValue, call);
                    if (imageValue.Text is not { } image || (!imagePassed && !policyPassed) || !imageValue.CanOccurWith(policyValue) || !facts.Image(image).IsMutable
                        || policyValue.Test?.Takes(imageValue) == false)
                    {
                        continue;
                    }

                    string why = facts.Image(image).IsUntagged ? "no tag or digest, so 'latest'" : "tag 'latest'";
                    bool never = policyValue.Text == PullPolicy.Never;
                    var location = (policyPassed ? policyValue : imageValue).Origin.Syntax.GetLocation();
                    var properties = RuleProperties.Replacement(policyPassed ? PullPolicy.Always : null);
                    report(Diagnostic.Create(
                        never ? Descriptors.KMA003_NeverWithMutableImageFrom : Descriptors.KMA003_StalePolicyForMutableImageFrom,
                        location,
                        properties,
                        image,
                        why,
                        "created by " + factory));
                    break;
                }
            }
        }

        private static bool EveryImageMutable(ManifestValue image, CompilationFacts facts)
        {
            if (image.Values.HasUnknown || image.Values.Constants.IsEmpty)
            {
                return false;
            }

            foreach (var value in image.Values.Constants)
            {
                if (value.Text is not { } text || !facts.Image(text).IsMutable)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool EveryPolicyStale(ManifestValue policy)
        {
            if (policy.Values.HasUnknown || policy.Values.Constants.IsEmpty)
            {
                return false;
            }

            foreach (var value in policy.Values.Constants)
            {
                if (value.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the constant is written in the call's arguments.</summary>
        internal static bool Passed(PossibleValue value, IOperation call) =>
            value.Origin.Syntax.SyntaxTree == call.Syntax.SyntaxTree && call.Syntax.Span.Contains(value.Origin.Syntax.Span);

        // Where the image comes from, when that is not the image written as a literal.
        private static string? ImageOrigin(ManifestValue image, PossibleValue value) =>
            value.Description ?? (image.Operation is { } written && written.Syntax.SyntaxTree == value.Origin.Syntax.SyntaxTree && written.Syntax.Span.Contains(value.Origin.Syntax.Span)
                ? null
                : "from " + ValueFolder.Describe(value.Origin));
    }
}
