using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The YAML front-end: a file's text to the containers of its pod templates (<see cref="YamlManifest"/>). Reads
    /// Pods, PodTemplates, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs and CronJobs
    /// of the core, <c>apps</c>, <c>extensions</c> and <c>batch</c> groups, in every document of a stream and in the
    /// items of a <c>kind: List</c>, with their containers' env lists and their <c>imagePullSecrets</c>; and the data of core
    /// Secrets and ConfigMaps and the <c>imagePullSecrets</c> of core ServiceAccounts. Any other kind (a CRD, a Service)
    /// is ignored. Parsing is
    /// <see cref="YamlTextReader"/>'s, the only code that touches YamlDotNet.
    /// </summary>
    internal static class YamlManifestReader
    {
        /// <summary>True for the files the front-end reads: <c>.yaml</c> and <c>.yml</c>, any case.</summary>
        internal static bool IsYamlPath(string path) =>
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        internal static YamlManifest Read(string path, SourceText text, CancellationToken cancellationToken) =>
            Read(text, span => Location.Create(path, span, text.Lines.GetLinePositionSpan(span)), cancellationToken);

        /// <summary>
        /// Reads <paramref name="text"/>, placing every location through <paramref name="place"/> (a span of the text,
        /// within its bounds): in a file, the file's line and column; in a C# string, the source span of the literal
        /// (<see cref="YamlLiteralReader"/>), asked only for the locations the manifest holds.
        /// </summary>
        internal static YamlManifest Read(SourceText text, Func<TextSpan, Location> place, CancellationToken cancellationToken)
        {
            string content = text.ToString();
            if (TemplateAt(content) is { } template)
            {
                return new YamlManifest(ImmutableArray<YamlContainer>.Empty, null, content.Substring(template.Start, template.Length), LocationOf(place, text, template), YamlObjects.Unreadable(content));
            }

            // A byte-order mark the decoder left in the text is no YAML content.
            int offset = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
            var parsed = YamlTextReader.Parse(offset == 0 ? content : content.Substring(offset), offset);
            if (parsed.Error is { } error)
            {
                int at = Math.Min(parsed.ErrorAt, text.Length);
                return new YamlManifest(ImmutableArray<YamlContainer>.Empty, error, null, LocationOf(place, text, new TextSpan(at, at < text.Length ? 1 : 0)), YamlObjects.Unreadable(content));
            }

            var reader = new Reader(place, text);
            foreach (var document in parsed.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reader.Object(document, listDepth: 0);
            }

            return new YamlManifest(
                reader.Containers.ToImmutable(),
                null,
                null,
                null,
                YamlObjectReader.Read(place, text, parsed.Documents, cancellationToken),
                reader.PullSecretLists.ToImmutable(),
                reader.DataEntries.ToImmutable());
        }

        // The first `{{ … }}` outside a comment line: Helm's and other Go templates, which are YAML only once rendered.
        private static TextSpan? TemplateAt(string content)
        {
            int open = content.IndexOf("{{", StringComparison.Ordinal);
            while (open >= 0)
            {
                int lineStart = content.LastIndexOf('\n', Math.Max(0, open - 1)) + 1;
                if (open == 0)
                {
                    lineStart = 0;
                }

                if (!content.Substring(lineStart, open - lineStart).TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    int lineEnd = content.IndexOf('\n', open);
                    int close = content.IndexOf("}}", open + 2, StringComparison.Ordinal);
                    int end = close >= 0 && (lineEnd < 0 || close < lineEnd) ? close + 2 : open + 2;
                    return new TextSpan(open, end - open);
                }

                open = content.IndexOf("{{", open + 2, StringComparison.Ordinal);
            }

            return null;
        }

        internal static Location LocationOf(Func<TextSpan, Location> place, SourceText text, TextSpan span)
        {
            int start = Math.Min(Math.Max(0, span.Start), text.Length);
            int end = Math.Min(Math.Max(start, span.End), text.Length);
            return place(TextSpan.FromBounds(start, end));
        }

        private sealed class Reader
        {
            // A List inside a List is read; deeper nesting is not a manifest.
            private const int MaxListDepth = 4;

            private readonly Func<TextSpan, Location> _place;
            private readonly SourceText _text;

            // The lists and mappings already read: an alias (`env: *common`) repeats a node, judged once.
            private readonly HashSet<YamlNode> _seen = new();

            internal Reader(Func<TextSpan, Location> place, SourceText text)
            {
                _place = place;
                _text = text;
            }

            internal ImmutableArray<YamlContainer>.Builder Containers { get; } = ImmutableArray.CreateBuilder<YamlContainer>();

            internal ImmutableArray<PullSecrets.PullSecretList>.Builder PullSecretLists { get; } = ImmutableArray.CreateBuilder<PullSecrets.PullSecretList>();

            internal ImmutableArray<YamlDataEntry>.Builder DataEntries { get; } = ImmutableArray.CreateBuilder<YamlDataEntry>();

            internal void Object(YamlNode? node, int listDepth)
            {
                if (node is not { Kind: YamlNodeKind.Mapping } || !IsBuiltInGroup(node["apiVersion"]?.StringValue))
                {
                    return;
                }

                bool core = node["apiVersion"]?.StringValue is not { } apiVersion || apiVersion.IndexOf('/') < 0;
                switch (node["kind"]?.StringValue)
                {
                    case "Secret" when core:
                        Data(node["data"], inSecret: true, node["type"]?.StringValue);
                        Data(node["stringData"], inSecret: true, node["type"]?.StringValue);
                        break;
                    case "ConfigMap" when core:
                        Data(node["data"], inSecret: false, null);
                        break;
                    case "ServiceAccount" when core:
                        PullSecrets(node["imagePullSecrets"]);
                        break;
                    case "List" when listDepth < MaxListDepth:
                        foreach (var item in Items(node["items"]))
                        {
                            Object(item, listDepth + 1);
                        }

                        break;
                    case "Pod":
                        PodSpec(node["spec"]);
                        break;
                    case "PodTemplate":
                        PodSpec(node["template"]?["spec"]);
                        break;
                    case "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job":
                        PodSpec(node["spec"]?["template"]?["spec"]);
                        break;
                    case "CronJob":
                        PodSpec(node["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]);
                        break;
                }
            }

            // The kinds above exist in the core group (v1) and in apps, extensions and batch; the same kind in another
            // group is a custom resource with its own schema. No apiVersion at all (a List's items may omit it) is read.
            private static bool IsBuiltInGroup(string? apiVersion)
            {
                if (apiVersion is null)
                {
                    return true;
                }

                int slash = apiVersion.IndexOf('/');
                string group = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
                return group is "" or "apps" or "extensions" or "batch";
            }

            private void PodSpec(YamlNode? spec)
            {
                if (spec is not { Kind: YamlNodeKind.Mapping })
                {
                    return;
                }

                PullSecrets(spec["imagePullSecrets"]);
                foreach (var list in new[] { "containers", "initContainers", "ephemeralContainers" })
                {
                    foreach (var container in Items(spec[list]))
                    {
                        if (container.Kind == YamlNodeKind.Mapping)
                        {
                            Add(container, "image", "imagePullPolicy", container, isImageVolume: false, Env(container["env"]));
                        }
                    }
                }

                foreach (var volume in Items(spec["volumes"]))
                {
                    if (volume["image"] is { Kind: YamlNodeKind.Mapping } image)
                    {
                        Add(volume, "reference", "pullPolicy", image, isImageVolume: true);
                    }
                }
            }

            private void Add(YamlNode owner, string imageKey, string policyKey, YamlNode fields, bool isImageVolume, ImmutableArray<YamlEnvVar> env = default)
            {
                var nameEntry = owner.Entry("name");
                var first = nameEntry ?? (owner.Entries.Count > 0 ? owner.Entries[0] : default(KeyValuePair<YamlNode, YamlNode>?));
                var at = first is { } entry ? Span(entry.Key.Start, Math.Max(entry.Key.End, entry.Value.End)) : Span(owner.Start, owner.Start);
                var imageEntry = fields.Entry(imageKey);
                var imageEntryAt = imageEntry is { } found ? Span(found.Key.Start, Math.Max(found.Key.End, found.Value.End)) : at;
                Containers.Add(new YamlContainer(
                    nameEntry?.Value.StringValue,
                    isImageVolume,
                    at,
                    imageEntryAt,
                    Value(imageEntry),
                    Value(fields.Entry(policyKey)),
                    env));
            }

            // The entries of an env list (mappings only), once per list node.
            private ImmutableArray<YamlEnvVar> Env(YamlNode? list)
            {
                if (list is not { Kind: YamlNodeKind.Sequence } || list.Items.Count == 0 || !_seen.Add(list))
                {
                    return ImmutableArray<YamlEnvVar>.Empty;
                }

                var entries = ImmutableArray.CreateBuilder<YamlEnvVar>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (item.Kind != YamlNodeKind.Mapping)
                    {
                        continue;
                    }

                    var at = Span(item.Start, ContentEnd(item));
                    var nameEntry = item.Entry("name");
                    string? name = nameEntry?.Value.StringValue is { Length: > 0 } text ? text : null;
                    entries.Add(new YamlEnvVar(
                        name,
                        nameEntry is { } written && name is not null ? Span(written.Value.Start, written.Value.End) : at,
                        at,
                        Value(item.Entry("value")),
                        item["valueFrom"] is { IsNull: false }));
                }

                return entries.ToImmutable();
            }

            // An imagePullSecrets list (its mapping entries), once per list node.
            private void PullSecrets(YamlNode? list)
            {
                if (list is not { Kind: YamlNodeKind.Sequence } || list.Items.Count == 0 || !_seen.Add(list))
                {
                    return;
                }

                // Only mappings are entries; anything else in the list is the schema's business. A `name: null` names
                // nothing, like no name at all; `name: ""` is an empty name.
                var entries = ImmutableArray.CreateBuilder<PullSecrets.PullSecretListEntry>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (item.Kind == YamlNodeKind.Mapping)
                    {
                        var name = item["name"];
                        string? text = name?.StringValue;
                        entries.Add(new PullSecrets.PullSecretListEntry(text, nameIsKnown: name is null || name.Kind == YamlNodeKind.Scalar, nameIsWritten: text is not null, Span(item.Start, ContentEnd(item))));
                    }
                }

                PullSecretLists.Add(new PullSecrets.PullSecretList(entries.ToImmutable()));
            }

            // The string entries of a data mapping, once per mapping node.
            private void Data(YamlNode? data, bool inSecret, string? secretType)
            {
                if (data is not { Kind: YamlNodeKind.Mapping } || !_seen.Add(data))
                {
                    return;
                }

                foreach (var entry in data.Entries)
                {
                    if (entry.Key.StringValue is { Length: > 0 } key && entry.Value.Kind == YamlNodeKind.Scalar && Value(entry) is { } value)
                    {
                        DataEntries.Add(new YamlDataEntry(inSecret, secretType, key, value));
                    }
                }
            }

            private YamlValue? Value(KeyValuePair<YamlNode, YamlNode>? entry)
            {
                if (entry is not { } found)
                {
                    return null;
                }

                var value = found.Value;
                // An empty value has no span of its own: the key is where it is (missing).
                var span = value.End > value.Start ? Span(value.Start, value.End) : Span(found.Key.Start, found.Key.End);
                return new YamlValue(value.StringValue, value.Kind == YamlNodeKind.Scalar, span);
            }

            // Where a node's text ends: a block collection's end event is the next token, on a later line, so it ends
            // with its last entry or item (a flow collection with its bracket).
            private int ContentEnd(YamlNode node)
            {
                for (int depth = 0; depth < YamlTextReader.MaxDepth && node.Kind != YamlNodeKind.Scalar; depth++)
                {
                    if (node.Start < _text.Length && _text[node.Start] is '{' or '[')
                    {
                        return node.End;
                    }

                    if (node.Kind == YamlNodeKind.Mapping && node.Entries.Count > 0)
                    {
                        var last = node.Entries[node.Entries.Count - 1];
                        if (last.Value.End <= last.Value.Start)
                        {
                            // `name:` with nothing after it: the key is the end.
                            return Math.Max(last.Key.End, last.Value.End);
                        }

                        node = last.Value;
                    }
                    else if (node.Kind == YamlNodeKind.Sequence && node.Items.Count > 0)
                    {
                        node = node.Items[node.Items.Count - 1];
                    }
                    else
                    {
                        return node.End;
                    }
                }

                return node.End;
            }

            private static IEnumerable<YamlNode> Items(YamlNode? node) =>
                node is { Kind: YamlNodeKind.Sequence } ? node.Items : Array.Empty<YamlNode>();

            private Location Span(int start, int end) => LocationOf(_place, _text, TextSpan.FromBounds(start, Math.Max(start, end)));
        }
    }
}
