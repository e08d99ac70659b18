using System;
using System.Collections.Generic;
using System.Text;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>Recognizes registry credentials written as text.</summary>
    public static class RegistryCredential
    {
        private static readonly string[] CredentialFields = { "auth", "password", "identitytoken" };

        /// <summary>
        /// True when <paramref name="text"/> is a docker config document (<c>{"auths": {...}}</c>, the shape of
        /// <c>.dockerconfigjson</c> and of <c>~/.docker/config.json</c>) in which a registry entry carries a credential:
        /// an <c>auth</c> (base64 of user:password), <c>password</c> or <c>identitytoken</c> member with a non-empty
        /// string value. Other JSON, such as a login request <c>{"username":…,"password":…}</c>, is not a docker
        /// config.
        /// </summary>
        public static bool IsDockerConfigWithCredential(string? text) =>
            ParseCandidate(text) is { } document && AuthsHaveCredential(document);

        /// <summary>
        /// Whether the payload of a docker-registry Secret's <c>.dockerconfigjson</c> or <c>.dockercfg</c> key holds a
        /// credential: the <c>auths</c> shape, or the legacy <c>.dockercfg</c> map of registries to entries. Base64 text
        /// is decoded first. <see langword="null"/> when the payload is neither JSON nor base64 of JSON, so nothing is known.
        /// </summary>
        public static bool? PayloadHasCredential(string? payload)
        {
            var document = ParseCandidate(payload) ?? ParseCandidate(DecodeBase64(payload));
            if (document is null)
            {
                return null;
            }

            if (AuthsHaveCredential(document))
            {
                return true;
            }

            foreach (var entry in document.Values)
            {
                if (EntryHasCredential(entry))
                {
                    return true;
                }
            }

            return false;
        }

        private static Dictionary<string, object>? ParseCandidate(string? text)
        {
            if (text is null || text.Length < 2 || text.IndexOf('{') < 0)
            {
                return null;
            }

            return JsonLite.ParseObject(text);
        }

        private static bool AuthsHaveCredential(Dictionary<string, object> document)
        {
            if (!document.TryGetValue("auths", out var auths) || auths is not Dictionary<string, object> registries)
            {
                return false;
            }

            foreach (var entry in registries.Values)
            {
                if (EntryHasCredential(entry))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EntryHasCredential(object entry)
        {
            if (entry is not Dictionary<string, object> fields)
            {
                return false;
            }

            foreach (var field in CredentialFields)
            {
                if (fields.TryGetValue(field, out var value) && value is string { Length: > 0 } text && text.Trim().Length > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? DecodeBase64(string? text)
        {
            if (text is null || text.Length < 4)
            {
                return null;
            }

            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
