using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>One container (or image volume) creation with its image and pull policy, as far as the code shows them.</summary>
    internal sealed class ContainerModel
    {
        internal ContainerModel(IOperation creation, ManifestValue image, ManifestValue pullPolicy, bool isImageVolume = false)
        {
            Creation = creation;
            Image = image;
            PullPolicy = pullPolicy;
            IsImageVolume = isImageVolume;
        }

        /// <summary>
        /// True for a <c>V1ImageVolumeSource</c>: <see cref="Image"/> is its <c>Reference</c> and <see cref="PullPolicy"/>
        /// its <c>PullPolicy</c>, defaulted like a container's.
        /// </summary>
        internal bool IsImageVolume { get; }

        /// <summary>The <c>new</c> or <c>with</c> expression.</summary>
        /// <remarks>For a <c>with</c> copy, what the copy does not write is <see cref="ValueState.Unknown"/>.</remarks>
        internal IOperation Creation { get; }

        internal ManifestValue Image { get; }

        internal ManifestValue PullPolicy { get; }
    }
}
