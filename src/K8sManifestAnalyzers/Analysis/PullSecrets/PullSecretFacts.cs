using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>A V1Secret created in the compilation.</summary>
    internal sealed class SecretFact
    {
        /// <summary>Read from YAML (a file or a C# string): no C# edit fixes it, so its findings carry no fix properties.</summary>
        internal bool InYaml { get; set; }

        /// <summary>The constant name, or <see langword="null"/> when it is computed (it might be any name).</summary>
        internal string? Name { get; set; }

        /// <summary>When the name is computed with constant parts (<c>$"{tenant}-db"</c>), what they allow; else null.</summary>
        internal Model.NamePattern? NamePattern { get; set; }

        /// <summary>
        /// The method whose parameters the name or namespace reads (a factory of Secrets); each call then gives the
        /// Secret it creates (<see cref="ThroughCall"/>), and when every call is known, those replace this one.
        /// </summary>
        internal IMethodSymbol? DefinedIn { get; set; }

        /// <summary>True for the Secret a factory creates at one call, with the call's arguments.</summary>
        internal bool ThroughCall { get; set; }

        internal Location? NameLocation { get; set; }

        internal string? Namespace { get; set; }

        /// <summary>False when <c>Type</c> is written with a value that is not a constant.</summary>
        internal bool TypeKnown { get; set; } = true;

        /// <summary>The constant type; <see langword="null"/> when unset (the API server stores Opaque).</summary>
        internal string? Type { get; set; }

        internal Location? TypeLocation { get; set; }

        internal Location CreationLocation { get; set; } = Location.None;

        /// <summary>The constant keys of <c>Data</c> and <c>StringData</c>.</summary>
        internal List<string> Keys { get; } = new List<string>();

        /// <summary>False when some data is written in a way we cannot read (a variable, a method call).</summary>
        internal bool KeysKnown { get; set; } = true;

        /// <summary>True when <c>Data</c> or <c>StringData</c> is written in the creation: without either, keys come from elsewhere.</summary>
        internal bool HasData { get; set; }

        internal bool IsDockerRegistry => TypeKnown && Model.SecretType.IsDockerRegistry(Type);

        /// <summary>
        /// True for a docker-registry Secret, and for one of another type whose data has a docker config key
        /// (<c>.dockerconfigjson</c>, <c>.dockercfg</c>): KMA104's fix gives it the matching type once a pod uses it.
        /// </summary>
        internal bool IsRegistryCredential => IsDockerRegistry || (TypeKnown && Keys.Exists(Model.SecretType.IsDockerRegistryKey));
    }

    /// <summary>A name listed in the ImagePullSecrets of a pod spec or a service account.</summary>
    internal sealed class PullSecretReferenceFact
    {
        /// <summary>Read from YAML (a file or a C# string): no C# edit fixes it, so its findings carry no fix properties.</summary>
        internal bool InYaml { get; set; }

        internal PullSecretReferenceFact(string? name, Location location, string? @namespace)
        {
            Name = name;
            Location = location;
            Namespace = @namespace;
        }

        /// <summary>The constant name, or <see langword="null"/> when it is computed (it might name any Secret).</summary>
        internal string? Name { get; }

        internal Location Location { get; }

        internal string? Namespace { get; }
    }

    /// <summary>A V1ServiceAccount created in the compilation.</summary>
    internal sealed class ServiceAccountFact
    {
        /// <summary>The constant name, or <see langword="null"/> when it is computed (it might be any name).</summary>
        internal string? Name { get; set; }

        /// <summary>When the name is computed with constant parts (<c>$"{tenant}-runner"</c>), what they allow; else null.</summary>
        internal Model.NamePattern? NamePattern { get; set; }

        /// <summary>The factory whose parameters the name or namespace reads (see <see cref="SecretFact.DefinedIn"/>).</summary>
        internal IMethodSymbol? DefinedIn { get; set; }

        /// <summary>True for the service account a factory creates at one call, with the call's arguments.</summary>
        internal bool ThroughCall { get; set; }

        internal string? Namespace { get; set; }

        /// <summary>True when the account lists pull secrets (or may: a computed list counts).</summary>
        internal bool HasPullSecrets { get; set; }
    }

    /// <summary>
    /// The service account a pod spec names (<c>ServiceAccountName</c>, or the deprecated <c>ServiceAccount</c> written
    /// alone), in its initializer, in a later write, or through a call that passes the name, for KMA118.
    /// </summary>
    internal sealed class ServiceAccountReferenceFact
    {
        /// <summary>Read from YAML (a file or a C# string): no C# edit fixes it, so its findings carry no fix properties.</summary>
        internal bool InYaml { get; set; }

        internal ServiceAccountReferenceFact(string? name, Location location, string? @namespace)
        {
            Name = name;
            Location = location;
            Namespace = @namespace;
        }

        /// <summary>The constant name, or <see langword="null"/> when computed (it might name any account).</summary>
        internal string? Name { get; }

        /// <summary>When the name is computed with constant parts (<c>$"{tenant}-runner"</c>), what they allow; else null.</summary>
        internal Model.NamePattern? NamePattern { get; set; }

        internal Location Location { get; }

        internal string? Namespace { get; }

        /// <summary>When the namespace is computed with constant parts (<c>$"tenant-{id}"</c>), what they allow; else null.</summary>
        internal Model.NamePattern? NamespacePattern { get; set; }

        /// <summary>The namespace as a message names it.</summary>
        internal string Where => ConfigReferenceFact.Describe(Namespace, NamespacePattern);
    }

    /// <summary>A V1PodSpec created in the compilation, with the images of the containers created in it.</summary>
    internal sealed class PodSpecFact
    {
        /// <summary>Read from YAML (a file or a C# string): no C# edit fixes it, so its findings carry no fix properties.</summary>
        internal bool InYaml { get; set; }

        /// <summary>True when the spec lists pull secrets (or may: a computed list counts).</summary>
        internal bool HasPullSecrets { get; set; }

        /// <summary>False when <c>ServiceAccountName</c> is computed.</summary>
        internal bool ServiceAccountKnown { get; set; } = true;

        /// <summary>The constant service account name; <see langword="null"/> means the namespace's <c>default</c>.</summary>
        internal string? ServiceAccountName { get; set; }

        internal string? Namespace { get; set; }

        internal Location CreationLocation { get; set; } = Location.None;

        internal List<PodImage> Images { get; } = new List<PodImage>();
    }

    /// <summary>An image of a container in a pod spec.</summary>
    internal readonly struct PodImage
    {
        internal PodImage(string image, Location location, string? declaredPullSecret = null, Model.PartialImageReference? partial = null)
        {
            Image = image;
            Location = location;
            DeclaredPullSecret = declaredPullSecret;
            Partial = partial;
        }

        /// <summary>The image; for one with unknown parts, its pattern (<c>ghcr.io/acme/api:{tag}</c>).</summary>
        internal string Image { get; }

        /// <summary>For an image with known and unknown parts, what the known parts make certain; else null.</summary>
        internal Model.PartialImageReference? Partial { get; }

        internal Location Location { get; }

        /// <summary>The pull secret a <c>[ContainerImage]</c> declaration names for a builder-made container.</summary>
        internal string? DeclaredPullSecret { get; }
    }
}
