using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// YAML in process (<c>-- analyze-yaml</c>): a project whose manifests are YAML, in files given as AdditionalFiles
/// (Deployments with two containers, Secret and ConfigMap references, pull secrets; every fifth file also defines the
/// Secret, ConfigMap and ServiceAccount it uses) and in constant strings handed to <c>KubernetesYaml.Deserialize</c>
/// (one C# file in four), beside ordinary application code; a third of the manifests have findings. The baseline is
/// the same C# without the strings and without the files: what a project with neither pays.
/// </summary>
internal static class YamlCorpus
{
    public static (CSharpCompilation Compilation, ImmutableArray<AdditionalText> Files) Create(int files, bool withYaml)
    {
        var trees = Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(
            withYaml && i % 4 == 0 ? LiteralFile(i) : ManifestCorpus.OrdinaryCode(i),
            path: $"File{i}.cs"));
        var compilation = CSharpCompilation.Create(
            "YamlCorpus",
            trees,
            ManifestCorpus.References(withKubernetes: true),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var additional = withYaml
            ? Enumerable.Range(0, files / 2).Select(i => (AdditionalText)new Text($"/deploy/app{i}.yaml", YamlFile(i))).ToImmutableArray()
            : ImmutableArray<AdditionalText>.Empty;
        return (compilation, additional);
    }

    private static string Deployment(int i) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app{{i}}
          namespace: shop
        spec:
          replicas: 2
          selector:
            matchLabels: { app: app{{i}} }
          template:
            metadata:
              labels: { app: app{{i}} }
            spec:
              serviceAccountName: runner{{i / 5 * 5}}
              imagePullSecrets:
                - name: registry{{i / 5 * 5}}
              containers:
                - name: api
                  image: registry.example.com/shop/api{{i}}:{{(i % 3 == 0 ? "latest" : "1.4." + i)}}
                  imagePullPolicy: {{(i % 3 == 0 ? "IfNotPresent" : "Always")}}
                  env:
                    - name: DB_PASSWORD
                      valueFrom: { secretKeyRef: { name: db{{i / 5 * 5}}, key: password } }
                  envFrom:
                    - configMapRef: { name: settings{{i / 5 * 5}} }
                - name: sidecar
                  image: ghcr.io/acme/proxy:2.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                  imagePullPolicy: IfNotPresent
              volumes:
                - name: certs
                  secret: { secretName: db{{i / 5 * 5}}, optional: true }
        """;

    private static string Objects(int i) => $$"""
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: db{{i}}, namespace: shop }
        type: Opaque
        stringData: { password: "${DB_PASSWORD}" }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: registry{{i}}, namespace: shop }
        type: kubernetes.io/dockerconfigjson
        data: { .dockerconfigjson: e30= }
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: { name: settings{{i}}, namespace: shop }
        data: { LOG_LEVEL: info }
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: runner{{i}}, namespace: shop }
        """;

    private static string YamlFile(int i) => i % 5 == 0 ? Deployment(i) + "\n" + Objects(i) : Deployment(i);

    private static string LiteralFile(int i) => $$""""
        using k8s;
        using k8s.Models;

        public static class Literal{{i}}
        {
            public static V1Deployment Build() => KubernetesYaml.Deserialize<V1Deployment>("""
        {{Indent(Deployment(100_000 + i))}}
                """);
        }
        """";

    private static string Indent(string text) => string.Join("\n", text.Split('\n').Select(line => "        " + line));

    private sealed class Text(string path, string content) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(content);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
