using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>The two kinds of configuration object pods reference by name.</summary>
    internal enum ConfigKind
    {
        Secret,
        ConfigMap,
    }

    /// <summary>
    /// A reference to a Secret or ConfigMap: <c>env[].valueFrom.secretKeyRef</c> / <c>configMapKeyRef</c>,
    /// <c>envFrom[].secretRef</c> / <c>configMapRef</c>, <c>volumes[].secret</c> / <c>configMap</c>, projected sources,
    /// an Ingress's <c>tls[].secretName</c>, a service account's <c>secrets</c>, a well-known annotation.
    /// </summary>
    internal sealed class ConfigReferenceFact
    {
        /// <summary>Read from YAML (a file or a C# string): no C# edit fixes it, so its findings carry no fix properties.</summary>
        internal bool InYaml { get; set; }

        internal ConfigReferenceFact(ConfigKind kind, ConfigReferenceSite site, string? name, Location location, string? @namespace)
        {
            Kind = kind;
            Site = site;
            Name = name;
            Location = location;
            Namespace = @namespace;
            IsUseOnly = site == ConfigReferenceSite.Annotation;
        }

        internal ConfigKind Kind { get; }

        internal ConfigReferenceSite Site { get; }

        /// <summary>
        /// True when the reference keeps its object in use (KMA113, KMA116) but its absence is no error, so KMA111,
        /// KMA112, KMA114 and KMA115 do not judge it: an optional reference (<c>Optional = true</c>, or computed), the
        /// TLS Secret of an Ingress cert-manager issues for, a name in an annotation.
        /// </summary>
        internal bool IsUseOnly { get; set; }

        /// <summary>The constant name, or <see langword="null"/> when computed (it might name any object).</summary>
        internal string? Name { get; }

        /// <summary>When the name is computed with constant parts (<c>$"{tenant}-db"</c>), what they allow; else null.</summary>
        internal Model.NamePattern? NamePattern { get; set; }

        internal Location Location { get; }

        internal string? Namespace { get; }

        /// <summary>When the namespace is computed with constant parts (<c>$"tenant-{id}"</c>), what they allow; else null.</summary>
        internal Model.NamePattern? NamespacePattern { get; set; }

        /// <summary>The namespace as a message names it.</summary>
        internal string Where => Describe(Namespace, NamespacePattern);

        /// <summary>A namespace as messages name it: <c>namespace 'shop'</c>, <c>namespace 'tenant-{id}'</c>, <c>any namespace</c>.</summary>
        internal static string Describe(string? @namespace, Model.NamePattern? namespacePattern) =>
            @namespace is { } known ? $"namespace '{known}'" : namespacePattern is { } pattern ? $"namespace '{pattern.Display}'" : "any namespace";

        /// <summary>The constant keys the reference needs (<c>key</c>, <c>items[].key</c>), with where each is written.</summary>
        internal List<(string Key, Location Location)> Keys { get; } = new();
    }

    /// <summary>A V1ConfigMap created in the compilation.</summary>
    internal sealed class ConfigMapFact
    {
        internal string? Name { get; set; }

        /// <summary>When the name is computed with constant parts, what they allow; else null.</summary>
        internal Model.NamePattern? NamePattern { get; set; }

        /// <summary>The factory whose parameters the name or namespace reads (see <see cref="SecretFact.DefinedIn"/>).</summary>
        internal IMethodSymbol? DefinedIn { get; set; }

        /// <summary>True for the ConfigMap a factory creates at one call, with the call's arguments.</summary>
        internal bool ThroughCall { get; set; }

        internal Location? NameLocation { get; set; }

        internal string? Namespace { get; set; }

        /// <summary>The constant keys of <c>Data</c> and <c>BinaryData</c>.</summary>
        internal List<string> Keys { get; } = new();

        /// <summary>False when data is computed or written after creation in a way that is not followed.</summary>
        internal bool KeysKnown { get; set; } = true;
    }
}
