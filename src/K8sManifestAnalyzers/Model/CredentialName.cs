using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Whether an environment variable (or ConfigMap key) name says the value is a credential (KMA117). A name is read
    /// as words (split on <c>_</c>, <c>-</c>, <c>.</c>, <c>:</c>, spaces and camelCase, compared case-insensitively),
    /// and it names a credential when it <em>ends</em> with a credential term: <c>DB_PASSWORD</c>, <c>GithubToken</c>,
    /// <c>x-api-key</c>. English puts the head of a compound last, so a term followed by another word names something
    /// about the credential, not the credential: <c>PASSWORD_FILE</c>, <c>TOKEN_URL</c>, <c>SECRET_NAME</c>,
    /// <c>TOKEN_TTL</c>, <c>PASSWORD_MIN_LENGTH</c> are not credentials. Trailing numbers are skipped
    /// (<c>DB_PASSWORD_2</c>). In .NET configuration names, a section under <c>ConnectionStrings</c>
    /// (<c>ConnectionStrings__Default</c>) is a connection string.
    /// </summary>
    internal sealed class CredentialName
    {
        /// <summary>The default terms, each a sequence of lower-case words.</summary>
        internal static readonly ImmutableArray<ImmutableArray<string>> DefaultTerms = Parse(
            "password", "passwd", "pwd", "passphrase",
            "token", "secret", "credential", "credentials",
            "apikey", "api key", "access key", "accesskey", "secret key", "secretkey", "secret key base",
            "private key", "privatekey", "signing key", "encryption key", "master key", "account key",
            "connection string", "connectionstring");

        // Words before `secret` that make the name one of a Secret object: TLS, certificates, pull and registry secrets.
        private static readonly ImmutableHashSet<string> SecretObjectWords = ImmutableHashSet.Create(
            StringComparer.Ordinal, "tls", "cert", "certs", "certificate", "ca", "pull", "registry", "imagepull", "dockerconfig", "dockercfg");

        /// <summary>The matcher with the default terms only.</summary>
        internal static readonly CredentialName Default = new(DefaultTerms);

        private readonly ImmutableArray<ImmutableArray<string>> _terms;

        private CredentialName(ImmutableArray<ImmutableArray<string>> terms)
        {
            _terms = terms;
        }

        /// <summary>
        /// The default terms plus <paramref name="extra"/> (the option <c>k8s_manifests.secret_env_names</c>), each split
        /// into words like a name: <c>license_key</c>, <c>LicenseKey</c> and <c>license-key</c> are one term.
        /// </summary>
        internal static CredentialName With(ImmutableArray<string> extra)
        {
            if (extra.IsDefaultOrEmpty)
            {
                return Default;
            }

            var terms = DefaultTerms.ToBuilder();
            foreach (var entry in extra)
            {
                var words = Words(entry);
                if (words.Count > 0)
                {
                    terms.Add(ImmutableArray.CreateRange(words));
                }
            }

            return new CredentialName(terms.ToImmutable());
        }

        /// <summary>True when <paramref name="name"/> names a credential.</summary>
        internal bool Matches(string? name) => Classify(name) != CredentialKind.None;

        /// <summary>What kind of credential <paramref name="name"/> names, if any.</summary>
        internal CredentialKind Classify(string? name)
        {
            if (name is null || name.Length == 0)
            {
                return CredentialKind.None;
            }

            // `ConnectionStrings__Default`, `ConnectionStrings:Shop`: .NET configuration, one section under ConnectionStrings.
            if (IsConnectionStringsSection(name))
            {
                return CredentialKind.ConnectionString;
            }

            var words = Words(name);

            // Trailing numbers say which one (`DB_PASSWORD_2`, `password2`).
            while (words.Count > 0 && IsNumber(words[words.Count - 1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            if (words.Count > 0)
            {
                string last = TrimDigits(words[words.Count - 1]);
                if (last.Length > 0)
                {
                    words[words.Count - 1] = last;
                }
            }

            // `PWD` alone is the shell's working directory, not a password.
            if (words.Count == 1 && words[0] == "pwd")
            {
                return CredentialKind.None;
            }

            // `TLS_SECRET`, `IMAGE_PULL_SECRET`, `CA_CERT_SECRET`: the name of a Kubernetes Secret object (`webhook-cert`)
            // that an operator or a chart reads, not the secret itself.
            if (words.Count >= 2 && words[words.Count - 1] == "secret" && SecretObjectWords.Contains(words[words.Count - 2]))
            {
                return CredentialKind.None;
            }

            foreach (var term in _terms)
            {
                if (EndsWith(words, term))
                {
                    return IsConnectionString(term) ? CredentialKind.ConnectionString : CredentialKind.Secret;
                }
            }

            return CredentialKind.None;
        }

        /// <summary>
        /// The lower-case words of a name: split on separators (<c>_ - . : /</c>, spaces) and at camelCase boundaries
        /// (<c>APIKey</c> is <c>api key</c>, <c>OAuth2Token</c> is <c>o auth2 token</c>); digits stay with the letters before them.
        /// </summary>
        internal static List<string> Words(string name)
        {
            var words = new List<string>();
            int start = -1;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    if (start >= 0)
                    {
                        words.Add(name.Substring(start, i - start).ToLowerInvariant());
                        start = -1;
                    }

                    continue;
                }

                if (start >= 0 && char.IsUpper(c))
                {
                    char previous = name[i - 1];
                    bool next = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && next))
                    {
                        words.Add(name.Substring(start, i - start).ToLowerInvariant());
                        start = i;
                    }
                }

                if (start < 0)
                {
                    start = i;
                }
            }

            if (start >= 0)
            {
                words.Add(name.Substring(start).ToLowerInvariant());
            }

            return words;
        }

        private static bool IsConnectionStringsSection(string name)
        {
            int index = name.IndexOf("ConnectionStrings", StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            // The section must be a whole segment (start of the name or after a separator), followed by `__` or `:` and a name.
            if (index > 0 && name[index - 1] is not ('_' or ':'))
            {
                return false;
            }

            int end = index + "ConnectionStrings".Length;
            return (end + 2 < name.Length && name[end] == '_' && name[end + 1] == '_' && name[end + 2] != '_')
                || (end + 1 < name.Length && name[end] == ':' && name[end + 1] != ':');
        }

        private static bool EndsWith(List<string> words, ImmutableArray<string> term)
        {
            if (term.Length == 0 || term.Length > words.Count)
            {
                return false;
            }

            int offset = words.Count - term.Length;
            for (int i = 0; i < term.Length; i++)
            {
                if (!string.Equals(words[offset + i], term[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsConnectionString(ImmutableArray<string> term) =>
            (term.Length == 2 && term[0] == "connection" && term[1] == "string") || (term.Length == 1 && term[0] == "connectionstring");

        private static bool IsNumber(string word)
        {
            foreach (char c in word)
            {
                if (!char.IsDigit(c))
                {
                    return false;
                }
            }

            return word.Length > 0;
        }

        private static string TrimDigits(string word)
        {
            int end = word.Length;
            while (end > 0 && char.IsDigit(word[end - 1]))
            {
                end--;
            }

            return word.Substring(0, end);
        }

        private static ImmutableArray<ImmutableArray<string>> Parse(params string[] terms)
        {
            var builder = ImmutableArray.CreateBuilder<ImmutableArray<string>>(terms.Length);
            foreach (var term in terms)
            {
                builder.Add(ImmutableArray.Create(term.Split(' ')));
            }

            return builder.MoveToImmutable();
        }
    }
}
