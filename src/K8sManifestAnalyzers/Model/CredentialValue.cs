using System;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// Whether a constant written under a credential name is a credential (KMA117). Not one: empty or blank text, a
    /// placeholder (a reference Kubernetes or a template tool replaces, such as <c>$(DB_PASSWORD)</c>,
    /// <c>${DB_PASSWORD}</c>, <c>{{ .Values.password }}</c>, <c>&lt;password&gt;</c>, <c>%PASSWORD%</c>; a mask such as
    /// <c>***</c> or <c>xxxx</c>; a marker such as <c>REPLACE_ME</c>, <c>TODO</c>, <c>redacted</c>, <c>your-api-key</c>,
    /// <c>none</c>), a boolean or a number (a setting, not a credential), an absolute path or <c>file://</c> URL (where
    /// the credential is, not the credential), and a URL without a password. A connection string is one only when it
    /// carries a password (<c>Password=…</c>, <c>Pwd=…</c>, or <c>user:password@</c> in a URL). A weak but working value
    /// (<c>changeme</c>, <c>admin</c>, <c>password</c>) is a credential: it is what the workload runs with.
    /// </summary>
    internal static class CredentialValue
    {
        private static readonly string[] Markers =
        {
            "replaceme", "todo", "tbd", "fixme", "placeholder", "redacted", "none", "null", "nil", "na", "undefined", "unset", "notset", "empty",
        };

        private static readonly string[] NotSecrets =
        {
            "true", "false", "yes", "no", "on", "off", "enabled", "disabled",
        };

        /// <summary>True when <paramref name="text"/>, written under a name of <paramref name="kind"/>, is a credential.</summary>
        internal static bool IsCredential(string? text, CredentialKind kind)
        {
            if (kind == CredentialKind.None || text is null)
            {
                return false;
            }

            string value = text.Trim();
            if (value.Length == 0 || IsPlaceholder(value) || IsSetting(value) || IsPath(value))
            {
                return false;
            }

            if (UrlPassword(value) is { } password)
            {
                return password.Length > 0 && !IsPlaceholder(password);
            }

            if (value.IndexOf("://", StringComparison.Ordinal) > 0 && value.IndexOf(' ') < 0)
            {
                // A URL with no password in it: an endpoint, not a credential.
                return false;
            }

            return kind == CredentialKind.Secret || HasPasswordField(value);
        }

        /// <summary>True for text that stands for a value given elsewhere, or says it is missing.</summary>
        internal static bool IsPlaceholder(string text)
        {
            string value = text.Trim();
            if (value.Length == 0)
            {
                return true;
            }

            // References replaced before the value is used: Kubernetes' own $(VAR), shells' ${VAR}, templates, <…>, %VAR%.
            if (Encloses(value, "$(", ")") || Encloses(value, "${", "}") || Encloses(value, "{{", "}}") || Encloses(value, "<", ">")
                || (value.Length > 2 && value[0] == '%' && value[value.Length - 1] == '%'))
            {
                return true;
            }

            // Masks: ***, xxxx, XXXX-XXXX, ....
            bool mask = true;
            foreach (char c in value)
            {
                if (c is not ('*' or 'x' or 'X' or '.' or '-' or '_' or '#' or '?' or ' '))
                {
                    mask = false;
                    break;
                }
            }

            if (mask)
            {
                return true;
            }

            string letters = Letters(value);
            if (letters.Length == 0)
            {
                return false;
            }

            foreach (var marker in Markers)
            {
                if (letters == marker)
                {
                    return true;
                }
            }

            // REPLACE_WITH_TOKEN, your-api-key, insert-token-here.
            return letters.StartsWith("replace", StringComparison.Ordinal)
                || letters.StartsWith("your", StringComparison.Ordinal)
                || (letters.Length > 4 && letters.EndsWith("here", StringComparison.Ordinal));
        }

        // Booleans and numbers: the setting of a feature, a length, a count.
        private static bool IsSetting(string value)
        {
            foreach (var word in NotSecrets)
            {
                if (string.Equals(value, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            int start = value[0] is '-' or '+' ? 1 : 0;
            bool digits = false;
            bool point = false;
            for (int i = start; i < value.Length; i++)
            {
                char c = value[i];
                if (c >= '0' && c <= '9')
                {
                    digits = true;
                }
                else if (c == '.' && !point)
                {
                    point = true;
                }
                else
                {
                    return false;
                }
            }

            return digits;
        }

        // An absolute path or a file URL with no spaces: where a credential is mounted.
        private static bool IsPath(string value)
        {
            if (value.IndexOf(' ') >= 0)
            {
                return false;
            }

            return (value.Length > 1 && value[0] == '/' && value.IndexOf('/', 1) != 1)
                || value.StartsWith("~/", StringComparison.Ordinal)
                || value.StartsWith("./", StringComparison.Ordinal)
                || value.StartsWith("file://", StringComparison.OrdinalIgnoreCase);
        }

        // The password of `scheme://user:password@host…`, or null when the text is no URL with user information.
        private static string? UrlPassword(string value)
        {
            int scheme = value.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return null;
            }

            int start = scheme + 3;
            int end = value.IndexOfAny(new[] { '/', '?', '#' }, start);
            string authority = end < 0 ? value.Substring(start) : value.Substring(start, end - start);
            int at = authority.LastIndexOf('@');
            if (at < 0)
            {
                return null;
            }

            int colon = authority.IndexOf(':');
            return colon < 0 || colon > at ? string.Empty : authority.Substring(colon + 1, at - colon - 1);
        }

        // `Server=db;User Id=app;Password=s3cr3t` (ADO.NET, Npgsql, MySQL, Redis `password=`): a Password or Pwd field with a
        // value that is not a placeholder.
        private static bool HasPasswordField(string value)
        {
            foreach (var part in value.Split(';', ','))
            {
                int equals = part.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                string key = Letters(part.Substring(0, equals));
                if (key is "password" or "pwd" or "userpassword" or "accountkey" or "sharedaccesskey")
                {
                    string field = part.Substring(equals + 1).Trim().Trim('"', '\'');
                    if (field.Length > 0 && !IsPlaceholder(field))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool Encloses(string value, string open, string close)
        {
            int start = value.IndexOf(open, StringComparison.Ordinal);
            return start >= 0 && value.IndexOf(close, start + open.Length, StringComparison.Ordinal) > start;
        }

        // The letters and digits of the text, lower case: `REPLACE_ME` is `replaceme`.
        private static string Letters(string value)
        {
            var builder = new System.Text.StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}
