using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The YAML front-end's second reading of a parsed file: the objects the compilation-end rules match by name
    /// (<see cref="YamlObjects"/>). Reads core Secrets, ConfigMaps and ServiceAccounts; Ingresses of
    /// <c>networking.k8s.io</c> and <c>extensions</c> (<c>spec.tls[].secretName</c>); the pod templates of the workload
    /// kinds <see cref="YamlManifestReader"/> reads (<c>imagePullSecrets</c>, <c>serviceAccountName</c>, the images of
    /// their containers, every <c>secretKeyRef</c>, <c>configMapKeyRef</c>, <c>secretRef</c>, <c>configMapRef</c>,
    /// <c>secret</c> and <c>configMap</c> volume and projected source); the well-known annotations that name a Secret or
    /// ConfigMap; and a kustomization's <c>secretGenerator</c> and <c>configMapGenerator</c>. Each object's namespace is
    /// its <c>metadata.namespace</c>, or unknown (it matches any) when not written, as on the C# side.
    /// </summary>
    internal static class YamlObjectReader
    {
        // A List inside a List is read; deeper nesting is not a manifest.
        private const int MaxListDepth = 4;

        // Aliases can repeat a list of references without repeating its text (a thousand containers aliasing one env
        // list of a thousand entries): past this many facts, the file counts as one that may hold anything.
        private const int MaxFacts = 20_000;

        internal static YamlObjects Read(Func<TextSpan, Location> place, SourceText text, ImmutableArray<YamlNode?> documents, CancellationToken cancellationToken)
        {
            var reader = new Reader(place, text);
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reader.Object(document, 0);
                if (reader.Uncertain)
                {
                    break;
                }
            }

            return reader.Uncertain ? YamlObjects.Anything : reader.Build();
        }

        private sealed class Reader
        {
            private readonly Func<TextSpan, Location> _place;
            private readonly SourceText _text;
            private readonly ImmutableArray<SecretFact>.Builder _secrets = ImmutableArray.CreateBuilder<SecretFact>();
            private readonly ImmutableArray<ConfigMapFact>.Builder _maps = ImmutableArray.CreateBuilder<ConfigMapFact>();
            private readonly ImmutableArray<ServiceAccountFact>.Builder _accounts = ImmutableArray.CreateBuilder<ServiceAccountFact>();
            private readonly ImmutableArray<PullSecretReferenceFact>.Builder _pullSecrets = ImmutableArray.CreateBuilder<PullSecretReferenceFact>();
            private readonly ImmutableArray<ConfigReferenceFact>.Builder _references = ImmutableArray.CreateBuilder<ConfigReferenceFact>();
            private readonly ImmutableArray<ServiceAccountReferenceFact>.Builder _accountReferences = ImmutableArray.CreateBuilder<ServiceAccountReferenceFact>();
            private readonly ImmutableArray<PodSpecFact>.Builder _specs = ImmutableArray.CreateBuilder<PodSpecFact>();

            internal Reader(Func<TextSpan, Location> place, SourceText text)
            {
                _place = place;
                _text = text;
            }

            /// <summary>
            /// True when a kustomization renames or moves what it builds (<c>namePrefix</c>, <c>nameSuffix</c>,
            /// <c>namespace</c>): the names and namespaces written in the files are not those applied, so the file counts
            /// as one that cannot be read.
            /// </summary>
            internal bool Uncertain { get; private set; }

            private int _facts;

            // The selectors and entries already read, with the namespace they were read for: an alias (`env: *common`)
            // repeats a node, and its references are one each, reported once.
            private readonly HashSet<(YamlNode Node, string? Namespace)> _seen = new();

            // Counts one more fact; false (and the file uncertain) past MaxFacts.
            private bool Room()
            {
                if (++_facts > MaxFacts)
                {
                    Uncertain = true;
                }

                return !Uncertain;
            }

            internal YamlObjects Build()
            {
                // Every fact read here is YAML's: its findings carry no C# fix.
                foreach (var secret in _secrets)
                {
                    secret.InYaml = true;
                }

                foreach (var reference in _pullSecrets)
                {
                    reference.InYaml = true;
                }

                foreach (var reference in _references)
                {
                    reference.InYaml = true;
                }

                foreach (var reference in _accountReferences)
                {
                    reference.InYaml = true;
                }

                foreach (var spec in _specs)
                {
                    spec.InYaml = true;
                }

                return Built();
            }

            private YamlObjects Built() => new(
                _secrets.ToImmutable(),
                _maps.ToImmutable(),
                _accounts.ToImmutable(),
                _pullSecrets.ToImmutable(),
                _references.ToImmutable(),
                _accountReferences.ToImmutable(),
                _specs.ToImmutable());

            internal void Object(YamlNode? node, int listDepth)
            {
                if (node is not { Kind: YamlNodeKind.Mapping } || !Room())
                {
                    return;
                }

                string? apiVersion = node["apiVersion"]?.StringValue;
                string? group = GroupOf(apiVersion);
                string? kind = node["kind"]?.StringValue;
                if (kind == "Kustomization" && group is "kustomize.config.k8s.io")
                {
                    Kustomization(node);
                    return;
                }

                var metadata = node["metadata"];
                string? @namespace = NonEmpty(metadata?["namespace"]?.StringValue);
                bool core = group is null or "";
                bool workload = group is null or "" or "apps" or "extensions" or "batch";
                if (kind is not "List")
                {
                    Annotations(metadata, @namespace);
                }

                switch (kind)
                {
                    case "List" when listDepth < MaxListDepth && workload:
                        foreach (var item in Items(node["items"]))
                        {
                            Object(item, listDepth + 1);
                        }

                        break;
                    case "Secret" when core:
                        Secret(node, metadata, @namespace);
                        break;
                    case "ConfigMap" when core:
                        ConfigMap(node, metadata, @namespace);
                        break;
                    case "ServiceAccount" when core:
                        ServiceAccount(node, metadata, @namespace);
                        break;
                    case "Ingress" when group is "networking.k8s.io" or "extensions":
                        Ingress(node, metadata, @namespace);
                        break;
                    case "Pod" when workload:
                        PodSpec(node, node["spec"], @namespace);
                        break;
                    case "PodTemplate" when workload:
                        PodSpec(node, node["template"]?["spec"], @namespace);
                        break;
                    case "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" when workload:
                        PodSpec(node, node["spec"]?["template"]?["spec"], @namespace);
                        break;
                    case "CronJob" when workload:
                        PodSpec(node, node["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"], @namespace);
                        break;
                }
            }

            // The group of an apiVersion: "" for the core group (v1), null when no apiVersion is written (a List's items).
            private static string? GroupOf(string? apiVersion)
            {
                if (apiVersion is null)
                {
                    return null;
                }

                int slash = apiVersion.IndexOf('/');
                return slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
            }

            private void Secret(YamlNode node, YamlNode? metadata, string? @namespace)
            {
                var nameEntry = metadata?.Entry("name");
                var typeEntry = node.Entry("type");
                var secret = new SecretFact
                {
                    Name = NonEmpty(nameEntry?.Value.StringValue),
                    NameLocation = nameEntry is { } name ? ValueAt(name) : null,
                    Namespace = @namespace,
                    CreationLocation = EntryAt(node.Entry("kind")!.Value),
                    TypeKnown = typeEntry is null || typeEntry.Value.Value.Kind == YamlNodeKind.Scalar,
                    Type = NonEmpty(typeEntry?.Value.StringValue),
                    TypeLocation = typeEntry is { } type ? ValueAt(type) : null,
                };
                var data = node["data"];
                var stringData = node["stringData"];
                secret.HasData = data is not null || stringData is not null;
                secret.KeysKnown = Keys(data, secret.Keys) & Keys(stringData, secret.Keys);
                if (secret.Name is not null || metadata?["generateName"] is not null)
                {
                    _secrets.Add(secret);
                }
            }

            private void ConfigMap(YamlNode node, YamlNode? metadata, string? @namespace)
            {
                var nameEntry = metadata?.Entry("name");
                var data = node["data"];
                var binaryData = node["binaryData"];
                var map = new ConfigMapFact
                {
                    Name = NonEmpty(nameEntry?.Value.StringValue),
                    NameLocation = nameEntry is { } name ? ValueAt(name) : null,
                    Namespace = @namespace,
                };
                // Without data written, keys come from elsewhere (an injector, a controller): not judged, as in C#.
                map.KeysKnown = (data is not null || binaryData is not null) & Keys(data, map.Keys) & Keys(binaryData, map.Keys);
                if (map.Name is not null || metadata?["generateName"] is not null)
                {
                    _maps.Add(map);
                }
            }

            private void ServiceAccount(YamlNode node, YamlNode? metadata, string? @namespace)
            {
                var pullSecrets = node["imagePullSecrets"];
                string? name = NonEmpty(metadata?["name"]?.StringValue);
                if (name is not null || metadata?["generateName"] is not null)
                {
                    _accounts.Add(new ServiceAccountFact
                    {
                        Name = name,
                        Namespace = @namespace,
                        HasPullSecrets = HasEntries(pullSecrets),
                    });
                }

                PullSecrets(pullSecrets, @namespace);
                foreach (var entry in Items(node["secrets"]))
                {
                    // An ObjectReference: its own namespace when written, else the account's.
                    if (NameOf(entry, "name") is { } secret && Room())
                    {
                        _references.Add(new ConfigReferenceFact(
                            ConfigKind.Secret, ConfigReferenceSite.ServiceAccount, secret.Name, secret.Location, NonEmpty(entry["namespace"]?.StringValue) ?? @namespace));
                    }
                }
            }

            private void Ingress(YamlNode node, YamlNode? metadata, string? @namespace)
            {
                bool issued = false;
                if (metadata?["annotations"] is { Kind: YamlNodeKind.Mapping } annotations)
                {
                    foreach (var entry in annotations.Entries)
                    {
                        issued |= entry.Key.StringValue is { } key && Model.ObjectAnnotations.IssuesTlsSecrets(key, entry.Value.StringValue);
                    }
                }

                foreach (var tls in Items(node["spec"]?["tls"]))
                {
                    if (NameOf(tls, "secretName") is { } secret)
                    {
                        _references.Add(new ConfigReferenceFact(ConfigKind.Secret, ConfigReferenceSite.IngressTls, secret.Name, secret.Location, @namespace)
                        {
                            IsUseOnly = issued,
                        });
                    }
                }
            }

            // The well-known annotations that name a Secret or ConfigMap: uses, never judged.
            private void Annotations(YamlNode? metadata, string? @namespace)
            {
                if (metadata?["annotations"] is not { Kind: YamlNodeKind.Mapping } annotations)
                {
                    return;
                }

                foreach (var entry in annotations.Entries)
                {
                    if (entry.Key.StringValue is { } key
                        && Model.ObjectAnnotations.TryReadObjectName(key, entry.Value.StringValue, out bool isSecret, out var written, out var name))
                    {
                        _references.Add(new ConfigReferenceFact(
                            isSecret ? ConfigKind.Secret : ConfigKind.ConfigMap, ConfigReferenceSite.Annotation, name, ValueAt(entry), written ?? @namespace));
                    }
                }
            }

            private void PodSpec(YamlNode owner, YamlNode? spec, string? @namespace)
            {
                if (spec is not { Kind: YamlNodeKind.Mapping })
                {
                    return;
                }

                var pullSecrets = spec["imagePullSecrets"];
                PullSecrets(pullSecrets, @namespace);

                // serviceAccountName, or the deprecated serviceAccount written alone.
                var accountEntry = spec.Entry("serviceAccountName") ?? spec.Entry("serviceAccount");
                var account = accountEntry?.Value;
                var fact = new PodSpecFact
                {
                    HasPullSecrets = HasEntries(pullSecrets),
                    ServiceAccountKnown = account is null || account.Kind == YamlNodeKind.Scalar,
                    ServiceAccountName = NonEmpty(account?.StringValue),
                    Namespace = @namespace,
                    CreationLocation = EntryAt(owner.Entry("kind")!.Value),
                };
                if (accountEntry is { } written && fact.ServiceAccountName is { } accountName && accountName != "default")
                {
                    _accountReferences.Add(new ServiceAccountReferenceFact(accountName, ValueAt(written), @namespace));
                }

                foreach (var list in new[] { "containers", "initContainers", "ephemeralContainers" })
                {
                    foreach (var container in Items(spec[list]))
                    {
                        if (Uncertain)
                        {
                            return;
                        }

                        if (container.Entry("image") is { Value: { StringValue: { Length: > 0 } image } } imageEntry && Room()
                            && !fact.Images.Exists(known => known.Location == ValueAt(imageEntry)))
                        {
                            fact.Images.Add(new PodImage(image, ValueAt(imageEntry)));
                        }

                        foreach (var env in Items(container["env"]))
                        {
                            // Every entry counts, referencing or not: the walk stays bounded whatever the aliases repeat.
                            if (!Room())
                            {
                                return;
                            }

                            var from = env["valueFrom"];
                            Reference(from?["secretKeyRef"], ConfigKind.Secret, ConfigReferenceSite.Environment, "name", "key", null, @namespace);
                            Reference(from?["configMapKeyRef"], ConfigKind.ConfigMap, ConfigReferenceSite.Environment, "name", "key", null, @namespace);
                        }

                        foreach (var source in Items(container["envFrom"]))
                        {
                            Reference(source["secretRef"], ConfigKind.Secret, ConfigReferenceSite.Environment, "name", null, null, @namespace);
                            Reference(source["configMapRef"], ConfigKind.ConfigMap, ConfigReferenceSite.Environment, "name", null, null, @namespace);
                        }
                    }
                }

                foreach (var volume in Items(spec["volumes"]))
                {
                    Reference(volume["secret"], ConfigKind.Secret, ConfigReferenceSite.Volume, "secretName", null, "items", @namespace);
                    Reference(volume["configMap"], ConfigKind.ConfigMap, ConfigReferenceSite.Volume, "name", null, "items", @namespace);
                    foreach (var source in Items(volume["projected"]?["sources"]))
                    {
                        Reference(source["secret"], ConfigKind.Secret, ConfigReferenceSite.Volume, "name", null, "items", @namespace);
                        Reference(source["configMap"], ConfigKind.ConfigMap, ConfigReferenceSite.Volume, "name", null, "items", @namespace);
                    }
                }

                _specs.Add(fact);
            }

            private void PullSecrets(YamlNode? list, string? @namespace)
            {
                foreach (var entry in Items(list))
                {
                    // An empty or nameless entry is KMA106's business, not a reference.
                    if (NameOf(entry, "name") is { } secret && _seen.Add((entry, @namespace)) && Room())
                    {
                        _pullSecrets.Add(new PullSecretReferenceFact(secret.Name, secret.Location, @namespace));
                    }
                }
            }

            private void Reference(YamlNode? selector, ConfigKind kind, ConfigReferenceSite site, string nameKey, string? keyKey, string? itemsKey, string? @namespace)
            {
                if (NameOf(selector, nameKey) is not { } named || !_seen.Add((selector!, @namespace)) || !Room())
                {
                    return;
                }

                var reference = new ConfigReferenceFact(kind, site, named.Name, named.Location, @namespace)
                {
                    // optional: true lets Kubernetes skip a missing object or key; a value that is not false may be true.
                    IsUseOnly = selector!["optional"] is { } optional && !IsFalse(optional),
                };
                if (keyKey is not null && selector.Entry(keyKey) is { Value: { StringValue: { Length: > 0 } key } } keyEntry)
                {
                    reference.Keys.Add((key, ValueAt(keyEntry)));
                }

                if (itemsKey is not null)
                {
                    foreach (var item in Items(selector[itemsKey]))
                    {
                        if (item.Entry("key") is { Value: { StringValue: { Length: > 0 } itemKey } } itemEntry && Room())
                        {
                            reference.Keys.Add((itemKey, ValueAt(itemEntry)));
                        }
                    }
                }

                _references.Add(reference);
            }

            private void Kustomization(YamlNode node)
            {
                if (node["namePrefix"] is not null || node["nameSuffix"] is not null || node["namespace"] is not null)
                {
                    Uncertain = true;
                    return;
                }

                // Generated objects: their keys come from files and literals not read here.
                foreach (var generator in Items(node["secretGenerator"]))
                {
                    if (NameOf(generator, "name") is { } secret)
                    {
                        _secrets.Add(new SecretFact
                        {
                            Name = secret.Name,
                            NameLocation = secret.Location,
                            Namespace = NonEmpty(generator["namespace"]?.StringValue),
                            CreationLocation = secret.Location,
                            TypeKnown = generator["type"] is null or { Kind: YamlNodeKind.Scalar },
                            Type = NonEmpty(generator["type"]?.StringValue),
                            KeysKnown = false,
                        });
                    }
                }

                foreach (var generator in Items(node["configMapGenerator"]))
                {
                    if (NameOf(generator, "name") is { } map)
                    {
                        _maps.Add(new ConfigMapFact { Name = map.Name, NameLocation = map.Location, Namespace = NonEmpty(generator["namespace"]?.StringValue), KeysKnown = false });
                    }
                }
            }

            // The keys of a data mapping; false when it is something else, or merges another mapping in (`<<: *base`).
            private static bool Keys(YamlNode? data, List<string> keys)
            {
                if (data is null || data.IsNull)
                {
                    return true;
                }

                if (data.Kind != YamlNodeKind.Mapping)
                {
                    return false;
                }

                bool known = true;
                foreach (var entry in data.Entries)
                {
                    if (entry.Key.StringValue is { } key && key != "<<")
                    {
                        keys.Add(key);
                    }
                    else
                    {
                        known = false;
                    }
                }

                return known;
            }

            // A non-empty list, or a value that is not a list (the schema's business): the pod may have pull secrets.
            private static bool HasEntries(YamlNode? list) =>
                list is not null && !list.IsNull && (list.Kind != YamlNodeKind.Sequence || list.Items.Count > 0);

            private static bool IsFalse(YamlNode value) =>
                value.Kind == YamlNodeKind.Scalar && (value.IsNull || value.Text is "false" or "False" or "FALSE");

            private (string Name, Location Location)? NameOf(YamlNode? node, string key) =>
                node is { Kind: YamlNodeKind.Mapping } && node.Entry(key) is { } entry && NonEmpty(entry.Value.StringValue) is { } name
                    ? (name, ValueAt(entry))
                    : null;

            private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

            private static IEnumerable<YamlNode> Items(YamlNode? node) =>
                node is { Kind: YamlNodeKind.Sequence } ? node.Items : Array.Empty<YamlNode>();

            // An entry's value (with its quotes), or its key when the value is empty.
            private Location ValueAt(KeyValuePair<YamlNode, YamlNode> entry) =>
                entry.Value.End > entry.Value.Start ? Span(entry.Value.Start, entry.Value.End) : Span(entry.Key.Start, entry.Key.End);

            private Location EntryAt(KeyValuePair<YamlNode, YamlNode> entry) =>
                Span(entry.Key.Start, Math.Max(entry.Key.End, entry.Value.End));

            private Location Span(int start, int end) => YamlManifestReader.LocationOf(_place, _text, TextSpan.FromBounds(start, Math.Max(start, end)));
        }
    }
}
