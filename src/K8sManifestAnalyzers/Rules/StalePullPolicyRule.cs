using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Analysis.Aspire;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA003: IfNotPresent or Never with a mutable image, paired only where the two values can occur together (a
    /// constant with anything, the defaults with the defaults, not two unrelated branches).
    /// </summary>
    internal static class StalePullPolicyRule
    {
        internal static void Check(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts, MutableTags tags)
        {
            var policy = container.PullPolicy;
            if (container.PolicyIsAspireDefault)
            {
                CheckAspireDefault(report, container, facts, tags);
                return;
            }

            if (!policy.IsWritten || container.PolicyLeftToServer)
            {
                // Not written, or left to the server on some path: KMA001's finding.
                return;
            }

            // When every image the container can get is mutable and every policy it can get does not pull, each
            // combination is stale, however the values are paired.
            bool everyPairStale = EveryImageMutable(container.Image, facts, tags) && EveryPolicyStale(policy);

            foreach (var policyValue in policy.Values.Constants)
            {
                if (policyValue.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    continue;
                }

                bool reported = false;
                foreach (var imageValue in container.Image.Values.Constants)
                {
                    if (imageValue.Text is not { } image || MutableTag(facts, image, tags) is not { } tag
                        || (!imageValue.CanOccurWith(policyValue) && !everyPairStale)
                        || policyValue.Test?.Takes(imageValue) == false)
                    {
                        continue;
                    }

                    Report(report, policy, policyValue, image, tag, ValueLocation.OriginOf(container.Image, imageValue));
                    reported = true;
                    break;
                }

                // An image with unknown parts whose tag is known (`$"{repository}:latest"`); one whose tag is unknown
                // (`$"app:{tag}"`) is never paired.
                foreach (var partial in container.Image.Values.Partials)
                {
                    if (reported || !partial.CanOccurWith(policyValue) || PartialImageReference.Of(partial.Texts) is not { } image || !tags.IsMutable(image))
                    {
                        continue;
                    }

                    Report(report, policy, policyValue, partial.Pattern, image.IsUntagged ? null : image.Tag, ValueLocation.OriginOf(container.Image, partial));
                    break;
                }
            }
        }

        // An Aspire ContainerV1 that does not write its policy gets Aspire's 'IfNotPresent': each mutable image it can have
        // is reported where it is written (there is no policy in the code to rewrite).
        private static void CheckAspireDefault(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts, MutableTags tags)
        {
            foreach (var imageValue in container.Image.Values.Constants)
            {
                if (imageValue.Text is { } image && MutableTag(facts, image, tags) is { } tag)
                {
                    var where = ValueLocation.Of(container.Image, imageValue);
                    report(Diagnostic.Create(Descriptors.KMA003_AspireDefaultPolicyWithMutableImage, where.Location, image, Why(tag)));
                }
            }

            foreach (var partial in container.Image.Values.Partials)
            {
                if (PartialImageReference.Of(partial.Texts) is { } image && tags.IsMutable(image))
                {
                    report(Diagnostic.Create(Descriptors.KMA003_AspireDefaultPolicyWithMutableImage, ValueLocation.Of(partial), partial.Pattern, Why(image.IsUntagged ? null : image.Tag)));
                }
            }
        }

        /// <summary>
        /// An Aspire container resource with a mutable image, published to the body's one Kubernetes environment, whose
        /// <c>DefaultImagePullPolicy</c> (Aspire writes it on every container it generates) is 'IfNotPresent'. Reported
        /// where the tag is decided, like KMA005, with the policy's write as additional location when the body writes it.
        /// </summary>
        internal static void CheckAspireEnvironment(Action<Diagnostic> report, AspireImage image, AspireEnvironment environment, MutableTags tags)
        {
            if (environment.Policy != PullPolicy.IfNotPresent || !IsMutable(image, tags, out string? tag))
            {
                return;
            }

            // A written "IfNotPresent" literal: the fix writes "Always" there (SetPullPolicyCodeFix, at the additional location).
            report(environment.WrittenAt is { } written
                ? Diagnostic.Create(Descriptors.KMA003_AspireEnvironmentPolicyWithMutableImage, image.TagAt, new[] { written }, RuleProperties.ReplacementAtDeclaration(environment.WrittenAsLiteral ? PullPolicy.Always : null, written), image.Text, image.Calls, Why(tag))
                : Diagnostic.Create(Descriptors.KMA003_AspireEnvironmentDefaultWithMutableImage, image.TagAt, image.Text, image.Calls, Why(tag)));
        }

        private static void Report(Action<Diagnostic> report, ManifestValue policy, PossibleValue policyValue, string image, string? tag, string? from)
        {
            var where = ValueLocation.Of(policy, policyValue);
            string why = Why(tag);
            bool never = policyValue.Text == PullPolicy.Never;
            var properties = RuleProperties.Replacement(where.OnConstant ? Replacement(policyValue) : null);
            report(from is null
                ? Diagnostic.Create(never ? Descriptors.KMA003_NeverWithMutableImage : Descriptors.KMA003_StalePolicyForMutableImage, where.Location, properties, image, why)
                : Diagnostic.Create(never ? Descriptors.KMA003_NeverWithMutableImageFrom : Descriptors.KMA003_StalePolicyForMutableImageFrom, where.Location, properties, image, why, from));
        }

        /// <summary>
        /// KMA003 for a container a factory creates, at one call: pairs where the image or the policy is a constant the
        /// call passes, reported on that argument and naming the factory. Pairs of the factory's own constants are
        /// reported in the factory.
        /// </summary>
        internal static void CheckThroughCall(Action<Diagnostic> report, ContainerModel container, CallSite call, CompilationFacts facts, MutableTags tags)
        {
            foreach (var policyValue in container.PullPolicy.Values.Constants)
            {
                if (policyValue.Text is not (PullPolicy.IfNotPresent or PullPolicy.Never))
                {
                    continue;
                }

                bool policyPassed = ValueLocation.IsPassedBy(policyValue, call);
                bool reported = false;
                foreach (var imageValue in container.Image.Values.Constants)
                {
                    bool imagePassed = ValueLocation.IsPassedBy(imageValue, call);
                    if (imageValue.Text is not { } image || (!imagePassed && !policyPassed) || !imageValue.CanOccurWith(policyValue) || MutableTag(facts, image, tags) is not { } tag
                        || policyValue.Test?.Takes(imageValue) == false)
                    {
                        continue;
                    }

                    // On the policy the call writes; else on the image it passes (a policy left to the factory's default
                    // is chosen by omission, and the call is no place to rewrite it).
                    bool policyWritten = policyPassed && ValueLocation.IsWrittenIn(policyValue, call);
                    var at = policyWritten || !imagePassed ? ValueLocation.ChosenAt(policyValue, call) : ValueLocation.ChosenAt(imageValue, call);
                    ReportThroughCall(report, policyValue, at, policyWritten, image, tag, call.Method);
                    reported = true;
                    break;
                }

                foreach (var partial in container.Image.Values.Partials)
                {
                    if (reported || (!ValueLocation.IsWrittenIn(partial, call) && !policyPassed) || !partial.CanOccurWith(policyValue)
                        || PartialImageReference.Of(partial.Texts) is not { } image || !tags.IsMutable(image))
                    {
                        continue;
                    }

                    ReportThroughCall(report, policyValue, policyPassed ? policyValue.Location : ValueLocation.Of(partial), policyPassed, partial.Pattern, image.IsUntagged ? null : image.Tag, call.Method);
                    break;
                }
            }
        }

        private static bool EveryImageMutable(ManifestValue image, CompilationFacts facts, MutableTags tags)
        {
            if (image.Values.HasUnknown || image.Values.Constants.IsEmpty)
            {
                return false;
            }

            foreach (var value in image.Values.Constants)
            {
                if (value.Text is not { } text || MutableTag(facts, text, tags) is null)
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

        private static void ReportThroughCall(Action<Diagnostic> report, PossibleValue policyValue, Location at, bool policyPassed, string image, string? tag, string factory)
        {
            string why = Why(tag);
            bool never = policyValue.Text == PullPolicy.Never;
            var properties = RuleProperties.Replacement(policyPassed ? Replacement(policyValue) : null);
            report(Diagnostic.Create(
                never ? Descriptors.KMA003_NeverWithMutableImageFrom : Descriptors.KMA003_StalePolicyForMutableImageFrom,
                at,
                properties,
                image,
                why,
                "created by " + factory));
        }

        /// <summary>
        /// For a mutable image (<paramref name="tags"/>), the tag that makes it so: <c>latest</c> (also for an image with no
        /// tag and no digest) or a listed tag; null for any other image, valid or not.
        /// </summary>
        private static string? MutableTag(CompilationFacts facts, string image, MutableTags tags) =>
            facts.Image(image).Reference is { } reference && tags.IsMutable(reference) ? reference.Tag ?? string.Empty : null;

        // The message's clause for a mutable tag ("" or null: none at all).
        private static string Why(string? tag) =>
            tag is null or { Length: 0 } ? "no tag or digest, so 'latest'"
            : tag == MutableTags.Latest ? "tag 'latest'"
            : $"tag '{tag}', listed in k8s_manifests.mutable_tags";

        /// <summary>
        /// What the fix writes: <c>Always</c> in place of <c>IfNotPresent</c>; nothing in place of <c>Never</c>, which
        /// is chosen on purpose (an image loaded onto the nodes, <c>kind load docker-image</c>, an air-gapped cluster)
        /// and which <c>Always</c> would break with <c>ErrImagePull</c>. KMA007 speaks for <c>Never</c>.
        /// </summary>
        private static string? Replacement(PossibleValue policy) => policy.Text == PullPolicy.Never ? null : PullPolicy.Always;

    
        /// <summary>
        /// <c>WithImagePullPolicy(ImagePullPolicy.Missing)</c> on an Aspire container resource whose composed image is
        /// mutable, on the policy argument. (Never is KMA007's.)
        /// </summary>
        internal static void CheckAspire(Action<Diagnostic> report, AspireImage image, MutableTags tags)
        {
            if (image.Policy != "Missing" || image.PolicyAt is not { } at || !IsMutable(image, tags, out string? tag))
            {
                return;
            }

            // ImagePullPolicy.Missing written as the member: the fix renames it to Always.
            var properties = image.PolicyEditable
                ? RuleProperties.Replacement(PullPolicy.Always).Add(DiagnosticProperties.EnumMember, "true")
                : ImmutableDictionary<string, string?>.Empty;
            report(Diagnostic.Create(Descriptors.KMA003_AspireMissingWithMutableImage, at, properties, image.Text, image.Calls, Why(tag)));
        }

        // A composed Aspire image that is mutable (a tag of the list, 'latest', or none, which Aspire makes 'latest'), with
        // the tag that makes it so (null: none at all).
        private static bool IsMutable(AspireImage image, MutableTags tags, out string? tag)
        {
            tag = null;
            if (image.Reference is { } reference && tags.IsMutable(reference))
            {
                tag = reference.Tag;
                return true;
            }

            if (image.Partial is { Problem: null } partial && tags.IsMutable(partial))
            {
                tag = partial.IsUntagged ? null : partial.Tag;
                return true;
            }

            return false;
        }

        /// <summary>IfNotPresent or Never with a mutable image in a YAML manifest, on the policy.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, YamlContainer container, MutableTags tags)
        {
            if (container.PolicyText is not (PullPolicy.IfNotPresent or PullPolicy.Never) || container.Facts?.Reference is not { } reference || !tags.IsMutable(reference))
            {
                return;
            }

            var descriptor = container.PolicyText == PullPolicy.Never ? Descriptors.KMA003_YamlNeverWithMutableImage : Descriptors.KMA003_YamlStalePolicyForMutableImage;
            report(Diagnostic.Create(descriptor, container.Policy!.Location, container.Facts.Text, Why(reference.Tag), container.IsImageVolume ? "pullPolicy" : "imagePullPolicy"));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA003, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string StalePolicyDescription = "With IfNotPresent or Never, a node that already has the image never pulls it again. For ':latest' or an untagged image that means different nodes run different builds, and a new push never reaches nodes that had the old one.";

        internal static readonly DiagnosticDescriptor KMA003_StalePolicyForMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but ImagePullPolicy is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for <c>Never</c>, which never pulls at all.</summary>
        internal static readonly DiagnosticDescriptor KMA003_NeverWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but ImagePullPolicy is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for an image that comes from elsewhere (an option default, a fallback, a field).</summary>
        internal static readonly DiagnosticDescriptor KMA003_StalePolicyForMutableImageFrom = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' ({2}) is mutable ({1}) but ImagePullPolicy is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for <c>Never</c> and an image that comes from elsewhere.</summary>
        internal static readonly DiagnosticDescriptor KMA003_NeverWithMutableImageFrom = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' ({2}) is mutable ({1}) but ImagePullPolicy is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for <c>WithImagePullPolicy(ImagePullPolicy.Missing)</c> on an Aspire container resource with a mutable image.</summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireMissingWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' that Aspire composes from {1} is mutable ({2}) but WithImagePullPolicy gives ImagePullPolicy.Missing: nodes keep whatever they pulled first; use ImagePullPolicy.Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>
        /// KMA003 for an Aspire.Hosting.Kubernetes <c>ContainerV1</c> whose ImagePullPolicy is not written: Aspire writes
        /// its default 'IfNotPresent', so the finding goes on the image, where it can be acted on.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireDefaultPolicyWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) and this ContainerV1 does not set ImagePullPolicy, so Aspire writes its default 'IfNotPresent': nodes keep whatever they pulled first; set ImagePullPolicy = \"Always\" or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>
        /// KMA003 for an Aspire container resource with a mutable image, published to a Kubernetes environment whose
        /// DefaultImagePullPolicy is left at Aspire's 'IfNotPresent'.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireEnvironmentDefaultWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' that Aspire composes from {1} is mutable ({2}), and AddKubernetesEnvironment leaves DefaultImagePullPolicy at Aspire's 'IfNotPresent', which Aspire writes on the container it generates: nodes keep whatever they pulled first; set DefaultImagePullPolicy = \"Always\" in WithProperties or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for the same, with DefaultImagePullPolicy written as 'IfNotPresent' (the write is the additional location).</summary>
        internal static readonly DiagnosticDescriptor KMA003_AspireEnvironmentPolicyWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' that Aspire composes from {1} is mutable ({2}), and the Kubernetes environment's DefaultImagePullPolicy is 'IfNotPresent', which Aspire writes on the container it generates: nodes keep whatever they pulled first; set DefaultImagePullPolicy to \"Always\" or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for IfNotPresent in a YAML manifest ({2}: the field, imagePullPolicy or pullPolicy).</summary>
        internal static readonly DiagnosticDescriptor KMA003_YamlStalePolicyForMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but {2} is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);

        /// <summary>KMA003 for Never in a YAML manifest.</summary>
        internal static readonly DiagnosticDescriptor KMA003_YamlNeverWithMutableImage = Create(
            DiagnosticIds.StalePolicyForMutableImage,
            "Mutable image with a pull policy that does not pull",
            "Image '{0}' is mutable ({1}) but {2} is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            StalePolicyDescription);
    }
}
