using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer,
    K8sManifestAnalyzers.CodeFixes.MoveImageRegistryCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA010: images from a registry or namespace its owner froze or moved, rewritten to where they live now.</summary>
public sealed class KMA010_MovedRegistryTests
{
    private const string K8s = "the Kubernetes project froze on 2023-04-03 (no new images or security patches; it only redirects to registry.k8s.io, which restricted networks and some clients do not follow)";
    private const string Bitnami = "Bitnami emptied of versioned tags from 2025-08-28 (they moved to docker.io/bitnamilegacy, frozen, with no further updates: plan a maintained image)";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("k8s.gcr.io/pause:3.9", "registry.k8s.io/pause:3.9", "k8s.gcr.io", K8s)]
    [InlineData("k8s.gcr.io/ingress-nginx/controller:v1.2.1@" + Digest, "registry.k8s.io/ingress-nginx/controller:v1.2.1@" + Digest, "k8s.gcr.io", K8s)]
    [InlineData("k8s.gcr.io/metrics-server/metrics-server@" + Digest, "registry.k8s.io/metrics-server/metrics-server@" + Digest, "k8s.gcr.io", K8s)]
    [InlineData("K8S.GCR.IO/pause:3.9", "registry.k8s.io/pause:3.9", "k8s.gcr.io", K8s)]
    [InlineData("bitnami/postgresql:16.1.0", "bitnamilegacy/postgresql:16.1.0", "docker.io/bitnami", Bitnami)]
    [InlineData("docker.io/bitnami/redis:7.2.4-debian-12-r9", "docker.io/bitnamilegacy/redis:7.2.4-debian-12-r9", "docker.io/bitnami", Bitnami)]
    [InlineData("index.docker.io/bitnami/kafka:3.6", "index.docker.io/bitnamilegacy/kafka:3.6", "docker.io/bitnami", Bitnami)]
    [InlineData("bitnami/kubectl@" + Digest, "bitnamilegacy/kubectl@" + Digest, "docker.io/bitnami", Bitnami)]
    public Task MovedImage_IsRewritten_KeepingPathTagAndDigest(string written, string rewritten, string from, string what) =>
        VerifyCS.VerifyCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:"{{written}}"|}, ImagePullPolicy = "IfNotPresent" };
            }
            """,
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "{{rewritten}}", ImagePullPolicy = "IfNotPresent" };
            }
            """,
            expected: new[] { VerifyCS.Diagnostic("KMA010").WithLocation(0).WithArguments(written, from, what, rewritten) });

    [Theory]
    [InlineData("registry.k8s.io/pause:3.9")]
    [InlineData("gcr.io/distroless/static:nonroot")]
    [InlineData("k8s.gcr.io.example.com/pause:3.9")]
    [InlineData("ghcr.io/k8s.gcr.io/pause:3.9")]
    [InlineData("bitnamilegacy/postgresql:16.1.0")]
    [InlineData("bitnamicharts/postgresql:16.1.0")]
    [InlineData("acme/bitnami:1.0")]
    [InlineData("quay.io/bitnami/postgresql:16.1.0")]
    [InlineData("bitnami/minideb:bookworm")]
    [InlineData("myregistry.example.com/bitnami/postgresql:16.1.0")]
    public Task ImagesThatDidNotMove_AreNotReported(string image) =>
        VerifyCS.VerifyAnalyzerAsync($$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = "IfNotPresent" };
            }
            """);

    // Bitnami kept `latest` of a subset in docker.io/bitnami: an untagged or latest image is KMA005's, not a moved one.
    [Theory]
    [InlineData("bitnami/postgresql")]
    [InlineData("bitnami/postgresql:latest")]
    public Task BitnamiLatest_IsNotReportedAsMoved(string image) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:"{{image}}"|}, ImagePullPolicy = "Always" };
            }
            """,
            VerifyCS.Diagnostic("KMA005").WithLocation(0).WithArguments(image, image.EndsWith(":latest") ? "uses the tag 'latest'" : "has no tag or digest, so it means 'latest'"));

    [Fact]
    public async Task ConstantDeclaredInAnotherFile_IsFixedWhereItIsDeclared()
    {
        var test = new VerifyCS.Test
        {
            NumberOfIncrementalIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        test.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:Images.Pause|}, ImagePullPolicy = "IfNotPresent" };
            }
            """);
        test.TestState.Sources.Add("""
            static class Images { public const string Pause = {|#1:"k8s.gcr.io/pause:3.9"|}; }
            """);
        test.FixedState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = Images.Pause, ImagePullPolicy = "IfNotPresent" };
            }
            """);
        test.FixedState.Sources.Add("""
            static class Images { public const string Pause = "registry.k8s.io/pause:3.9"; }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA010_MovedRegistryFrom).WithLocation(0).WithLocation(1)
            .WithArguments("k8s.gcr.io/pause:3.9", "k8s.gcr.io", K8s, "registry.k8s.io", "the value of Images.Pause"));
        await test.RunAsync();
    }

    [Fact]
    public Task ValuesThroughDefaultsAndBranches_AreEachReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Options
            {
                public string? Image { get; set; }
            }

            class Manifests
            {
                V1Container Build(Options options, bool canary) => new V1Container
                {
                    Image = options.Image ?? (canary ? {|#0:"k8s.gcr.io/pause:3.10"|} : {|#1:"bitnami/redis:7.2"|}),
                    ImagePullPolicy = "IfNotPresent",
                };
            }
            """,
            VerifyCS.Diagnostic("KMA010").WithLocation(0).WithArguments("k8s.gcr.io/pause:3.10", "k8s.gcr.io", K8s, "registry.k8s.io/pause:3.10"),
            VerifyCS.Diagnostic("KMA010").WithLocation(1).WithArguments("bitnami/redis:7.2", "docker.io/bitnami", Bitnami, "bitnamilegacy/redis:7.2"));

    [Fact]
    public Task ImagePassedToAHelper_IsReportedOnTheArgument_WithoutAFix() =>
        VerifyCS.VerifyNoCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                static V1Container Sidecar(string image) => new V1Container { Name = "sidecar", Image = image, ImagePullPolicy = "IfNotPresent" };

                V1Container Build() => Sidecar({|#0:"k8s.gcr.io/git-sync/git-sync:v3.6.5"|});
            }
            """,
            VerifyCS.Diagnostic(Descriptors.KMA010_MovedRegistryFrom).WithLocation(0)
                .WithArguments("k8s.gcr.io/git-sync/git-sync:v3.6.5", "k8s.gcr.io", K8s, "registry.k8s.io", "passed to Manifests.Sidecar"));

    // A Bitnami image whose repository is unknown may be bitnami/minideb, which did not move: silent.
    [Fact]
    public Task ImageWithUnknownParts_IsReportedWhenItsRegistryIsCertain() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container A(string name, string tag) => new V1Container { Image = {|#0:$"k8s.gcr.io/{name}:{tag}"|}, ImagePullPolicy = "IfNotPresent" };
                V1Container B(string app) => new V1Container { Image = $"bitnami/{app}:16.1.0", ImagePullPolicy = "IfNotPresent" };
                V1Container C(string tag) => new V1Container { Image = $"bitnami/postgresql:{tag}", ImagePullPolicy = "IfNotPresent" };
                V1Container D(string registry) => new V1Container { Image = $"{registry}/pause:3.9", ImagePullPolicy = "IfNotPresent" };
                V1Container E(string host) => new V1Container { Image = $"k8s.gcr.io{host}/pause:3.9", ImagePullPolicy = "IfNotPresent" };
            }
            """,
            VerifyCS.Diagnostic(Descriptors.KMA010_MovedRegistryNoFix).WithLocation(0).WithArguments("k8s.gcr.io/{name}:{tag}", "k8s.gcr.io", K8s, "registry.k8s.io"));

    [Fact]
    public Task FixAll_RewritesEveryImage()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                class Manifests
                {
                    V1PodSpec Build() => new V1PodSpec
                    {
                        InitContainers = new List<V1Container> { new V1Container { Name = "init", Image = {|#0:"k8s.gcr.io/busybox:1.28"|}, ImagePullPolicy = "IfNotPresent" } },
                        Containers = new List<V1Container>
                        {
                            new V1Container { Name = "db", Image = {|#1:"bitnami/postgresql:16.1.0"|}, ImagePullPolicy = "IfNotPresent" },
                            new V1Container { Name = "cache", Image = {|#2:"docker.io/bitnami/redis:7.2"|}, ImagePullPolicy = "IfNotPresent" },
                        },
                    };
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using k8s.Models;

                class Manifests
                {
                    V1PodSpec Build() => new V1PodSpec
                    {
                        InitContainers = new List<V1Container> { new V1Container { Name = "init", Image = "registry.k8s.io/busybox:1.28", ImagePullPolicy = "IfNotPresent" } },
                        Containers = new List<V1Container>
                        {
                            new V1Container { Name = "db", Image = "bitnamilegacy/postgresql:16.1.0", ImagePullPolicy = "IfNotPresent" },
                            new V1Container { Name = "cache", Image = "docker.io/bitnamilegacy/redis:7.2", ImagePullPolicy = "IfNotPresent" },
                        },
                    };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA010").WithLocation(0).WithArguments("k8s.gcr.io/busybox:1.28", "k8s.gcr.io", K8s, "registry.k8s.io/busybox:1.28"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA010").WithLocation(1).WithArguments("bitnami/postgresql:16.1.0", "docker.io/bitnami", Bitnami, "bitnamilegacy/postgresql:16.1.0"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA010").WithLocation(2).WithArguments("docker.io/bitnami/redis:7.2", "docker.io/bitnami", Bitnami, "docker.io/bitnamilegacy/redis:7.2"));
        return test.RunAsync();
    }

    [Fact]
    public Task ImageVolumeReference_IsReported() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Volume Build() => new V1Volume { Name = "tools", Image = new V1ImageVolumeSource { Reference = {|#0:"k8s.gcr.io/e2e-test-images/agnhost:2.39"|}, PullPolicy = "IfNotPresent" } };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Volume Build() => new V1Volume { Name = "tools", Image = new V1ImageVolumeSource { Reference = "registry.k8s.io/e2e-test-images/agnhost:2.39", PullPolicy = "IfNotPresent" } };
            }
            """,
            expected: new[] { VerifyCS.Diagnostic("KMA010").WithLocation(0).WithArguments("k8s.gcr.io/e2e-test-images/agnhost:2.39", "k8s.gcr.io", K8s, "registry.k8s.io/e2e-test-images/agnhost:2.39") });
}
