using System;
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
    /// items of a <c>kind: List</c>; any other kind (a CRD, a Service) is ignored. Parsing is
    /// <see cref="YamlTextReader"/>'s, the only code that touches YamlDotNet.
    /// </summary>
    internal static class YamlManifestReader
    {
        /// <summary>True for the files the front-end reads: <c>.yaml</c> and <c>.yml</c>, any case.</summary>
        internal static bool IsYamlPath(string path) =>
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        internal static YamlManifest Read(string path, SourceText text, CancellationToken cancellationToken)
        {
            string content = text.ToString();
            if (TemplateAt(content) is { } template)
            {
                return new YamlManifest(ImmutableArray<YamlContainer>.Empty, null, content.Substring(template.Start, template.Length), LocationOf(path, text, template), YamlObjects.Unreadable(content));
            }

            // A byte-order mark the decoder left in the text is no YAML content.
            int offset = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
            var parsed = YamlTextReader.Parse(offset == 0 ? content : content.Substring(offset), offset);
            if (parsed.Error is { } error)
            {
                int at = Math.Min(parsed.ErrorAt, text.Length);
                return new YamlManifest(ImmutableArray<YamlContainer>.Empty, error, null, LocationOf(path, text, new TextSpan(at, at < text.Length ? 1 : 0)), YamlObjects.Unreadable(content));
            }

            var containers = ImmutableArray.CreateBuilder<YamlContainer>();
            var reader = new Reader(path, text, containers);
            foreach (var document in parsed.Documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                reader.Object(document, listDepth: 0);
            }

            return new YamlManifest(containers.ToImmutable(), null, null, null, YamlObjectReader.Read(path, text, parsed.Documents, cancellationToken));
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

        private static Location LocationOf(string path, SourceText text, TextSpan span)
        {
            int start = Math.Min(Math.Max(0, span.Start), text.Length);
            int end = Math.Min(Math.Max(start, span.End), text.Length);
            var clamped = TextSpan.FromBounds(start, end);
            return Location.Create(path, clamped, text.Lines.GetLinePositionSpan(clamped));
        }

        private sealed class Reader
        {
            // A List inside a List is read; deeper nesting is not a manifest.
            private const int MaxListDepth = 4;

            private readonly string _path;
            private readonly SourceText _text;
            private readonly ImmutableArray<YamlContainer>.Builder _containers;

            internal Reader(string path, SourceText text, ImmutableArray<YamlContainer>.Builder containers)
            {
                _path = path;
                _text = text;
                _containers = containers;
            }

            internal void Object(YamlNode? node, int listDepth)
            {
                if (node is not { Kind: YamlNodeKind.Mapping } || !IsBuiltInGroup(node["apiVersion"]?.StringValue))
                {
                    return;
                }

                switch (node["kind"]?.StringValue)
                {
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

                foreach (var list in new[] { "containers", "initContainers", "ephemeralContainers" })
                {
                    foreach (var container in Items(spec[list]))
                    {
                        if (container.Kind == YamlNodeKind.Mapping)
                        {
                            Add(container, "image", "imagePullPolicy", container, isImageVolume: false);
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

            private void Add(YamlNode owner, string imageKey, string policyKey, YamlNode fields, bool isImageVolume)
            {
                var nameEntry = owner.Entry("name");
                var first = nameEntry ?? (owner.Entries.Count > 0 ? owner.Entries[0] : default(System.Collections.Generic.KeyValuePair<YamlNode, YamlNode>?));
                var at = first is { } entry ? Span(entry.Key.Start, Math.Max(entry.Key.End, entry.Value.End)) : Span(owner.Start, owner.Start);
                var imageEntry = fields.Entry(imageKey);
                var imageEntryAt = imageEntry is { } found ? Span(found.Key.Start, Math.Max(found.Key.End, found.Value.End)) : at;
                _containers.Add(new YamlContainer(
                    nameEntry?.Value.StringValue,
                    isImageVolume,
                    at,
                    imageEntryAt,
                    Value(imageEntry),
                    Value(fields.Entry(policyKey))));
            }

            private YamlValue? Value(System.Collections.Generic.KeyValuePair<YamlNode, YamlNode>? entry)
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

            private static System.Collections.Generic.IEnumerable<YamlNode> Items(YamlNode? node) =>
                node is { Kind: YamlNodeKind.Sequence } ? node.Items : Array.Empty<YamlNode>();

            private Location Span(int start, int end) => LocationOf(_path, _text, TextSpan.FromBounds(start, Math.Max(start, end)));
        }
    }
}
