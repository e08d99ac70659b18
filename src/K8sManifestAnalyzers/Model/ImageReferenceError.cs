namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Why an image reference was rejected. The names follow the sentinel errors of the Go package
    /// <c>distribution/reference</c> (and <c>opencontainers/go-digest</c>), so a failure can be traced to the
    /// behaviour of Docker, containerd and the kubelet.
    /// </summary>
    public enum ImageReferenceError
    {
        /// <summary>The reference is valid.</summary>
        None = 0,

        /// <summary><c>repository name must have at least one component</c>: the string is empty.</summary>
        NameEmpty,

        /// <summary><c>invalid reference format</c>: the string does not follow the reference grammar.</summary>
        InvalidFormat,

        /// <summary><c>repository name must be lowercase</c>: the repository has uppercase letters.</summary>
        NameContainsUppercase,

        /// <summary><c>repository name must not be more than 255 characters</c> (the path, without the domain).</summary>
        NameTooLong,

        /// <summary><c>cannot specify 64-byte hexadecimal strings</c>: a bare image id where a name was expected.</summary>
        NameIsHexIdentifier,

        /// <summary><c>repository name must be canonical</c>: <c>ParseNamed</c> was given a familiar (short) name.</summary>
        NameNotCanonical,

        /// <summary><c>invalid tag format</c>: the tag does not match <c>[\w][\w.-]{0,127}</c>.</summary>
        TagInvalidFormat,

        /// <summary><c>invalid digest format</c>: the digest is not <c>algorithm:hex</c> with lowercase hex.</summary>
        DigestInvalidFormat,

        /// <summary><c>invalid checksum digest length</c>: the hex part has the wrong length for its algorithm.</summary>
        DigestInvalidLength,

        /// <summary><c>unsupported digest algorithm</c>: not sha256, sha384 or sha512.</summary>
        DigestUnsupported,
    }
}
