using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// The constant under a data key of a docker-registry Secret created in C# (<c>.dockerconfigjson</c> or
    /// <c>.dockercfg</c>, in <c>Data</c> or <c>StringData</c>), for KMA105: the key, the text, and where the constant is
    /// written.
    /// </summary>
    internal sealed class SecretPayload
    {
        internal SecretPayload(string key, string text, Location location)
        {
            Key = key;
            Text = text;
            Location = location;
        }

        /// <summary>The data key, as written.</summary>
        internal string Key { get; }

        /// <summary>
        /// The text of the constant: a string (plain or base64), a UTF-8 literal, the argument of
        /// <c>Encoding.UTF8.GetBytes</c> or <c>Convert.FromBase64String</c>, or a byte array of constants read as UTF-8.
        /// </summary>
        internal string Text { get; }

        /// <summary>The constant: the string or UTF-8 literal, the argument of the conversion, or the byte array.</summary>
        internal Location Location { get; }
    }
}
