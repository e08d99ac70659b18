// The tag and digest productions of the Docker reference grammar, and the digest check the kubelet applies.
// This file is compiled into the analyzers and, unchanged but for its namespace, emitted by the source generator
// into projects that use [ContainerImage], so run-time validation and compile-time checks are the same code.
// Keep it self-contained and valid C# 8 with nullable annotations.
#nullable enable

namespace K8sManifestAnalyzers.Model
{
    /// <summary>Checks image tags and digests.</summary>
    internal static class ReferenceComponents
    {
        /// <summary>The longest tag the grammar allows.</summary>
        internal const int MaxTagLength = 128;

        /// <summary>The outcome of a digest check.</summary>
        internal enum DigestCheck
        {
            /// <summary><c>algorithm:hex</c> with a registered algorithm, the right length and lowercase hex.</summary>
            Valid,

            /// <summary>Not <c>algorithm:hex</c>, or hex that is not lowercase.</summary>
            InvalidFormat,

            /// <summary>The hex part has the wrong length for its algorithm.</summary>
            InvalidLength,

            /// <summary>An algorithm other than sha256, sha384 and sha512.</summary>
            Unsupported,
        }

        /// <summary>True when <paramref name="tag"/> matches <c>[\w][\w.-]{0,127}</c>.</summary>
        internal static bool IsValidTag(string? tag) => tag != null && MatchTag(tag, 0, tag.Length);

        /// <summary>
        /// Checks a digest the way the kubelet does before pulling: <c>algorithm:hex</c>, an algorithm Kubernetes
        /// registers (sha256, sha384, sha512), the right length and lowercase hex.
        /// </summary>
        internal static DigestCheck CheckDigest(string? digest)
        {
            if (digest == null)
            {
                return DigestCheck.InvalidFormat;
            }

            int colon = digest.IndexOf(':');
            if (colon <= 0 || colon + 1 == digest.Length)
            {
                return DigestCheck.InvalidFormat;
            }

            int hexLength;
            switch (digest.Substring(0, colon))
            {
                case "sha256": hexLength = 64; break;
                case "sha384": hexLength = 96; break;
                case "sha512": hexLength = 128; break;
                default:
                    return MatchDigest(digest, 0, digest.Length) ? DigestCheck.Unsupported : DigestCheck.InvalidFormat;
            }

            if (digest.Length - colon - 1 != hexLength)
            {
                return DigestCheck.InvalidLength;
            }

            for (int i = colon + 1; i < digest.Length; i++)
            {
                if (!IsLowerHex(digest[i]))
                {
                    return DigestCheck.InvalidFormat;
                }
            }

            return DigestCheck.Valid;
        }

        /// <summary>A sentence for an exception or a diagnostic.</summary>
        internal static string Describe(DigestCheck check)
        {
            switch (check)
            {
                case DigestCheck.Valid: return "valid";
                case DigestCheck.InvalidLength: return "invalid checksum digest length";
                case DigestCheck.Unsupported: return "unsupported digest algorithm";
                default: return "invalid digest format";
            }
        }

        /// <summary><c>[\w][\w.-]{0,127}</c> over <c>[start, end)</c>.</summary>
        internal static bool MatchTag(string s, int start, int end)
        {
            int length = end - start;
            if (length < 1 || length > MaxTagLength || !IsWordCharacter(s[start]))
            {
                return false;
            }

            for (int i = start + 1; i < end; i++)
            {
                if (!IsWordCharacter(s[i]) && s[i] != '.' && s[i] != '-')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>algorithm ":" hex{32,}</c>, algorithm = <c>[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*</c>,
        /// over <c>[start, end)</c>.
        /// </summary>
        internal static bool MatchDigest(string s, int start, int end)
        {
            int i = start;
            while (true)
            {
                if (i >= end || !IsAsciiLetter(s[i]))
                {
                    return false;
                }

                i++;
                while (i < end && IsAsciiLetterOrDigit(s[i]))
                {
                    i++;
                }

                if (i < end && (s[i] == '-' || s[i] == '_' || s[i] == '+' || s[i] == '.'))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i >= end || s[i] != ':')
            {
                return false;
            }

            i++;
            int hexStart = i;
            while (i < end && IsHex(s[i]))
            {
                i++;
            }

            return i == end && end - hexStart >= 32;
        }

        internal static bool IsLowerHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');

        internal static bool IsHex(char c) => IsLowerHex(c) || (c >= 'A' && c <= 'F');

        internal static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        internal static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');

        internal static bool IsWordCharacter(char c) => IsAsciiLetterOrDigit(c) || c == '_';
    }
}
