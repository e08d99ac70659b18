using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>Recognizes registry credentials written as text.</summary>
    public static class RegistryCredential
    {
        /// <summary>
        /// True when <paramref name="text"/> is a docker config document (<c>{"auths": {...}}</c>, or the legacy
        /// map of registries) that carries a credential: an <c>auth</c> (base64 of user:password),
        /// <c>password</c> or <c>identitytoken</c> field with a non-empty value.
        /// </summary>
        public static bool IsDockerConfigWithCredential(string? text)
        {
            if (text is null || text.Length < 10)
            {
                return false;
            }

            int start = 0;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            if (start == text.Length || text[start] != '{')
            {
                return false;
            }

            return HasNonEmptyField(text, "auth") || HasNonEmptyField(text, "password") || HasNonEmptyField(text, "identitytoken");
        }

        // A JSON member "name" : "value" with a non-empty string value (white space allowed around the colon).
        private static bool HasNonEmptyField(string text, string name)
        {
            string quoted = "\"" + name + "\"";
            for (int at = text.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quoted, at + 1, StringComparison.Ordinal))
            {
                int i = at + quoted.Length;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length || text[i] != ':')
                {
                    continue;
                }

                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '"' && text[i + 1] != '"')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
