using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>A field of a container in a YAML file as the rules read it: its text (null for a YAML null) and where it is.</summary>
    internal sealed class YamlValue
    {
        internal YamlValue(string? text, bool isScalar, Location location)
        {
            Text = text;
            IsScalar = isScalar;
            Location = location;
        }

        /// <summary>The value's text; null when it is a YAML null (<c>~</c>, <c>null</c>, nothing) or not a scalar.</summary>
        internal string? Text { get; }

        /// <summary>False for a sequence or a mapping where a string belongs: the schema's business, not the rules'.</summary>
        internal bool IsScalar { get; }

        /// <summary>The value's span (with its quotes), or the key's when the value is empty.</summary>
        internal Location Location { get; }

        /// <summary>Null, empty, or not written as a string: what the API server treats as unset.</summary>
        internal bool IsEmpty => IsScalar && string.IsNullOrEmpty(Text);
    }
}
