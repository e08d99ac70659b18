using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// A compilation shaped like a real manifests project: <c>files</c> source files, each building a Deployment
/// with an init container and two containers through the idioms the analyzers read, plus as many files of
/// ordinary code that touch no Kubernetes type (the cost every project pays).
/// </summary>
internal static class ManifestCorpus
{
    /// <summary>The build comparison's worst case (<see cref="OperatorCorpus.WorstCase"/>) as one compilation.</summary>
    public static CSharpCompilation CreateWorstCase(int files) => CSharpCompilation.Create(
        "Worst",
        Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(OperatorCorpus.WorstCase(i), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12), path: $"Manifest{i}.cs")),
        References(withKubernetes: true),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The build comparison's realistic mix (100 correct manifest files among 900 application files) as one compilation.</summary>
    public static CSharpCompilation CreateRealisticMix() => CSharpCompilation.Create(
        "Realistic",
        Enumerable.Range(0, 100).Select(i => CSharpSyntaxTree.ParseText(OperatorCorpus.CorrectManifest(i), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12), path: $"Manifest{i}.cs"))
            .Concat(Enumerable.Range(0, 900).Select(i => CSharpSyntaxTree.ParseText(OperatorCorpus.ApplicationCode(i), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12), path: $"Application{i}.cs"))),
        References(withKubernetes: true),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Create(int files, bool withKubernetes = true)
    {
        var trees = new List<SyntaxTree>(files * 2);
        for (int i = 0; i < files; i++)
        {
            if (withKubernetes)
            {
                trees.Add(CSharpSyntaxTree.ParseText(Manifest(i), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12), path: $"Manifest{i}.cs"));
            }

            trees.Add(CSharpSyntaxTree.ParseText(OrdinaryCode(i), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12), path: $"Service{i}.cs"));
        }

        return CSharpCompilation.Create(
            "Manifests",
            trees,
            References(withKubernetes),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    internal static string Manifest(int i) => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        namespace Shop.Manifests{{i}};

        public static class Images{{i}}
        {
            public const string Registry = "registry.example.com";
            public const string Api = $"{Registry}/shop/api{{i}}:3.2.{{i}}";
        }

        public static class Deployment{{i}}
        {
            public static V1Deployment Build(string version)
            {
                var labels = new Dictionary<string, string> { ["app"] = "api{{i}}" };
                var sidecar = new V1Container { Name = "proxy", Image = "envoyproxy/envoy" };
                var secret = new V1Secret
                {
                    Metadata = new V1ObjectMeta { Name = "registry{{i}}", NamespaceProperty = "shop{{i}}" },
                    Type = "kubernetes.io/dockerconfigjson",
                    StringData = new Dictionary<string, string> { [".dockerconfigjson"] = version },
                };
                sidecar.Args = ["--log-level", "info"];
                return new V1Deployment
                {
                    Metadata = new V1ObjectMeta { Name = "api{{i}}", Labels = labels, NamespaceProperty = "shop{{i}}" },
                    Spec = new V1DeploymentSpec
                    {
                        Selector = new V1LabelSelector { MatchLabels = labels },
                        Template = new V1PodTemplateSpec
                        {
                            Spec = new V1PodSpec
                            {
                                ImagePullSecrets = [new() { Name = "{{(i % 10 == 0 ? "missing" : "registry") + i}}" }],
                                InitContainers = [new() { Name = "migrate", Image = Images{{i}}.Api, ImagePullPolicy = "IfNotPresent" }],
                                Containers =
                                [
                                    new V1Container { Name = "api", Image = Images{{i}}.Api, ImagePullPolicy = "IfNotPresent", Env = [new V1EnvVar { Name = "VERSION", Value = version }] },
                                    new V1Container { Name = "job", Image = "busybox:latest", ImagePullPolicy = "IfNotPresent" },
                                    sidecar,
                                ],
                            },
                        },
                    },
                };
            }
        }
        """;

    internal static string OrdinaryCode(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Shop.Services{{i}};

        public sealed class Order{{i}} { public string? Image { get; set; } public string Id { get; set; } = ""; public decimal Total { get; set; } }

        public sealed class OrderService{{i}}
        {
            private readonly List<Order{{i}}> _orders = new();

            public Order{{i}} Add(string id, decimal total)
            {
                var order = new Order{{i}} { Id = id, Total = total, Image = "logo.png" };
                order.Total = Math.Round(order.Total, 2);
                _orders.Add(order);
                return order;
            }

            public decimal Sum(Func<Order{{i}}, bool> filter) => _orders.Where(filter).Sum(o => o.Total);
        }
        """;

    internal static ImmutableArray<MetadataReference> References(bool withKubernetes)
    {
        string root = typeof(ManifestCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (string dll in Directory.GetFiles(Path.Combine(root, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0"), "*.dll"))
        {
            builder.Add(MetadataReference.CreateFromFile(dll));
        }

        if (withKubernetes)
        {
            builder.Add(MetadataReference.CreateFromFile(Path.Combine(root, "kubernetesclient", "21.0.8", "lib", "net8.0", "KubernetesClient.dll")));
        }

        return builder.ToImmutable();
    }
}
