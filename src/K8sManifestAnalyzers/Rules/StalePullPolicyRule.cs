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

            foreach (var policyValue in policy.Values.Constants)
            {
                if (policyValue.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    continue;
                }

                foreach (var imageValue in container.Image.Values.Constants)
                {
                    if (imageValue.Text is not { } image || !imageValue.CanOccurWith(policyValue) || !facts.Image(image).IsMutable)
                    {
                        continue;
                    }

                    var where = ValueLocation.Of(policy, policyValue);
                    string why = facts.Image(image).IsUntagged ? "no tag or digest, so 'latest'" : "tag 'latest'";
                    bool never = policyValue.Text == PullPolicy.Never;
                    var properties = RuleProperties.Replacement(where.OnConstant ? Replacement(policyValue) : null);
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
                    if (imageValue.Text is not { } image || (!imagePassed && !policyPassed) || !imageValue.CanOccurWith(policyValue) || !facts.Image(image).IsMutable)
                    {
                        continue;
                    }

                    string why = facts.Image(image).IsUntagged ? "no tag or digest, so 'latest'" : "tag 'latest'";
                    bool never = policyValue.Text == PullPolicy.Never;
                    var location = (policyPassed ? policyValue : imageValue).Origin.Syntax.GetLocation();
                    var properties = RuleProperties.Replacement(policyPassed ? Replacement(policyValue) : null);
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

        /// <summary>
        /// What the fix writes: <c>Always</c> in place of <c>IfNotPresent</c>; nothing in place of <c>Never</c>, which
        /// is chosen on purpose (an image loaded onto the nodes, <c>kind load docker-image</c>, an air-gapped cluster)
        /// and which <c>Always</c> would break with <c>ErrImagePull</c>. KMA007 speaks for <c>Never</c>.
        /// </summary>
        private static string? Replacement(PossibleValue policy) => policy.Text == PullPolicy.Never ? null : PullPolicy.Always;

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
