using System.Text;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// Source files shaped the way operators write manifests and applications, for the build comparison
/// (<see cref="BuildComparison"/>) and the IDE-path benchmark. The worst case is a file full of mistakes reached
/// through the idioms the analyzers follow (option defaults, <c>??</c>, helpers, loops, a secret referenced but not
/// defined); the realistic mix is correct manifests among ordinary application code.
/// </summary>
internal static class OperatorCorpus
{
    /// <summary>A docker config with a credential in it, as a C# string literal.</summary>
    private static readonly string DockerConfigLiteral = """ "{\"auths\":{\"registry.example.com\":{\"auth\":\"c2hvcDpodW50ZXIy\"}}}" """.Trim();

    /// <summary>
    /// One worst-case file: <paramref name="stacks"/> Deployments of ten containers each (nine written in place or
    /// by a helper, one per worker name in a loop), about 27 findings per stack, plus a pull Secret with a
    /// credential in source.
    /// </summary>
    public static string WorstCase(int i, int stacks = 1)
    {
        var text = new StringBuilder();
        text.Append($$"""
            using System.Collections.Generic;
            using k8s.Models;

            namespace Ops.Stacks{{i}};

            public sealed class StackOptions{{i}}
            {
                public string? Image { get; set; }
                public string? PullPolicy { get; set; }
                public string Tag { get; set; } = "latest";
                public List<string> Workers { get; } = new() { "worker" };
            }

            public static class Registry{{i}}
            {
                public const string Host = "registry.example.com";
                public const string Api = Host + "/shop/api";

                public static V1Container Sidecar(string name, string image) => new() { Name = name, Image = image };

                public static V1Secret PullSecret() => new()
                {
                    Metadata = new V1ObjectMeta { Name = "shop-registry-{{i}}", NamespaceProperty = "shop" },
                    Type = "kubernetes.io/dockerconfigjson",
                    StringData = new Dictionary<string, string>
                    {
                        [".dockerconfigjson"] = {{DockerConfigLiteral}},
                    },
                };
            }

            """);
        for (int s = 0; s < stacks; s++)
        {
            text.Append($$"""

                public static class Stack{{i}}x{{s}}
                {
                    public static V1Deployment Build(StackOptions{{i}} options)
                    {
                        var containers = new List<V1Container>
                        {
                            new() { Name = "web", Image = "nginx" },
                            new() { Name = "api", Image = $"{Registry{{i}}.Api}:{options.Tag}", ImagePullPolicy = options.PullPolicy ?? "IfNotPresent" },
                            new() { Name = "cache", Image = "Redis:7.2", ImagePullPolicy = "IfNotPresent" },
                            new() { Name = "db", Image = "postgres:latest", ImagePullPolicy = "IfNotPresent" },
                            new() { Name = "queue", Image = "rabbitmq:3.13", ImagePullPolicy = "always" },
                            new() { Name = "search", Image = options.Image ?? "elasticsearch" },
                            Registry{{i}}.Sidecar("proxy", "envoyproxy/envoy:v1.30.1"),
                            new() { Name = "metrics", Image = Registry{{i}}.Host + "/ops/metrics@sha256:abc123", ImagePullPolicy = "IfNotPresent" },
                            new() { Name = "jobs", Image = "registry.example.com:5000/shop/jobs:2.0", ImagePullPolicy = "Never" },
                        };
                        foreach (var worker in options.Workers)
                        {
                            containers.Add(new V1Container { Name = worker, Image = "busybox", Command = new List<string> { "sleep", "3600" } });
                        }

                        var labels = new Dictionary<string, string> { ["app"] = "stack{{i}}x{{s}}" };
                        return new V1Deployment
                        {
                            ApiVersion = "apps/v1",
                            Kind = "Deployment",
                            Metadata = new V1ObjectMeta { Name = "stack{{i}}x{{s}}", NamespaceProperty = "shop", Labels = labels },
                            Spec = new V1DeploymentSpec
                            {
                                Replicas = 2,
                                Selector = new V1LabelSelector { MatchLabels = labels },
                                Template = new V1PodTemplateSpec
                                {
                                    Metadata = new V1ObjectMeta { Labels = labels },
                                    Spec = new V1PodSpec
                                    {
                                        ImagePullSecrets = new List<V1LocalObjectReference> { new() { Name = "shop-regsitry-{{i}}" } },
                                        InitContainers = new List<V1Container> { new() { Name = "migrate", Image = Registry{{i}}.Api } },
                                        Containers = containers,
                                        Volumes = new List<V1Volume>
                                        {
                                            new() { Name = "certs", Secret = new V1SecretVolumeSource { SecretName = "tls-{{i}}x{{s}}" } },
                                            new() { Name = "settings", ConfigMap = new V1ConfigMapVolumeSource { Name = "settings-{{i}}x{{s}}" } },
                                        },
                                    },
                                },
                            },
                        };
                    }
                }

                """);
        }

        return text.ToString();
    }

    /// <summary>
    /// A correct manifest document of at least <paramref name="minLines"/> lines: the classes of several
    /// <see cref="CorrectManifest"/> files in one file and one namespace.
    /// </summary>
    public static string CorrectDocument(int i, int minLines)
    {
        var text = new StringBuilder(CorrectManifest(i));
        for (int next = i + 1; text.ToString().Split('\n').Length < minLines; next++)
        {
            // The usings and the file-scoped namespace come once, from the first.
            string more = CorrectManifest(next);
            text.Append('\n').Append(more[(more.IndexOf($"namespace Ops.Services{next};", StringComparison.Ordinal) + $"namespace Ops.Services{next};".Length)..]);
        }

        return text.ToString();
    }

    /// <summary>A correct manifest file: every policy written, every tag pinned, the pull secret defined and used.</summary>
    public static string CorrectManifest(int i) => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        namespace Ops.Services{{i}};

        public sealed class ServiceOptions{{i}}
        {
            public string Version { get; set; } = "1.4.{{i}}";
            public int Replicas { get; set; } = 2;
        }

        public static class Service{{i}}
        {
            private const string Registry = "registry.example.com/shop";

            public static V1Secret PullSecret(string dockerConfigJson) => new()
            {
                Metadata = new V1ObjectMeta { Name = "shop-registry", NamespaceProperty = "shop" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = System.Text.Encoding.UTF8.GetBytes(dockerConfigJson) },
            };

            public static V1Deployment Deployment(ServiceOptions{{i}} options)
            {
                var labels = new Dictionary<string, string> { ["app"] = "service{{i}}" };
                return new V1Deployment
                {
                    ApiVersion = "apps/v1",
                    Kind = "Deployment",
                    Metadata = new V1ObjectMeta { Name = "service{{i}}", NamespaceProperty = "shop", Labels = labels },
                    Spec = new V1DeploymentSpec
                    {
                        Replicas = options.Replicas,
                        Selector = new V1LabelSelector { MatchLabels = labels },
                        Template = new V1PodTemplateSpec
                        {
                            Metadata = new V1ObjectMeta { Labels = labels },
                            Spec = new V1PodSpec
                            {
                                ImagePullSecrets = new List<V1LocalObjectReference> { new() { Name = "shop-registry" } },
                                Containers = new List<V1Container>
                                {
                                    new()
                                    {
                                        Name = "service",
                                        Image = $"{Registry}/service{{i}}:{options.Version}",
                                        ImagePullPolicy = "IfNotPresent",
                                        Ports = new List<V1ContainerPort> { new() { ContainerPort = 8080, Name = "http" } },
                                        Env = new List<V1EnvVar> { new() { Name = "ASPNETCORE_URLS", Value = "http://+:8080" } },
                                    },
                                },
                            },
                        },
                    },
                };
            }
        }
        """;

    /// <summary>
    /// Ordinary application code: records, a repository, a service with async methods, LINQ, object initializers with
    /// members named like the manifest properties (<c>Image</c>, <c>Name</c>), string building and exceptions.
    /// </summary>
    public static string ApplicationCode(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Shop.Catalog{{i}};

        public sealed record Product{{i}}(string Id, string Name, decimal Price)
        {
            public string? Image { get; init; }
            public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();
        }

        public sealed class ProductQuery{{i}}
        {
            public string? Name { get; set; }
            public decimal? MaxPrice { get; set; }
            public int Page { get; set; } = 1;
            public int PageSize { get; set; } = 20;
        }

        public interface IProductRepository{{i}}
        {
            Task<IReadOnlyList<Product{{i}}>> ListAsync(CancellationToken cancellationToken);
        }

        public sealed class ProductService{{i}}
        {
            private readonly IProductRepository{{i}} _repository;
            private readonly Dictionary<string, Product{{i}}> _cache = new(StringComparer.Ordinal);

            public ProductService{{i}}(IProductRepository{{i}} repository) => _repository = repository ?? throw new ArgumentNullException(nameof(repository));

            public async Task<IReadOnlyList<Product{{i}}>> SearchAsync(ProductQuery{{i}} query, CancellationToken cancellationToken)
            {
                var all = await _repository.ListAsync(cancellationToken).ConfigureAwait(false);
                IEnumerable<Product{{i}}> matches = all;
                if (!string.IsNullOrEmpty(query.Name))
                {
                    matches = matches.Where(p => p.Name.Contains(query.Name, StringComparison.OrdinalIgnoreCase));
                }

                if (query.MaxPrice is { } max)
                {
                    matches = matches.Where(p => p.Price <= max);
                }

                var page = matches.OrderBy(p => p.Name, StringComparer.Ordinal).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
                foreach (var product in page)
                {
                    _cache[product.Id] = product;
                }

                return page;
            }

            public Product{{i}} WithImage(Product{{i}} product, string image)
            {
                if (string.IsNullOrWhiteSpace(image))
                {
                    throw new ArgumentException("An image is required.", nameof(image));
                }

                var updated = product with { Image = image.Trim(), Tags = product.Tags.Append("has-image").ToArray() };
                _cache[updated.Id] = updated;
                return updated;
            }

            public string Describe(string id)
            {
                if (!_cache.TryGetValue(id, out var product))
                {
                    return $"unknown product {id}";
                }

                var builder = new System.Text.StringBuilder();
                builder.Append(product.Name).Append(" (").Append(product.Price.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
                foreach (var tag in product.Tags)
                {
                    builder.Append(" #").Append(tag);
                }

                return builder.ToString();
            }
        }
        """;
}
