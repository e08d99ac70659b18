using System;
using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// One registry, or one repository namespace of a registry, that its owner froze or moved, with where its images
    /// live now and the owner's announcement. Only moves their owners documented are listed (<see cref="RegistryMoves"/>).
    /// </summary>
    public sealed class RegistryMove
    {
        // Which images of the namespace moved, from their path (null when not known), tag and whether they carry a digest.
        private readonly Func<string?, string?, bool, bool> _applies;

        internal RegistryMove(string fromDomain, string? fromPath, string toDomain, string? toPath, string what, string source, Func<string?, string?, bool, bool>? applies = null)
        {
            FromDomain = fromDomain;
            FromPath = fromPath;
            ToDomain = toDomain;
            ToPath = toPath;
            What = what;
            Source = source;
            _applies = applies ?? (static (_, _, _) => true);
        }

        /// <summary>The domain the images were pulled from (<c>k8s.gcr.io</c>).</summary>
        public string FromDomain { get; }

        /// <summary>The first path segment when only one namespace moved (<c>bitnami</c> on <c>docker.io</c>); else null.</summary>
        public string? FromPath { get; }

        /// <summary>The domain the images live on now.</summary>
        public string ToDomain { get; }

        /// <summary>The namespace that replaces <see cref="FromPath"/>; null when the path is kept as it is.</summary>
        public string? ToPath { get; }

        /// <summary>What happened, in a clause that follows "which" (<c>was frozen on 2023-04-03 …</c>).</summary>
        public string What { get; }

        /// <summary>The owner's announcement.</summary>
        public string Source { get; }

        /// <summary>The moved registry or namespace as a user reads it (<c>k8s.gcr.io</c>, <c>docker.io/bitnami</c>).</summary>
        public string From => FromPath is null ? FromDomain : FromDomain + "/" + FromPath;

        /// <summary>Where the images are now (<c>registry.k8s.io</c>, <c>docker.io/bitnamilegacy</c>).</summary>
        public string To => ToPath is null ? ToDomain : ToDomain + "/" + ToPath;

        /// <summary>True when this move concerns the image (registry hosts compare case-insensitively).</summary>
        public bool Applies(ImageReference reference)
        {
            if (reference.Domain is not { } domain || !string.Equals(domain, FromDomain, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return (FromPath is null || (reference.Path.Length > FromPath.Length && reference.Path[FromPath.Length] == '/'
                    && reference.Path.StartsWith(FromPath, StringComparison.Ordinal)))
                && _applies(reference.Path, reference.Tag, reference.Digest is not null);
        }

        /// <summary>
        /// True when this move concerns every value of an image with unknown parts: its registry (and namespace) are
        /// certain, and so is whatever else decides (the tag, for a namespace whose versioned tags moved).
        /// </summary>
        public bool Applies(PartialImageReference image)
        {
            string? known = image.Name ?? image.NamePrefix;
            string from = From + "/";
            if (known is null || known.Length < from.Length || !string.Equals(known.Substring(0, FromDomain.Length), FromDomain, StringComparison.OrdinalIgnoreCase)
                || !known.Substring(FromDomain.Length).StartsWith(from.Substring(FromDomain.Length), StringComparison.Ordinal))
            {
                return false;
            }

            string? path = image.Name?.Substring(image.Name.IndexOf('/') + 1);
            return _applies(path, image.Tag, image.IsPinned);
        }

        /// <summary>
        /// The image as written with the registry (or namespace) replaced and the rest kept: path, tag and digest, and the
        /// way the user wrote the Docker Hub domain (<c>bitnami/redis:7.2</c> becomes <c>bitnamilegacy/redis:7.2</c>,
        /// <c>docker.io/bitnami/redis:7.2</c> becomes <c>docker.io/bitnamilegacy/redis:7.2</c>). Null when
        /// <paramref name="written"/> is not a valid reference this move applies to.
        /// </summary>
        public string? Rewrite(string written)
        {
            if (!ImageReference.TryParseNormalized(written, out var reference, out _) || !Applies(reference!))
            {
                return null;
            }

            // Where the path starts in the written text: after the first segment when that segment is a host.
            int slash = written.IndexOf('/');
            int pathStart = 0;
            if (slash > 0)
            {
                string first = written.Substring(0, slash);
                if (first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost" || !string.Equals(first.ToLowerInvariant(), first, StringComparison.Ordinal))
                {
                    pathStart = slash + 1;
                }
            }

            if (FromPath is null)
            {
                return pathStart == 0 ? null : ToDomain + "/" + written.Substring(pathStart);
            }

            // A namespace move keeps the domain as written (none, docker.io or index.docker.io) when it stays the same.
            if (!written.Substring(pathStart).StartsWith(FromPath + "/", StringComparison.Ordinal))
            {
                return null;
            }

            string domain = string.Equals(ToDomain, FromDomain, StringComparison.OrdinalIgnoreCase)
                ? written.Substring(0, pathStart)
                : ToDomain + "/";
            return domain + (ToPath ?? FromPath) + written.Substring(pathStart + FromPath.Length);
        }
    }

    /// <summary>
    /// The registries and namespaces whose owners froze or moved them, each with its source. Add an entry only with the
    /// owner's own announcement, and list it on the KMA010 page.
    /// </summary>
    public static class RegistryMoves
    {
        /// <summary>Every documented move.</summary>
        public static ImmutableArray<RegistryMove> All { get; } = ImmutableArray.Create(
            // The Kubernetes project: "k8s.gcr.io Redirect to registry.k8s.io" (2023-03-10) and "k8s.gcr.io Image
            // Registry Will Be Frozen From the 3rd of April 2023" (2023-02-06). Same paths, tags and digests.
            new RegistryMove(
                "k8s.gcr.io",
                null,
                "registry.k8s.io",
                null,
                "the Kubernetes project froze on 2023-04-03 (no new images or security patches; it only redirects to registry.k8s.io, which restricted networks and some clients do not follow)",
                "https://kubernetes.io/blog/2023/03/10/image-registry-redirect/"),

            // Bitnami: "Upcoming changes to the Bitnami catalog (effective August 28th, 2025)". Versioned tags moved from
            // docker.io/bitnami to docker.io/bitnamilegacy, frozen; docker.io/bitnami keeps only `latest` of a subset.
            // bitnami/minideb, the base image, was not part of the move.
            new RegistryMove(
                "docker.io",
                "bitnami",
                "docker.io",
                "bitnamilegacy",
                "Bitnami emptied of versioned tags from 2025-08-28 (they moved to docker.io/bitnamilegacy, frozen, with no further updates: plan a maintained image)",
                "https://github.com/bitnami/containers/issues/83267",
                static (path, tag, pinned) => path is not null && path != "bitnami/minideb" && (pinned || (tag is not null && tag != MutableTags.Latest))));

        /// <summary>The move that concerns <paramref name="reference"/>, or null.</summary>
        public static RegistryMove? Find(ImageReference reference)
        {
            foreach (var move in All)
            {
                if (move.Applies(reference))
                {
                    return move;
                }
            }

            return null;
        }

        /// <summary>The move that concerns every value of <paramref name="image"/>, or null.</summary>
        public static RegistryMove? Find(PartialImageReference image)
        {
            foreach (var move in All)
            {
                if (move.Applies(image))
                {
                    return move;
                }
            }

            return null;
        }
    }
}
