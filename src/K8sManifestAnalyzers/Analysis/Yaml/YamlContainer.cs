using System.Collections.Immutable;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// A container (or init or ephemeral container, or an image volume) of a pod template in a YAML file: the model
    /// value the rules' <c>CheckYaml</c> methods read, built by <see cref="YamlManifestReader"/>. It holds strings and
    /// locations only.
    /// </summary>
    internal sealed class YamlContainer
    {
        internal YamlContainer(string? name, bool isImageVolume, Location at, Location imageEntryAt, YamlValue? image, YamlValue? policy, ImmutableArray<YamlEnvVar> env = default)
        {
            Env = env.IsDefault ? ImmutableArray<YamlEnvVar>.Empty : env;
            Name = name;
            IsImageVolume = isImageVolume;
            At = at;
            ImageEntryAt = imageEntryAt;
            Image = image;
            Policy = policy;
            Facts = image is { IsScalar: true, Text: { Length: > 0 } text } ? ImageFacts.Of(text) : null;
        }

        /// <summary>The container's (or volume's) <c>name</c>, when it has one.</summary>
        internal string? Name { get; }

        /// <summary>An image volume (<c>volumes[].image</c>: <c>reference</c> and <c>pullPolicy</c>), defaulted like a container.</summary>
        internal bool IsImageVolume { get; }

        /// <summary>The container itself: its <c>name</c> entry, or its first entry.</summary>
        internal Location At { get; }

        /// <summary>The <c>image: …</c> entry (key and value), or <see cref="At"/> when there is none.</summary>
        internal Location ImageEntryAt { get; }

        /// <summary>The <c>image</c> (an image volume's <c>reference</c>); null when not written.</summary>
        internal YamlValue? Image { get; }

        /// <summary>The <c>imagePullPolicy</c> (an image volume's <c>pullPolicy</c>); null when not written.</summary>
        internal YamlValue? Policy { get; }

        /// <summary>The entries of the container's <c>env</c> list, in order (none for an image volume).</summary>
        internal ImmutableArray<YamlEnvVar> Env { get; }

        /// <summary>The image parsed, when it is a non-empty string.</summary>
        internal ImageFacts? Facts { get; }

        /// <summary>The policy written as a non-empty string, or null.</summary>
        internal string? PolicyText => Policy is { IsScalar: true, Text: { Length: > 0 } text } ? text : null;

        /// <summary>No policy, or a null or empty one: the API server stores its default (KMA001).</summary>
        internal bool PolicyLeftToServer => Policy is null || Policy.IsEmpty;

        /// <summary>How the container is named in messages: <c>'web'</c>, or <c>(unnamed)</c>.</summary>
        internal string Display => Name is null ? "(unnamed)" : "'" + Name + "'";
    }
}
