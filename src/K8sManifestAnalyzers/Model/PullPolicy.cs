using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Kubernetes' facts about <c>imagePullPolicy</c>: the three values the API server accepts (compared
    /// case-sensitively) and the value it writes when the field is left unset.
    /// </summary>
    public static class PullPolicy
    {
        /// <summary>Pull on every container start.</summary>
        public const string Always = "Always";

        /// <summary>Pull only when the node does not have the image.</summary>
        public const string IfNotPresent = "IfNotPresent";

        /// <summary>Never pull: the image must already be on the node (<c>ErrImageNeverPull</c> otherwise).</summary>
        public const string Never = "Never";

        /// <summary>The accepted values, in the order the API server lists them.</summary>
        public static readonly string[] AllowedValues = { Always, IfNotPresent, Never };

        /// <summary>True for exactly <c>Always</c>, <c>IfNotPresent</c> or <c>Never</c>.</summary>
        public static bool IsValid(string? value) => value is Always or IfNotPresent or Never;

        /// <summary>
        /// The value <c>SetDefaults_Container</c> writes for an unset policy: <c>Always</c> when
        /// <c>ParseImageName</c> yields the tag <c>latest</c> (written, or implied by neither tag nor digest),
        /// otherwise <c>IfNotPresent</c>, including when the image cannot be parsed.
        /// </summary>
        public static string DefaultFor(string? image) =>
            ImageReference.TryParseNormalized(image, out var reference, out _)
                ? reference!.DefaultPullPolicy
                : IfNotPresent;

        /// <summary>
        /// The value a user most likely meant by an invalid policy, or <see langword="null"/> when that is not
        /// clear: the same word in another case, with white space, <c>-</c> or <c>_</c> in it or around it
        /// (<c>if-not-present</c>, <c>IF_NOT_PRESENT</c>), or one edit (a missing, extra,
        /// wrong or swapped letter) away from exactly one allowed value, ignoring case.
        /// </summary>
        public static string? SuggestFor(string? value)
        {
            if (value is null)
            {
                return null;
            }

            string letters = WithoutSeparators(value).ToLowerInvariant();
            if (letters.Length == 0 || IsValid(value))
            {
                return null;
            }

            string? match = null;
            foreach (string allowed in AllowedValues)
            {
                if (string.Equals(letters, allowed, StringComparison.OrdinalIgnoreCase))
                {
                    return allowed;
                }
            }

            foreach (string allowed in AllowedValues)
            {
                if (IsOneEditAway(letters, allowed.ToLowerInvariant()))
                {
                    if (match is not null)
                    {
                        return null;
                    }

                    match = allowed;
                }
            }

            return match;
        }

        private static string WithoutSeparators(string value)
        {
            var builder = new System.Text.StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (!char.IsWhiteSpace(c) && c != '-' && c != '_')
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        // Optimal string alignment distance of at most one: one insertion, deletion, substitution or adjacent swap.
        private static bool IsOneEditAway(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            int prefix = 0;
            int shorter = Math.Min(a.Length, b.Length);
            while (prefix < shorter && a[prefix] == b[prefix])
            {
                prefix++;
            }

            if (a.Length == b.Length)
            {
                if (prefix == a.Length)
                {
                    return true;
                }

                // substitution
                if (string.CompareOrdinal(a, prefix + 1, b, prefix + 1, a.Length - prefix - 1) == 0)
                {
                    return true;
                }

                // transposition of two neighbours
                return prefix + 1 < a.Length
                    && a[prefix] == b[prefix + 1]
                    && a[prefix + 1] == b[prefix]
                    && string.CompareOrdinal(a, prefix + 2, b, prefix + 2, a.Length - prefix - 2) == 0;
            }

            string longer = a.Length > b.Length ? a : b;
            string other = a.Length > b.Length ? b : a;
            return string.CompareOrdinal(longer, prefix + 1, other, prefix, other.Length - prefix) == 0;
        }
    }
}
