using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;
using SecretVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Helpers, factories, builders and value-returning methods of the compilation are followed: their findings appear at
/// the call with a message naming the method, their writes silence false reports, and what cannot be followed stays
/// silent.
/// </summary>
public sealed class HelperTests
{
    private const string Factory = """
        using k8s.Models;

        static class Containers
        {
            public static V1Container Worker(string name, string image) => new() { Name = name, Image = image, ImagePullPolicy = "IfNotPresent" };
        }
        """;

    [Fact]
    public async Task FactoryArguments_AreCheckedAsIfWrittenInTheFactory()
    {
        var image = new ImageVerify.Test();
        image.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec(string configured) => new()
                {
                    Containers = [Containers.Worker("a", {|#0:"busybox:latest"|}), Containers.Worker("b", "busybox:1.36"), Containers.Worker("c", configured), Containers.Worker("d", {|#1:"Busybox:1"|})],
                };
            }
            """);
        image.TestState.Sources.Add(Factory);
        image.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0).WithArguments("busybox:latest", "uses the tag 'latest'", "passed to Containers.Worker"));
        image.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(1).WithArguments("Busybox:1", "the repository 'Busybox' has uppercase letters, and repositories are lowercase", "passed to Containers.Worker"));
        await image.RunAsync();

        var policy = new PolicyVerify.Test();
        policy.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1Container A() => Containers.Worker("a", {|#0:"busybox:latest"|});
                public static V1Container B() => Containers.Worker("b", "busybox:1.36");
                public static V1Container C()
                {
                    var c = Containers.Worker("c", "busybox:latest");
                    c.ImagePullPolicy = "Always";
                    return c;
                }
            }
            """);
        policy.TestState.Sources.Add(Factory);
        policy.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0).WithArguments("busybox:latest", "tag 'latest'", "created by Containers.Worker"));
        await policy.RunAsync();
    }

    [Fact]
    public async Task FluentBuilders_WriteTheirContainer()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Policies { public const string Cached = "IfNotPresent"; }

            static class ContainerBuilder
            {
                public static V1Container WithImage(this V1Container container, string image)
                {
                    container.Image = image;
                    return container;
                }

                public static V1Container WithPullPolicy(this V1Container container, string policy)
                {
                    container.ImagePullPolicy = policy;
                    return container;
                }

                public static V1Container PullAlways(this V1Container container)
                {
                    container.ImagePullPolicy = "Always";
                    return container;
                }

                public static V1Container MaybeAlways(this V1Container container, bool always)
                {
                    if (always)
                    {
                        container.ImagePullPolicy = "Always";
                    }

                    return container;
                }
            }

            static class Pods
            {
                public static V1Container Shell() => new V1Container { Name = "shell" }.WithImage("busybox:1.36").PullAlways();
                public static V1Container Cached() => new V1Container { Name = "cache" }.WithImage("busybox:latest").WithPullPolicy({|#0:Policies.Cached|});
                public static V1Container Never() => new V1Container { Name = "never" }.WithImage("busybox:1.36").WithPullPolicy({|#1:"never"|});
                public static V1Container Maybe(bool fast) => {|#2:new V1Container|} { Name = "maybe", Image = "busybox:1.36" }.MaybeAlways(fast);

                public static V1Container Split()
                {
                    var container = new V1Container { Name = "split" }.WithImage("busybox:1.36");
                    container = container.PullAlways();
                    return container;
                }

                // A chain split over statements on one local: each call's writes reach the container.
                public static V1Container Statements()
                {
                    var container = new V1Container { Name = "statements" };
                    container.WithImage("busybox:latest");
                    container.WithPullPolicy({|#3:"IfNotPresent"|});
                    return container;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0).WithArguments("busybox:latest", "tag 'latest'", "set by ContainerBuilder.WithImage"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicyFrom).WithLocation(1).WithArguments("never", " (did you mean 'Never'?)", "passed to ContainerBuilder.WithPullPolicy"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_PullPolicyOnSomePaths).WithLocation(2).WithArguments("'IfNotPresent'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(3).WithArguments("busybox:latest", "tag 'latest'", "set by ContainerBuilder.WithImage"));
        await test.RunAsync();
    }

    [Fact]
    public async Task HardeningHelpers_SilenceKMA001_UnfollowedCallsStaySilent()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Hardening
            {
                public static void Harden(V1Container container) => container.ImagePullPolicy = "Always";

                public static void HardenAll(V1PodSpec spec)
                {
                    foreach (var container in spec.Containers)
                    {
                        container.ImagePullPolicy ??= "IfNotPresent";
                    }
                }

                // Recursive: not followed into itself, so what it may write is unknown (silent).
                public static void Again(V1Container container, int times)
                {
                    if (times > 0)
                    {
                        Again(container, times - 1);
                    }
                }
            }

            static class Pods
            {
                public static V1Container Hardened()
                {
                    var container = new V1Container { Name = "a", Image = "busybox:1.36" };
                    Hardening.Harden(container);
                    return container;
                }

                public static V1PodSpec AllHardened()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "a:1" }, new() { Image = "b:1" }] };
                    Hardening.HardenAll(spec);
                    return spec;
                }

                public static V1Container ThirdParty(System.Action<V1Container> configure)
                {
                    var container = new V1Container { Name = "a", Image = "busybox:1.36" };
                    configure(container);
                    return container;
                }

                public static V1Container Recursive()
                {
                    var container = new V1Container { Name = "a", Image = "busybox:1.36" };
                    Hardening.Again(container, 3);
                    return container;
                }

                public static V1Container Logged(Microsoft.Extensions.Logging.ILogger? logger)
                {
                    var container = {|#1:new V1Container|} { Name = "a", Image = "busybox:1.36" };
                    System.Console.WriteLine(container);
                    return container;
                }
            }
            """.Replace("Microsoft.Extensions.Logging.ILogger? logger", "object? logger"));
        // A call into the base library cannot write the container: it is still reported.
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA001").WithLocation(1).WithArguments("'IfNotPresent'"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ValueReturningMethods_AreFolded()
    {
        var test = new ImageVerify.Test();
        test.TestState.Sources.Add("""
            using System;
            using k8s.Models;

            static class Images
            {
                public const string DefaultRunner = "ghcr.io/acme/runner:latest";
                public static string GetRunnerImage() => Environment.GetEnvironmentVariable("RUNNER_IMAGE") ?? DefaultRunner;
                public static string Pinned(string tag) => "ghcr.io/acme/runner:" + tag;
                public static string Loop(int n) => n > 0 ? Loop(n - 1) : "busybox";
            }

            static class Pods
            {
                public static V1Container A() => new V1Container { Image = {|#0:Images.GetRunnerImage()|}, ImagePullPolicy = "Always" };
                public static V1Container B() => new V1Container { Image = Images.Pinned("1.2"), ImagePullPolicy = "Always" };
                public static V1Container C() => new V1Container { Image = {|#1:Images.Pinned("latest")|}, ImagePullPolicy = "Always" };
                public static V1Container D() => new V1Container { Image = {|#2:Images.Loop(2)|}, ImagePullPolicy = "Always" };
            }
            """);
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0)
            .WithArguments("ghcr.io/acme/runner:latest", "uses the tag 'latest'", "the value of Images.DefaultRunner, used when Environment.GetEnvironmentVariable(\"RUNNER_IMAGE\") is null, returned by Images.GetRunnerImage()"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(1)
            .WithArguments("ghcr.io/acme/runner:latest", "uses the tag 'latest'", "returned by Images.Pinned()"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(2)
            .WithArguments("busybox", "has no tag or digest, so it means 'latest'", "returned by Images.Loop()"));
        await test.RunAsync();
    }

    // KMA103: a pod spec handed to a helper that is not followed may get its pull secrets there.
    [Fact]
    public async Task SpecsHandedToHelpers_MayGetPullSecretsThere()
    {
        var test = new SecretVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Build(System.Action<V1PodSpec> addSecrets)
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/api:1", ImagePullPolicy = "IfNotPresent" }] } };
                    addSecrets(pod.Spec);
                    return pod;
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.example.com\n"));
        await test.RunAsync();
    }

    // KMA101: the namespace a metadata helper writes decides which Secrets a reference can name.
    [Fact]
    public async Task MetadataHelpers_GiveTheirNamespace()
    {
        var test = new SecretVerify.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Meta
            {
                public static V1ObjectMeta For(string name, string ns) => new() { Name = name, NamespaceProperty = ns };
            }

            static class Manifests
            {
                public static V1Secret Registry(byte[] config) => new()
                {
                    Metadata = new() { Name = "shop-registry", NamespaceProperty = "shop" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = config },
                };

                public static V1Pod SameNamespace() => new()
                {
                    Metadata = Meta.For("api", "shop"),
                    Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = "shop-registry" }] },
                };

                public static V1Pod OtherNamespace() => new()
                {
                    Metadata = Meta.For("api", "billing"),
                    Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = {|#0:"shop-registry"|} }] },
                };
            }
            """);
        test.ExpectedDiagnostics.Add(SecretVerify.Diagnostic("KMA101").WithLocation(0).WithArguments("shop-registry", " in namespace 'billing'", string.Empty));
        await test.RunAsync();
    }

    // A builder whose WithImage writes inside a lambda it hands to the builder (the K8sOperator.NET shape).
    [Fact]
    public async Task LambdaBuilders_HaveTheirConstantsChecked()
    {
        var test = new ImageVerify.Test();
        test.TestState.Sources.Add("""
            using System;
            using System.Collections.Generic;
            using k8s.Models;

            public sealed class Builder<T> where T : new()
            {
                private readonly List<Action<T>> _actions = new();

                public void Add(Action<T> action) => _actions.Add(action);

                public T Build()
                {
                    var item = new T();
                    foreach (var action in _actions)
                    {
                        action(item);
                    }

                    return item;
                }
            }

            public static class ContainerBuilderExtensions
            {
                public static Builder<V1Container> WithImage(this Builder<V1Container> builder, string image)
                {
                    builder.Add(x => x.Image = image);
                    return builder;
                }
            }

            static class Pods
            {
                public static V1Container Sidecar() => new Builder<V1Container>().WithImage({|#0:"envoyproxy/envoy:latest"|}).Build();
                public static V1Container Pinned() => new Builder<V1Container>().WithImage("envoyproxy/envoy:v1.31.0").Build();
            }
            """);
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0).WithArguments("envoyproxy/envoy:latest", "uses the tag 'latest'", "passed to ContainerBuilderExtensions.WithImage"));
        await test.RunAsync();
    }

    // KMA106: a helper that adds a pull secret the spec already lists.
    [Fact]
    public Task PullSecretsAddedByHelpers_AreCheckedForDuplicates() =>
        K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullSecretListAnalyzer>.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static void AddPullSecret(V1PodSpec spec, string name)
                {
                    spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                    spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = name });
                }
            }

            static class Pods
            {
                public static V1PodSpec Build()
                {
                    var spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = "regcred" }] };
                    {|#0:Secrets.AddPullSecret(spec, "regcred")|};
                    Secrets.AddPullSecret(spec, "ci");
                    return spec;
                }
            }
            """,
            K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullSecretListAnalyzer>.Diagnostic("KMA106").WithLocation(0).WithArguments("The pull secret 'regcred' is listed twice"));

    // KMA101: a pull secret a helper adds is matched against the Secrets, with the namespace of the call.
    [Fact]
    public async Task PullSecretsAddedByHelpers_AreMatched()
    {
        var test = new SecretVerify.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(byte[] config) => new()
                {
                    Metadata = new() { Name = "shop-registry", NamespaceProperty = "shop" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = config },
                };

                public static void AddPullSecret(V1PodSpec spec, string name)
                {
                    spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                    spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = name });
                }
            }

            static class Pods
            {
                public static V1Pod Build()
                {
                    var pod = new V1Pod { Metadata = new() { Name = "api", NamespaceProperty = "shop" }, Spec = new V1PodSpec { Containers = [] } };
                    Secrets.AddPullSecret(pod.Spec, "shop-registry");
                    {|#0:Secrets.AddPullSecret(pod.Spec, "shop-regsitry")|};
                    return pod;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(SecretVerify.Diagnostic("KMA101").WithLocation(0).WithArguments("shop-regsitry", string.Empty, " (did you mean 'shop-registry'?)"));
        await test.RunAsync();
    }
}
