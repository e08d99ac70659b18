using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>One container (or image volume) creation with its image and pull policy, as far as the code shows them.</summary>
    internal sealed class ContainerModel
    {
        /// <param name="creation">Where the container is created (the C# reader's: the <c>new</c>, <c>with</c> or factory call).</param>
        /// <param name="at">Where a finding about the whole container goes.</param>
        /// <param name="isAspire">True for a container of Aspire.Hosting.Kubernetes' model (see <see cref="IsAspire"/>).</param>
        internal ContainerModel(ValueSite creation, Location at, ManifestValue image, ManifestValue pullPolicy, bool isImageVolume, bool isAspire)
        {
            Creation = creation;
            At = at;
            Image = image;
            PullPolicy = pullPolicy;
            IsImageVolume = isImageVolume;
            IsAspire = isAspire;
        }

        /// <summary>
        /// True for a <c>V1ImageVolumeSource</c>: <see cref="Image"/> is its <c>Reference</c> and <see cref="PullPolicy"/>
        /// its <c>PullPolicy</c>, defaulted like a container's.
        /// </summary>
        internal bool IsImageVolume { get; }

        /// <summary>Where the container is created: the <c>new</c> or <c>with</c> expression, or the factory call.</summary>
        /// <remarks>For a <c>with</c> copy, what the copy does not write is <see cref="ValueState.Unknown"/>.</remarks>
        internal ValueSite Creation { get; }

        /// <summary>
        /// Where a finding about the whole container goes: <c>new V1Container</c> (the keyword and the type),
        /// <c>new</c> for a target-typed creation, <c>with</c> for a copy.
        /// </summary>
        internal Location At { get; }

        internal ManifestValue Image { get; }

        internal ManifestValue PullPolicy { get; }

        /// <summary>
        /// True when the API server may choose the pull policy: it is not written, written as null or empty, or written
        /// on some paths only. KMA001 reports that; the rules that judge a written policy leave such a container alone.
        /// A <c>with</c> copy keeps the original's policy (read as unknown) unless it writes one of those.
        /// </summary>
        /// <remarks>
        /// Never for an Aspire.Hosting.Kubernetes <c>ContainerV1</c>: Aspire serializes the object with the policy it
        /// holds, <c>"IfNotPresent"</c> unless written (<see cref="PolicyIsAspireDefault"/>); what a null or empty value
        /// becomes there is not known, and no rule speaks for it.
        /// </remarks>
        internal bool PolicyLeftToServer =>
            !IsAspire && (!PullPolicy.IsSet || PullPolicy.State == ValueState.Null || PullPolicy.Text is { Length: 0 } || PullPolicy.SomePathsOnly);

        /// <summary>
        /// True for a container of Aspire.Hosting.Kubernetes' model (<c>ContainerV1</c>, <c>EphemeralContainerV1</c>), which
        /// Aspire writes into the YAML itself, defaults included.
        /// </summary>
        internal bool IsAspire { get; }

        /// <summary>
        /// True when an Aspire <c>ContainerV1</c>'s policy is written nowhere the body shows: Aspire's property initializer
        /// gives it <c>"IfNotPresent"</c>, and that is what reaches the cluster.
        /// </summary>
        internal bool PolicyIsAspireDefault => IsAspire && PullPolicy.State == ValueState.Unset;

        /// <summary>
        /// A mutable image (<c>:latest</c>, a tag of <paramref name="tags"/>, or untagged) this container can have together with the pull-policy constant
        /// <paramref name="policy"/>, one of <see cref="PullPolicy"/>'s values; null when there is none. These are the
        /// pairs KMA003 judges.
        /// </summary>
        private string? MutableImageWith(PossibleValue policy, CompilationFacts facts, Model.MutableTags tags)
        {
            foreach (var image in Image.Values.Constants)
            {
                if (image.Text is { } text && image.CanOccurWith(policy) && facts.Image(text).Reference is { } reference && tags.IsMutable(reference))
                {
                    return text;
                }
            }

            return null;
        }

        /// <summary>
        /// True when <paramref name="policy"/> is one of this container's pull-policy constants (the same expression) and
        /// every image the container can have is a constant pinned by digest.
        /// </summary>
        internal bool HasOnlyPinnedImagesWith(PossibleValue policy, CompilationFacts facts)
        {
            if (!HoldsPolicy(policy) || Image.Values.HasUnknown || !Image.Values.Partials.IsEmpty || Image.Values.Constants.IsEmpty)
            {
                return false;
            }

            foreach (var image in Image.Values.Constants)
            {
                if (image.Text is not { } text || facts.Image(text).Reference is not { IsPinned: true })
                {
                    return false;
                }
            }

            return true;
        }

        // True when the policy constant is one of this container's (the same expression).
        internal bool HoldsPolicy(PossibleValue policy)
        {
            foreach (var own in PullPolicy.Values.Constants)
            {
                if (own.Origin.SameAs(policy.Origin))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="policy"/>, a constant written to some pull policy, is one of this container's
        /// pull-policy constants (the same expression) and goes with a mutable image here.
        /// </summary>
        internal bool HasMutableImageWith(PossibleValue policy, CompilationFacts facts, Model.MutableTags tags)
        {
            foreach (var own in PullPolicy.Values.Constants)
            {
                if (own.Origin.SameAs(policy.Origin) && MutableImageWith(own, facts, tags) is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
