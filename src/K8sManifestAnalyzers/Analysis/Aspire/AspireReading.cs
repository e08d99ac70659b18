using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>What one container resource's chain, read from one call, gives.</summary>
    internal sealed class AspireReading
    {
        internal static readonly AspireReading Unknown = new(ImmutableArray<AspireImage>.Empty, ImmutableArray<AspireHelperBody>.Empty, returned: false);

        internal AspireReading(ImmutableArray<AspireImage> images, ImmutableArray<AspireHelperBody> factories, bool returned)
        {
            Images = images;
            Factories = factories;
            Returned = returned;
        }

        /// <summary>The images the resource can get; empty when they are not known or the builder is returned.</summary>
        internal ImmutableArray<AspireImage> Images { get; }

        /// <summary>The helpers that add the container the chain is read through: what is written in them is reported from there.</summary>
        internal ImmutableArray<AspireHelperBody> Factories { get; }

        /// <summary>True when the builder is returned from the body read, to callers that complete the image.</summary>
        internal bool Returned { get; }

        /// <summary>True when <paramref name="location"/> is in one of <see cref="Factories"/>.</summary>
        internal bool InFactory(Location location)
        {
            foreach (var factory in Factories)
            {
                if (factory.Contains(location))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
