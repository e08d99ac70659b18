using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>One container creation with its image and pull policy, as far as the code shows them.</summary>
    internal sealed class ContainerModel
    {
        internal ContainerModel(IOperation creation, bool isCopy, ManifestValue image, ManifestValue pullPolicy)
        {
            Creation = creation;
            IsCopy = isCopy;
            Image = image;
            PullPolicy = pullPolicy;
        }

        /// <summary>The <c>new</c> or <c>with</c> expression.</summary>
        internal IOperation Creation { get; }

        /// <summary>
        /// True for a <c>with</c> expression: properties it does not write come from the original, so they are
        /// unknown rather than unset.
        /// </summary>
        internal bool IsCopy { get; }

        internal ManifestValue Image { get; }

        internal ManifestValue PullPolicy { get; }
    }
}
