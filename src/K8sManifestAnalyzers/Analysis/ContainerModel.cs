using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>One container creation with its image and pull policy, as far as the code shows them.</summary>
    internal sealed class ContainerModel
    {
        internal ContainerModel(IOperation creation, ManifestValue image, ManifestValue pullPolicy)
        {
            Creation = creation;
            Image = image;
            PullPolicy = pullPolicy;
        }

        /// <summary>The <c>new</c> or <c>with</c> expression.</summary>
        /// <remarks>For a <c>with</c> copy, what the copy does not write is <see cref="ValueState.Unknown"/>.</remarks>
        internal IOperation Creation { get; }

        internal ManifestValue Image { get; }

        internal ManifestValue PullPolicy { get; }
    }
}
