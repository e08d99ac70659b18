using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// Aspire app hosts in process (<c>-- analyze-aspire</c>): files that add container resources the way app hosts do
/// (fluent chains, split chains over a local, extension helpers that add a container and return its builder, fluent
/// helpers, a Kubernetes environment), half of them with findings, compiled against KubernetesClient 21 and
/// Aspire.Hosting 13.6.5; beside the same number of files of ordinary application code.
/// </summary>
internal static class AspireCorpus
{
    public static CSharpCompilation Create(int files) => CSharpCompilation.Create(
        "AspireCorpus",
        Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(i % 2 == 0 ? AppHostFile(i) : ManifestCorpus.OrdinaryCode(i), path: $"File{i}.cs")),
        References(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static ImmutableArray<MetadataReference> References()
    {
        string root = typeof(AspireCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        return ManifestCorpus.References(withKubernetes: true).Add(MetadataReference.CreateFromFile(Path.Combine(root, "aspire.hosting", "13.6.5", "lib", "net8.0", "Aspire.Hosting.dll")));
    }

    private static string AppHostFile(int i) => $$"""
        using Aspire.Hosting;
        using Aspire.Hosting.ApplicationModel;

        public static class Infra{{i}}
        {
            private const string SeqImage = "datalust/seq";

            public static IResourceBuilder<ContainerResource> AddSeq{{i}}(this IDistributedApplicationBuilder builder, string name, string tag = "latest") =>
                builder.AddContainer(name, SeqImage, tag).WithImagePullPolicy(ImagePullPolicy.Missing);

            public static IResourceBuilder<ContainerResource> AddCache{{i}}(IDistributedApplicationBuilder builder)
            {
                var cache = builder.AddContainer("cache{{i}}", "redis");
                cache.WithImageRegistry("mirror.example.com");
                return cache;
            }

            public static IResourceBuilder<T> Pinned{{i}}<T>(this IResourceBuilder<T> builder, string tag) where T : ContainerResource =>
                builder.WithImageTag(tag);

            public static void Build(IDistributedApplicationBuilder builder, string? edge)
            {
                builder.AddSeq{{i}}("seq").WithImageTag("2024.3");
                builder.AddSeq{{i}}("seq-edge");
                AddCache{{i}}(builder).WithImageTag("7.2");
                AddCache{{i}}(builder);

                var web = builder.AddContainer("web{{i}}", "nginx", "1.27");
                web.WithImagePullPolicy(ImagePullPolicy.Always);
                builder.AddContainer("api{{i}}", "ghcr.io/acme/api").Pinned{{i}}(edge ?? "latest");
                builder.AddContainer("db{{i}}", "postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                builder.AddContainer("pause{{i}}", "pause", "3.9").WithImageRegistry("k8s.gcr.io");
            }
        }
        """;
}
