using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Values;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// The containers one body creates (or the one a builder or factory call makes), read once before its writes are
    /// judged, for the value rules whose fix depends on the image a pull policy goes with: where KMA003 would rewrite
    /// <c>IfNotPresent</c> to <c>Always</c>, the fixes of KMA002 and KMA007 write <c>Always</c> themselves, so that no
    /// fix rewrites what another wrote and the order of the fixes does not matter.
    /// </summary>
    internal sealed class BlockContainers
    {
        /// <summary>No container: a write in a helper whose container is its caller's.</summary>
        internal static readonly BlockContainers None = new(Array.Empty<ContainerModel>());

        private readonly IReadOnlyList<ContainerModel> _containers;

        internal BlockContainers(IReadOnlyList<ContainerModel> containers) => _containers = containers;

        /// <summary>
        /// True when the pull-policy constant goes with a mutable image in one of the containers (a pair KMA003 would
        /// judge if the constant were <c>IfNotPresent</c> or <c>Never</c>).
        /// </summary>
        internal bool HaveMutableImageWith(PossibleValue policy, CompilationFacts facts, Model.MutableTags tags)
        {
            foreach (var container in _containers)
            {
                if (container.HasMutableImageWith(policy, facts, tags))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when some container holds the pull-policy constant and every one that holds it has only images pinned by
        /// digest: no pull can bring a different build there (KMA012 leaves it alone).
        /// </summary>
        internal bool HaveOnlyPinnedImagesWith(PossibleValue policy, CompilationFacts facts)
        {
            bool any = false;
            foreach (var container in _containers)
            {
                if (container.HasOnlyPinnedImagesWith(policy, facts))
                {
                    any = true;
                }
                else if (container.HoldsPolicy(policy))
                {
                    return false;
                }
            }

            return any;
        }
    }
}
