using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// One image a container resource of an Aspire app host can get: what Aspire composes from the values of one
    /// combination of its calls' arguments, with where each part is written, for the rules to judge and report.
    /// </summary>
    internal sealed class AspireImage
    {
        internal AspireImage(string text, ImageFacts? facts, PartialImageReference? partial, string calls, Location imageAt, Location? registryAt, Location tagAt, bool tagDefaulted, string imageArgument, string imageCall, Location problemAt, string? repair, string? policy, Location? policyAt, bool policyEditable = false)
        {
            Text = text;
            Facts = facts;
            Partial = partial;
            Calls = calls;
            ImageAt = imageAt;
            RegistryAt = registryAt;
            TagAt = tagAt;
            TagDefaulted = tagDefaulted;
            ImageArgument = imageArgument;
            ImageCall = imageCall;
            ProblemAt = problemAt;
            Repair = repair;
            Policy = policy;
            PolicyAt = policyAt;
            PolicyEditable = policyEditable;
        }

        /// <summary>The image Aspire composes (<c>registry/image:tag</c> or <c>registry/image@sha256:digest</c>), or its pattern.</summary>
        internal string Text { get; }

        /// <summary>The parsed image when every part is a constant; else null.</summary>
        internal ImageFacts? Facts { get; }

        /// <summary>What the constant parts make certain when some part is unknown; else null.</summary>
        internal PartialImageReference? Partial { get; }

        /// <summary>The calls it is composed from, in words: <c>AddContainer and WithImageTag</c>.</summary>
        internal string Calls { get; }

        /// <summary>Where the image's name is written: the image argument of <c>AddContainer</c> or <c>WithImage</c>.</summary>
        internal Location ImageAt { get; }

        /// <summary>Where <c>WithImageRegistry</c> gives the registry, when it gives one.</summary>
        internal Location? RegistryAt { get; }

        /// <summary>Where the tag, its absence or the digest is decided.</summary>
        internal Location TagAt { get; }

        /// <summary>True when no call gives a tag or a digest, so Aspire uses <c>latest</c>.</summary>
        internal bool TagDefaulted { get; }

        /// <summary>The image argument as given (the constant), for the message about Aspire's default tag.</summary>
        internal string ImageArgument { get; }

        /// <summary>The call that gives the image: <c>AddContainer</c> or <c>WithImage</c>.</summary>
        internal string ImageCall { get; }

        /// <summary>Where a malformed image is reported: the one part that makes it malformed, else the image argument.</summary>
        internal Location ProblemAt { get; }

        /// <summary>The literal at <see cref="ProblemAt"/> rewritten so that the image is valid (KMA004's fix); else null.</summary>
        internal string? Repair { get; }

        /// <summary>The <c>ImagePullPolicy</c> member <c>WithImagePullPolicy</c> gives (<c>Missing</c>, <c>Never</c>, …); else null.</summary>
        internal string? Policy { get; }

        internal Location? PolicyAt { get; }

        /// <summary>True when <c>WithImagePullPolicy</c>'s argument is written as the enum member (<c>ImagePullPolicy.Missing</c>), which a fix can rename.</summary>
        internal bool PolicyEditable { get; }

        /// <summary>The parsed reference when the image is a valid constant.</summary>
        internal ImageReference? Reference => Facts?.Reference;

        /// <summary>Where a finding about the registry goes: <c>WithImageRegistry</c>'s argument, else the image argument.</summary>
        internal Location NameAt => RegistryAt ?? ImageAt;
    }
}
