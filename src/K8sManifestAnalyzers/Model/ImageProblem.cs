using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>Explains, in one clause, why an image reference is malformed: the part at fault and what the grammar wants.</summary>
    public static class ImageProblem
    {
        /// <summary>Why <paramref name="image"/> fails to parse with <paramref name="error"/>.</summary>
        public static string Explain(string image, ImageReferenceError error)
        {
            if (image.Trim().Length != image.Length)
            {
                return "it has leading or trailing white space";
            }

            int scheme = image.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0)
            {
                return $"'{image.Substring(0, scheme + 3)}' is a URL scheme, and an image reference has none (write the registry host first)";
            }

            foreach (char c in image)
            {
                if (char.IsWhiteSpace(c))
                {
                    return "it contains white space";
                }
            }

            int at = image.IndexOf('@');
            string name = at < 0 ? image : image.Substring(0, at);
            if (at >= 0)
            {
                string digest = image.Substring(at + 1);
                var check = ReferenceComponents.CheckDigest(digest);
                if (check != ReferenceComponents.DigestCheck.Valid)
                {
                    return $"the digest '{digest}' is invalid ({ExplainDigest(digest, check)})";
                }
            }

            int lastSlash = name.LastIndexOf('/');
            int colon = name.LastIndexOf(':');
            if (colon > lastSlash)
            {
                string tag = name.Substring(colon + 1);
                if (!ReferenceComponents.IsValidTag(tag))
                {
                    return $"the tag '{tag}' is invalid ({ExplainTag(tag)})";
                }

                name = name.Substring(0, colon);
            }

            if (error == ImageReferenceError.NameContainsUppercase || HasUppercasePath(name))
            {
                return $"the repository '{name}' has uppercase letters, and repositories are lowercase";
            }

            return ImageReference.Describe(error);
        }

        /// <summary>Why a tag is rejected: empty, too long, or the first character the grammar does not allow.</summary>
        public static string ExplainTag(string tag)
        {
            if (tag.Length == 0)
            {
                return "it is empty";
            }

            if (tag.Length > ReferenceComponents.MaxTagLength)
            {
                return $"it has {tag.Length} characters, at most {ReferenceComponents.MaxTagLength} are allowed";
            }

            if (tag[0] is '.' or '-')
            {
                return $"it starts with '{tag[0]}'";
            }

            foreach (char c in tag)
            {
                if (!(char.IsLetterOrDigit(c) && c < 128) && c is not ('_' or '.' or '-'))
                {
                    return $"'{c}' is not allowed: a tag has letters, digits, '_', '.' and '-'";
                }
            }

            return "a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'";
        }

        private static string ExplainDigest(string digest, ReferenceComponents.DigestCheck check)
        {
            int colon = digest.IndexOf(':');
            string algorithm = colon < 0 ? digest : digest.Substring(0, colon);
            int expected = algorithm switch
            {
                "sha256" => 64,
                "sha384" => 96,
                "sha512" => 128,
                _ => 0,
            };

            switch (check)
            {
                case ReferenceComponents.DigestCheck.InvalidLength:
                    return $"a {algorithm} digest has {expected} hex characters, this one has {digest.Length - colon - 1}";
                case ReferenceComponents.DigestCheck.Unsupported:
                    return $"the algorithm '{algorithm}' is not one the kubelet accepts: sha256, sha384 or sha512";
                default:
                    return colon < 0
                        ? "a digest is 'algorithm:hex', such as 'sha256:' and 64 hex characters"
                        : "a digest is 'algorithm:hex' with lowercase hex characters";
            }
        }

        private static bool HasUppercasePath(string name)
        {
            // The first segment may be a registry host, where case does not matter.
            int slash = name.IndexOf('/');
            string first = slash < 0 ? string.Empty : name.Substring(0, slash);
            bool firstIsDomain = first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost";
            int start = slash >= 0 && firstIsDomain ? slash + 1 : 0;
            for (int i = start; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
