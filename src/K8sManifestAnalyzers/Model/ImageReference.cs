using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// A container image reference, <c>[domain/]path[:tag][@digest]</c>, parsed the way the Go package
    /// <c>distribution/reference</c> parses it (the code Docker, containerd and the kubelet run), with the digest
    /// algorithms Kubernetes registers (sha256, sha384, sha512).
    /// </summary>
    /// <remarks>
    /// Plain C# with no Roslyn in it: the analyzers and the source generator share it. The grammar is matched by a
    /// hand-written scanner (no regular expressions), which gives the same answers as the Go regular expressions
    /// because every split in the grammar is decided by a character that only one production may contain.
    /// </remarks>
    public sealed class ImageReference : IEquatable<ImageReference>
    {
        /// <summary>Docker Hub's canonical domain, which familiar names such as <c>nginx</c> live on.</summary>
        public const string DefaultDomain = "docker.io";

        /// <summary>The longest repository path the grammar allows (the domain does not count).</summary>
        public const int MaxPathLength = 255;

        /// <summary>The longest tag the grammar allows.</summary>
        public const int MaxTagLength = ReferenceComponents.MaxTagLength;

        private const string LegacyDefaultDomain = "index.docker.io";
        private const string OfficialRepositoryPrefix = "library/";
        private const string Localhost = "localhost";

        private ImageReference(string? domain, string path, string? tag, string? digest)
        {
            Domain = domain;
            Path = path;
            Tag = tag;
            Digest = digest;
        }

        /// <summary>The registry host with its port, or <see langword="null"/> when the reference names none.</summary>
        public string? Domain { get; }

        /// <summary>The repository path without the domain, such as <c>library/nginx</c>; empty for a digest-only reference.</summary>
        public string Path { get; }

        /// <summary>The tag, or <see langword="null"/> when the reference has none.</summary>
        public string? Tag { get; }

        /// <summary>The digest as <c>algorithm:hex</c>, or <see langword="null"/>.</summary>
        public string? Digest { get; }

        /// <summary>The repository name, <c>domain/path</c>.</summary>
        public string Name => Domain is null ? Path : Domain + "/" + Path;

        /// <summary>
        /// True when a digest pins the content. A tag written next to a digest is ignored when pulling.
        /// </summary>
        public bool IsPinned => Digest is not null;

        /// <summary>
        /// True when the reference may resolve to different content over time in the way Kubernetes treats as
        /// "latest": no digest, and the tag is <c>latest</c> or absent.
        /// </summary>
        public bool IsMutable => Digest is null && (Tag is null || Tag == "latest");

        /// <summary>
        /// The tag Kubernetes' <c>ParseImageName</c> returns: the tag, or <c>latest</c> when there is neither a tag
        /// nor a digest, or <see langword="null"/> for a digest-only reference.
        /// </summary>
        public string? KubernetesTag => Tag ?? (Digest is null ? "latest" : null);

        /// <summary>
        /// The pull policy the API server writes when a container leaves it unset: <c>Always</c> when
        /// <see cref="KubernetesTag"/> is exactly <c>latest</c>, else <c>IfNotPresent</c>.
        /// </summary>
        public string DefaultPullPolicy => KubernetesTag == "latest" ? PullPolicy.Always : PullPolicy.IfNotPresent;

        /// <summary>The short name the Docker CLI shows: <c>docker.io/library/nginx</c> becomes <c>nginx</c>.</summary>
        public string FamiliarName
        {
            get
            {
                if (Domain != DefaultDomain)
                {
                    return Name;
                }

                if (Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal)
                    && Path.IndexOf('/', OfficialRepositoryPrefix.Length) < 0)
                {
                    return Path.Substring(OfficialRepositoryPrefix.Length);
                }

                return Path;
            }
        }

        /// <summary>The familiar form of the whole reference, such as <c>nginx:1.25</c>.</summary>
        public string FamiliarString => Compose(FamiliarName, Tag, Digest);

        /// <summary>The reference as written by <c>String()</c> in Go: <c>name[:tag][@digest]</c>.</summary>
        public override string ToString() => Path.Length == 0 && Digest is not null ? Digest : Compose(Name, Tag, Digest);

        /// <inheritdoc/>
        public bool Equals(ImageReference? other) =>
            other is not null
            && string.Equals(Domain, other.Domain, StringComparison.Ordinal)
            && string.Equals(Path, other.Path, StringComparison.Ordinal)
            && string.Equals(Tag, other.Tag, StringComparison.Ordinal)
            && string.Equals(Digest, other.Digest, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as ImageReference);

        /// <inheritdoc/>
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

        /// <summary>
        /// <c>reference.Parse</c>: the syntax alone, with no Docker Hub normalization (<c>busybox</c> keeps no domain;
        /// in <c>foo/bar</c> the first segment is the domain).
        /// </summary>
        public static bool TryParse(string? input, out ImageReference? reference, out ImageReferenceError error)
        {
            reference = null;
            if (input is null || input.Length == 0)
            {
                error = ImageReferenceError.NameEmpty;
                return false;
            }

            if (!Grammar.MatchReference(input, out int nameEnd, out int tagStart, out int digestStart))
            {
                error = Grammar.MatchReference(input.ToLowerInvariant(), out _, out _, out _)
                    ? ImageReferenceError.NameContainsUppercase
                    : ImageReferenceError.InvalidFormat;
                return false;
            }

            Grammar.MatchName(input, 0, nameEnd, out int domainEnd);
            string? domain = domainEnd < 0 ? null : input.Substring(0, domainEnd);
            int pathStart = domainEnd < 0 ? 0 : domainEnd + 1;
            if (nameEnd - pathStart > MaxPathLength)
            {
                error = ImageReferenceError.NameTooLong;
                return false;
            }

            string? digest = null;
            if (digestStart >= 0)
            {
                digest = input.Substring(digestStart);
                error = ValidateDigest(digest);
                if (error != ImageReferenceError.None)
                {
                    return false;
                }
            }

            string? tag = tagStart < 0 ? null : input.Substring(tagStart, (digestStart < 0 ? input.Length : digestStart - 1) - tagStart);
            reference = new ImageReference(domain, input.Substring(pathStart, nameEnd - pathStart), tag, digest);
            error = ImageReferenceError.None;
            return true;
        }

        /// <summary>
        /// <c>reference.ParseNormalizedNamed</c>, which Kubernetes uses: familiar names are put on Docker Hub
        /// (<c>nginx</c> becomes <c>docker.io/library/nginx</c>), and a bare 64-hex id is rejected.
        /// </summary>
        public static bool TryParseNormalized(string? input, out ImageReference? reference, out ImageReferenceError error)
        {
            reference = null;
            if (input is null || input.Length == 0)
            {
                error = ImageReferenceError.NameEmpty;
                return false;
            }

            if (Grammar.IsIdentifier(input))
            {
                error = ImageReferenceError.NameIsHexIdentifier;
                return false;
            }

            SplitDockerDomain(input, out string domain, out string remainder);
            int colon = remainder.IndexOf(':');
            string remoteName = colon < 0 ? remainder : remainder.Substring(0, colon);
            if (!string.Equals(remoteName.ToLowerInvariant(), remoteName, StringComparison.Ordinal))
            {
                error = ImageReferenceError.NameContainsUppercase;
                return false;
            }

            return TryParse(domain + "/" + remainder, out reference, out error);
        }

        /// <summary>
        /// <c>reference.ParseNamed</c>: like <see cref="TryParseNormalized"/>, but only for input that is already
        /// fully qualified (<c>docker.io/library/nginx</c>, not <c>nginx</c>).
        /// </summary>
        public static bool TryParseNamed(string? input, out ImageReference? reference, out ImageReferenceError error)
        {
            if (!TryParseNormalized(input, out reference, out error))
            {
                return false;
            }

            if (!string.Equals(reference!.ToString(), input, StringComparison.Ordinal))
            {
                reference = null;
                error = ImageReferenceError.NameNotCanonical;
                return false;
            }

            return true;
        }

        /// <summary>
        /// <c>reference.ParseAnyReference</c>: a bare 64-hex id or a lone digest gives a digest-only reference;
        /// anything else is parsed as by <see cref="TryParseNormalized"/>.
        /// </summary>
        public static bool TryParseAny(string? input, out ImageReference? reference, out ImageReferenceError error)
        {
            if (input is not null)
            {
                if (Grammar.IsIdentifier(input))
                {
                    reference = new ImageReference(null, string.Empty, null, "sha256:" + input);
                    error = ImageReferenceError.None;
                    return true;
                }

                if (ValidateDigest(input) == ImageReferenceError.None)
                {
                    reference = new ImageReference(null, string.Empty, null, input);
                    error = ImageReferenceError.None;
                    return true;
                }
            }

            return TryParseNormalized(input, out reference, out error);
        }

        /// <summary>
        /// <c>reference.ParseDockerRef</c>: normalized, with <c>:latest</c> added when there is neither tag nor
        /// digest, and the tag dropped when there are both (the digest is what gets pulled).
        /// </summary>
        public static bool TryParseDockerRef(string? input, out ImageReference? reference, out ImageReferenceError error)
        {
            if (!TryParseNormalized(input, out reference, out error))
            {
                return false;
            }

            var r = reference!;
            if (r.Digest is not null && r.Tag is not null)
            {
                reference = new ImageReference(r.Domain, r.Path, null, r.Digest);
            }
            else if (r.Digest is null && r.Tag is null)
            {
                reference = new ImageReference(r.Domain, r.Path, "latest", null);
            }

            return true;
        }

        /// <summary><c>reference.WithName</c>: a repository name alone, without tag or digest.</summary>
        public static bool TryCreateName(string? name, out ImageReference? reference, out ImageReferenceError error)
        {
            reference = null;
            if (name is null || !Grammar.MatchName(name, 0, name.Length, out int domainEnd))
            {
                error = ImageReferenceError.InvalidFormat;
                return false;
            }

            int pathStart = domainEnd < 0 ? 0 : domainEnd + 1;
            if (name.Length - pathStart > MaxPathLength)
            {
                error = ImageReferenceError.NameTooLong;
                return false;
            }

            reference = new ImageReference(domainEnd < 0 ? null : name.Substring(0, domainEnd), name.Substring(pathStart), null, null);
            error = ImageReferenceError.None;
            return true;
        }

        /// <summary><c>reference.WithTag</c>: this repository with the given tag (a digest, if any, is kept).</summary>
        public bool TryWithTag(string? tag, out ImageReference? reference, out ImageReferenceError error)
        {
            if (!IsValidTag(tag))
            {
                reference = null;
                error = ImageReferenceError.TagInvalidFormat;
                return false;
            }

            reference = new ImageReference(Domain, Path, tag, Digest);
            error = ImageReferenceError.None;
            return true;
        }

        /// <summary>
        /// <c>reference.WithDigest</c>: this repository with the given digest (a tag, if any, is kept). Only the
        /// digest grammar is checked, as in Go; use <see cref="ValidateDigest"/> for algorithm and length.
        /// </summary>
        public bool TryWithDigest(string? digest, out ImageReference? reference, out ImageReferenceError error)
        {
            if (digest is null || !Grammar.MatchDigest(digest, 0, digest.Length))
            {
                reference = null;
                error = ImageReferenceError.DigestInvalidFormat;
                return false;
            }

            reference = new ImageReference(Domain, Path, Tag, digest);
            error = ImageReferenceError.None;
            return true;
        }

        /// <summary>True when <paramref name="tag"/> matches <c>[\w][\w.-]{0,127}</c>.</summary>
        public static bool IsValidTag(string? tag) => ReferenceComponents.IsValidTag(tag);

        /// <summary>
        /// Checks a digest the way the kubelet does before pulling: <c>algorithm:hex</c>, an algorithm Kubernetes
        /// registers (sha256, sha384, sha512), the right length and lowercase hex.
        /// </summary>
        public static ImageReferenceError ValidateDigest(string? digest) => ReferenceComponents.CheckDigest(digest) switch
        {
            ReferenceComponents.DigestCheck.Valid => ImageReferenceError.None,
            ReferenceComponents.DigestCheck.InvalidLength => ImageReferenceError.DigestInvalidLength,
            ReferenceComponents.DigestCheck.Unsupported => ImageReferenceError.DigestUnsupported,
            _ => ImageReferenceError.DigestInvalidFormat,
        };

        /// <summary>The text Go prints for an error, for diagnostics and exceptions.</summary>
        public static string Describe(ImageReferenceError error) => error switch
        {
            ImageReferenceError.None => "valid",
            ImageReferenceError.NameEmpty => "repository name must have at least one component",
            ImageReferenceError.InvalidFormat => "invalid reference format",
            ImageReferenceError.NameContainsUppercase => "repository name must be lowercase",
            ImageReferenceError.NameTooLong => "repository name must not be more than 255 characters",
            ImageReferenceError.NameIsHexIdentifier => "cannot specify 64-byte hexadecimal strings",
            ImageReferenceError.NameNotCanonical => "repository name must be canonical",
            ImageReferenceError.TagInvalidFormat => "invalid tag format",
            ImageReferenceError.DigestInvalidFormat => "invalid digest format",
            ImageReferenceError.DigestInvalidLength => "invalid checksum digest length",
            ImageReferenceError.DigestUnsupported => "unsupported digest algorithm",
            _ => "invalid reference",
        };

        private static string Compose(string name, string? tag, string? digest)
        {
            string result = tag is null ? name : name + ":" + tag;
            return digest is null ? result : result + "@" + digest;
        }

        // distribution/reference splitDockerDomain: is the first segment a registry, or part of a Docker Hub path?
        private static void SplitDockerDomain(string name, out string domain, out string remainder)
        {
            int slash = name.IndexOf('/');
            if (slash < 0)
            {
                domain = DefaultDomain;
                remainder = OfficialRepositoryPrefix + name;
                return;
            }

            string first = name.Substring(0, slash);
            string rest = name.Substring(slash + 1);
            if (first == LegacyDefaultDomain)
            {
                domain = DefaultDomain;
                remainder = rest;
            }
            else if (first == Localhost
                || first.IndexOf('.') >= 0
                || first.IndexOf(':') >= 0
                || !string.Equals(first.ToLowerInvariant(), first, StringComparison.Ordinal))
            {
                domain = first;
                remainder = rest;
            }
            else
            {
                domain = DefaultDomain;
                remainder = name;
            }

            if (domain == DefaultDomain && remainder.IndexOf('/') < 0)
            {
                remainder = OfficialRepositoryPrefix + remainder;
            }
        }

        /// <summary>
        /// The productions of the reference grammar, each matched over <c>[start, end)</c> of a string.
        /// </summary>
        internal static class Grammar
        {
            /// <summary>
            /// <c>name [":" tag] ["@" digest]</c> over the whole string. The digest starts at the first <c>@</c> (no
            /// other production has one); the tag at a <c>:</c> after the last <c>/</c> (a colon before a slash can
            /// only be a registry port).
            /// </summary>
            internal static bool MatchReference(string s, out int nameEnd, out int tagStart, out int digestStart)
            {
                tagStart = -1;
                digestStart = -1;
                int at = s.IndexOf('@');
                int beforeDigest = s.Length;
                if (at >= 0)
                {
                    digestStart = at + 1;
                    beforeDigest = at;
                    if (!MatchDigest(s, digestStart, s.Length))
                    {
                        nameEnd = -1;
                        return false;
                    }
                }

                int lastSlash = s.LastIndexOf('/', beforeDigest == 0 ? 0 : beforeDigest - 1);
                int colon = beforeDigest == 0 ? -1 : s.LastIndexOf(':', beforeDigest - 1);
                nameEnd = beforeDigest;
                if (colon > lastSlash)
                {
                    tagStart = colon + 1;
                    nameEnd = colon;
                    if (!MatchTag(s, tagStart, beforeDigest))
                    {
                        return false;
                    }
                }

                return MatchName(s, 0, nameEnd, out _);
            }

            /// <summary>
            /// <c>[domain "/"] remote-name</c>. The first segment is the domain when it is a valid domain and more
            /// segments follow (the optional group is greedy in Go's regular expression); <paramref name="domainEnd"/>
            /// is the index of the slash after it, or -1.
            /// </summary>
            internal static bool MatchName(string s, int start, int end, out int domainEnd)
            {
                domainEnd = -1;
                int slash = end <= start ? -1 : s.IndexOf('/', start, end - start);
                if (slash > start && MatchDomain(s, start, slash) && MatchRemoteName(s, slash + 1, end))
                {
                    domainEnd = slash;
                    return true;
                }

                return MatchRemoteName(s, start, end);
            }

            /// <summary><c>host [":" port]</c>, where host is a DNS-like name or a bracketed IPv6 address.</summary>
            internal static bool MatchDomain(string s, int start, int end)
            {
                int i = start;
                if (i < end && s[i] == '[')
                {
                    i++;
                    int addressStart = i;
                    while (i < end && (IsHex(s[i]) || s[i] == ':'))
                    {
                        i++;
                    }

                    if (i == addressStart || i >= end || s[i] != ']')
                    {
                        return false;
                    }

                    i++;
                }
                else
                {
                    // domain-name-component ("." domain-name-component)*
                    while (true)
                    {
                        if (i >= end || !IsAsciiLetterOrDigit(s[i]))
                        {
                            return false;
                        }

                        while (i < end && (IsAsciiLetterOrDigit(s[i]) || s[i] == '-'))
                        {
                            i++;
                        }

                        if (s[i - 1] == '-')
                        {
                            return false;
                        }

                        if (i < end && s[i] == '.')
                        {
                            i++;
                            continue;
                        }

                        break;
                    }
                }

                if (i == end)
                {
                    return true;
                }

                if (s[i] != ':')
                {
                    return false;
                }

                i++;
                int portStart = i;
                while (i < end && s[i] >= '0' && s[i] <= '9')
                {
                    i++;
                }

                return i > portStart && i == end;
            }

            /// <summary><c>path-component ("/" path-component)*</c>.</summary>
            internal static bool MatchRemoteName(string s, int start, int end)
            {
                int i = start;
                while (true)
                {
                    if (!MatchPathComponent(s, ref i, end))
                    {
                        return false;
                    }

                    if (i == end)
                    {
                        return true;
                    }

                    if (s[i] != '/')
                    {
                        return false;
                    }

                    i++;
                }
            }

            // [a-z0-9]+ (separator [a-z0-9]+)*, separator = [._] | "__" | "-"+
            private static bool MatchPathComponent(string s, ref int i, int end)
            {
                if (!SkipLowerAlphanumerics(s, ref i, end))
                {
                    return false;
                }

                while (i < end)
                {
                    char c = s[i];
                    if (c == '.')
                    {
                        i++;
                    }
                    else if (c == '_')
                    {
                        i++;
                        if (i < end && s[i] == '_')
                        {
                            i++;
                        }
                    }
                    else if (c == '-')
                    {
                        while (i < end && s[i] == '-')
                        {
                            i++;
                        }
                    }
                    else
                    {
                        return true;
                    }

                    if (!SkipLowerAlphanumerics(s, ref i, end))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool SkipLowerAlphanumerics(string s, ref int i, int end)
            {
                int from = i;
                while (i < end && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
                {
                    i++;
                }

                return i > from;
            }

            internal static bool MatchTag(string s, int start, int end) => ReferenceComponents.MatchTag(s, start, end);

            internal static bool MatchDigest(string s, int start, int end) => ReferenceComponents.MatchDigest(s, start, end);

            /// <summary>A bare image id: exactly 64 lowercase hex digits.</summary>
            internal static bool IsIdentifier(string s)
            {
                if (s.Length != 64)
                {
                    return false;
                }

                foreach (char c in s)
                {
                    if (!IsLowerHex(c))
                    {
                        return false;
                    }
                }

                return true;
            }

            internal static bool IsLowerHex(char c) => ReferenceComponents.IsLowerHex(c);

            private static bool IsHex(char c) => ReferenceComponents.IsHex(c);

            private static bool IsAsciiLetterOrDigit(char c) => ReferenceComponents.IsAsciiLetterOrDigit(c);
        }
    }
}
