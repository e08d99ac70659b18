using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RepairImageReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA004 (malformed reference) and KMA005 (mutable tag).</summary>
public sealed class KMA004_KMA005_ImageReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("Nginx:1.25", "nginx:1.25", "the repository 'Nginx' has uppercase letters, and repositories are lowercase")]
    [InlineData("registry.example.com/Shop/API:3.2.0", "registry.example.com/shop/api:3.2.0", "the repository 'registry.example.com/Shop/API' has uppercase letters, and repositories are lowercase")]
    [InlineData(" nginx:1.25 ", "nginx:1.25", "it has leading or trailing white space")]
    [InlineData("nginx:1.25\\n", "nginx:1.25", "it has leading or trailing white space")]
    [InlineData("MyApp:Release-1", "myapp:Release-1", "the repository 'MyApp' has uppercase letters, and repositories are lowercase")]
    [InlineData("https://registry.example.com/app:1.0", "registry.example.com/app:1.0", "'https://' is a URL scheme, and an image reference has none (write the registry host first)")]
    public Task MalformedImageWithOneObviousRepair_IsRepaired(string written, string repaired, string reason)
    {
        var test = new VerifyCS.Test
        {
            TestCode = $$"""
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = {|#0:"{{written}}"|}, ImagePullPolicy = "IfNotPresent" };
                }
                """,
            FixedCode = $$"""
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "{{repaired}}", ImagePullPolicy = "IfNotPresent" };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA004").WithLocation(0).WithArguments(written.Replace("\\n", "\n"), reason));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("nginx:bad tag", "it contains white space")]
    [InlineData("nginx:-leading-dash", "the tag '-leading-dash' is invalid (it starts with '-')")]
    [InlineData("app:v1.0+build", "the tag 'v1.0+build' is invalid ('+' is not allowed: a tag has letters, digits, '_', '.' and '-')")]
    [InlineData("nginx@sha256:abc123", "the digest 'sha256:abc123' is invalid (a sha256 digest has 64 hex characters, this one has 6)")]
    [InlineData("nginx@sha256:abc", "the digest 'sha256:abc' is invalid (a sha256 digest has 64 hex characters, this one has 3)")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef", "the digest 'sha256:0123456789abcdef0123456789abcdef' is invalid (a sha256 digest has 64 hex characters, this one has 32)")]
    [InlineData("nginx@md5:0123456789abcdef0123456789abcdef", "the digest 'md5:0123456789abcdef0123456789abcdef' is invalid (the algorithm 'md5' is not one the kubelet accepts: sha256, sha384 or sha512)")]
    [InlineData("nginx@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", "the digest 'sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF' is invalid (a digest is 'algorithm:hex' with lowercase hex characters)")]
    [InlineData("ftp://registry.example.com/app:1.0", "'ftp://' is a URL scheme, and an image reference has none (write the registry host first)")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "cannot specify 64-byte hexadecimal strings")]
    [InlineData("registry.example.com/app::1.0", "invalid reference format")]
    [InlineData("   ", "it has leading or trailing white space")]
    public Task MalformedImageWithoutObviousRepair_IsReportedWithoutFix(string image, string reason) =>
        VerifyCS.VerifyNoCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:"{{image}}"|}, ImagePullPolicy = "IfNotPresent" };
            }
            """,
            VerifyCS.Diagnostic("KMA004").WithLocation(0).WithArguments(image, reason));

    [Fact]
    public Task OverlongTagAndPath_AreReported() =>
        VerifyCS.VerifyNoCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Tag() => new V1Container { Image = {|#0:"nginx:{{new string('a', 129)}}"|}, ImagePullPolicy = "IfNotPresent" };
                V1Container LongestTag() => new V1Container { Image = "nginx:{{new string('a', 128)}}", ImagePullPolicy = "IfNotPresent" };
                V1Container Path() => new V1Container { Image = {|#1:"registry.example.com/{{new string('a', 256)}}:1.0"|}, ImagePullPolicy = "IfNotPresent" };
                V1Container LongestPath() => new V1Container { Image = "registry.example.com/{{new string('a', 255)}}:1.0", ImagePullPolicy = "IfNotPresent" };
            }
            """,
            VerifyCS.Diagnostic("KMA004").WithLocation(0).WithArguments($"nginx:{new string('a', 129)}", $"the tag '{new string('a', 129)}' is invalid (it has 129 characters, at most 128 are allowed)"),
            VerifyCS.Diagnostic("KMA004").WithLocation(1).WithArguments($"registry.example.com/{new string('a', 256)}:1.0", "repository name must not be more than 255 characters"));

    [Fact]
    public Task MalformedImagesEverywhere_FixAll() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                void Patch(V1Pod pod)
                {
                    pod.Spec.Containers[0].Image = {|KMA004:"Shop/Api:3.2.0"|};
                    pod.Spec.InitContainers = [new() { Image = {|KMA004:" busybox:1.36"|}, ImagePullPolicy = "IfNotPresent" }];
                    pod.Spec.EphemeralContainers = [new V1EphemeralContainer { Image = {|KMA004:"BusyBox:1.36"|}, ImagePullPolicy = "IfNotPresent" }];
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                void Patch(V1Pod pod)
                {
                    pod.Spec.Containers[0].Image = "shop/api:3.2.0";
                    pod.Spec.InitContainers = [new() { Image = "busybox:1.36", ImagePullPolicy = "IfNotPresent" }];
                    pod.Spec.EphemeralContainers = [new V1EphemeralContainer { Image = "busybox:1.36", ImagePullPolicy = "IfNotPresent" }];
                }
            }
            """);

    [Fact]
    public Task MalformedImageFromAConstant_IsReportedAtTheUse_WithoutFix() =>
        VerifyCS.VerifyNoCodeFixAsync(
            """
            using k8s.Models;

            static class Images
            {
                public const string Registry = "registry.example.com";
                public const string Api = $"{Registry}/Shop/api:3.2.0";
            }

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:Images.Api|}, ImagePullPolicy = "IfNotPresent" };
            }
            """,
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(0).WithArguments("registry.example.com/Shop/api:3.2.0", "the repository 'registry.example.com/Shop/api' has uppercase letters, and repositories are lowercase", "the value of Images.Api"));

    // A malformed static readonly field or const, declared by a literal in another file, is repaired where it is
    // declared by the single fix; Fix All repairs the declarations of the document it fixes.
    [Fact]
    public async Task MalformedImageFromAFieldInAnotherFile_IsRepairedWhereDeclared()
    {
        var test = new VerifyCS.Test
        {
            NumberOfIncrementalIterations = 1,
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck,
        };
        test.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:Images.Api|}, ImagePullPolicy = "IfNotPresent" };
            }
            """);
        test.TestState.Sources.Add("""
            static class Images { public static readonly string Api = {|#1:"registry.example.com/Shop/api:3.2.0"|}; }
            """);
        test.FixedState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = Images.Api, ImagePullPolicy = "IfNotPresent" };
            }
            """);
        test.FixedState.Sources.Add("""
            static class Images { public static readonly string Api = "registry.example.com/shop/api:3.2.0"; }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(0).WithLocation(1)
            .WithArguments("registry.example.com/Shop/api:3.2.0", "the repository 'registry.example.com/Shop/api' has uppercase letters, and repositories are lowercase", "the value of Images.Api"));
        await test.RunAsync();
    }

    [Fact]
    public async Task MalformedImageFromAConstUsedTwice_FixAllRepairsTheDeclarationOnce()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                static class Images { public const string Api = {|#1:" registry.example.com/shop/api:3.2.0"|}; }

                class Manifests
                {
                    V1Container A() => new V1Container { Image = {|#0:Images.Api|}, ImagePullPolicy = "IfNotPresent" };
                    V1Container B() => new V1Container { Image = {|#2:Images.Api|}, ImagePullPolicy = "IfNotPresent" };
                }
                """,
            FixedCode = """
                using k8s.Models;

                static class Images { public const string Api = "registry.example.com/shop/api:3.2.0"; }

                class Manifests
                {
                    V1Container A() => new V1Container { Image = Images.Api, ImagePullPolicy = "IfNotPresent" };
                    V1Container B() => new V1Container { Image = Images.Api, ImagePullPolicy = "IfNotPresent" };
                }
                """,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(0).WithLocation(1)
            .WithArguments(" registry.example.com/shop/api:3.2.0", "it has leading or trailing white space", "the value of Images.Api"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(2).WithLocation(1)
            .WithArguments(" registry.example.com/shop/api:3.2.0", "it has leading or trailing white space", "the value of Images.Api"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("nginx:1.25")]
    [InlineData("nginx:LATEST")]
    [InlineData("nginx@" + Digest)]
    [InlineData("nginx:latest@" + Digest)]
    [InlineData("registry.example.com:5000/shop/api:3.2.0")]
    [InlineData("Registry.Example.com/shop/api:3.2.0")]
    [InlineData("[::1]:5000/shop/api:3.2.0")]
    [InlineData("localhost/app:1")]
    [InlineData("nginx@sha512:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public Task ValidPinnedImage_IsNotReported(string image) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = "IfNotPresent" };
            }
            """);

    [Theory]
    [InlineData("nginx", "has no tag or digest, so it means 'latest'")]
    [InlineData("nginx:latest", "uses the tag 'latest'")]
    [InlineData("registry.example.com:5000/shop/api", "has no tag or digest, so it means 'latest'")]
    [InlineData("localhost:5000/app", "has no tag or digest, so it means 'latest'")]
    [InlineData("ghcr.io/acme/tool:latest", "uses the tag 'latest'")]
    public Task MutableImage_IsReported(string image, string why) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = {|#0:"{{image}}"|}, ImagePullPolicy = "Always" };
            }
            """,
            VerifyCS.Diagnostic("KMA005").WithLocation(0).WithArguments(image, why));

    [Fact]
    public Task MutableImage_InEveryShape_IsReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Images { public const string Base = "busybox"; public const string Tagged = Base + ":latest"; }

            class Manifests
            {
                static readonly V1Container Shared = new() { Image = {|KMA005:"redis"|}, ImagePullPolicy = "Always" };

                V1PodSpec Spec(V1Container template)
                {
                    var late = new V1Container { Name = "late", ImagePullPolicy = "Always" };
                    late.Image = {|KMA005:"nginx"|};
                    return new V1PodSpec
                    {
                        InitContainers = new List<V1Container> { new() { Image = {|KMA005:Images.Tagged|}, ImagePullPolicy = "Always" } },
                        Containers = [late, template with { Image = {|KMA005:$"{Images.Base}"|} }],
                        EphemeralContainers = new[] { new V1EphemeralContainer { Image = {|KMA005:"busybox:latest"|}, ImagePullPolicy = "Always" } },
                    };
                }
            }
            """);

    [Fact]
    public Task ImageWithUnknownParts_IsNotReported_ItsConstantsAre() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Images { public static readonly string Api = "nginx"; }

            class Manifests
            {
                V1Container A(string tag) => new V1Container { Image = "nginx:" + tag, ImagePullPolicy = "Always" };
                V1Container B(string? image) => new V1Container { Image = image ?? "nginx:1.25", ImagePullPolicy = "Always" };
                V1Container C() => new V1Container { Image = {|#0:Images.Api|}, ImagePullPolicy = "Always" };
                V1Container D(bool dev) => new V1Container { Image = dev ? {|#1:"nginx"|} : "nginx:1.25", ImagePullPolicy = "Always" };
            }
            """,
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0).WithArguments("nginx", "has no tag or digest, so it means 'latest'", "the value of Images.Api"),
            VerifyCS.Diagnostic("KMA005").WithLocation(1).WithArguments("nginx", "has no tag or digest, so it means 'latest'"));

    [Fact]
    public Task LookAlikeImageProperty_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            namespace GZCTF.Models.Data
            {
                class Container { public string? Image { get; set; } }
                class ContainerArgs { public string? Image { get; set; } }

                class Manifests
                {
                    Container A() => new Container { Image = "Nginx:latest" };
                    ContainerArgs B() => new() { Image = "nginx" };
                }
            }
            """);

    [Fact]
    public async Task KubernetesClient17ConstructorArguments_AreChecked()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Named() => new V1Container("api", image: {|KMA004:"Shop/Api:3.2.0"|}, imagePullPolicy: "IfNotPresent");
                    V1Container Positional() => new V1Container("db", null, null, null, null, {|KMA005:"postgres"|}, "Always");
                    V1EphemeralContainer Debug() => new V1EphemeralContainer("debug", image: {|KMA005:"busybox:latest"|}, imagePullPolicy: "Always");
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Named() => new V1Container("api", image: "shop/api:3.2.0", imagePullPolicy: "IfNotPresent");
                    V1Container Positional() => new V1Container("db", null, null, null, null, {|KMA005:"postgres"|}, "Always");
                    V1EphemeralContainer Debug() => new V1EphemeralContainer("debug", image: {|KMA005:"busybox:latest"|}, imagePullPolicy: "Always");
                }
                """,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.FixedState.Sources.Add(KubernetesClient17Stubs.Source);
        await test.RunAsync();
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        var test = new CSharpAnalyzerVerifier<ImageReferenceAnalyzer>.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container { Image = , ImagePullPolicy = "Always" };
                    V1Container B() => new V1Container { Image = {|KMA005:"nginx"|}
                    V1Container C() => new V1Container("x", image: ) { Image = {|KMA004:"Nginx:1"|} ;
                    void D(V1Container c) { c.Image = ; c. = "nginx"; c.Image = 42; c.Image = $"{c}"; }
                    V1Container E() => new() { Image = Missing.Value, ImagePullPolicy = "Always" };
                    V1Container F() => new V1Container { Image = "nginx:" + , ImagePullPolicy = "Always" };
                    V1Container G() => new V1Container { Image = "nginx:1" ImagePullPolicy = "Always" };
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task ImagesWithUnknownParts_AreJudgedOnTheirKnownParts() =>
        VerifyCS.VerifyNoCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                const string Repository = "ghcr.io/acme/api";

                V1Container UnknownRepository(string repo) => new V1Container { Image = {|#0:$"{repo}:latest"|}, ImagePullPolicy = "Always" };
                V1Container UnknownRegistry(string registry) => new V1Container { Image = {|#1:registry + "/app"|}, ImagePullPolicy = "Always" };
                V1Container Uppercase(string tag) => new V1Container { Image = {|#2:$"ghcr.io/Acme/api:{tag}"|}, ImagePullPolicy = "Always" };
                V1Container UppercaseAfterHole(string registry) => new V1Container { Image = {|#3:string.Format("{0}/Shop/api:1.0", registry)|}, ImagePullPolicy = "Always" };
                V1Container Scheme(string tag) => new V1Container { Image = {|#4:"https://ghcr.io/acme/api:" + tag|}, ImagePullPolicy = "Always" };
                V1Container UnknownTag(string tag) => new V1Container { Image = $"app:{tag}", ImagePullPolicy = "Always" };
                V1Container KnownName(string tag) => new V1Container { Image = $"{Repository}:{tag}", ImagePullPolicy = "Always" };
                V1Container TagPrefix(string minor) => new V1Container { Image = $"nginx:latest{minor}", ImagePullPolicy = "Always" };
                V1Container Digest(string digest) => new V1Container { Image = $"{Repository}@{digest}", ImagePullPolicy = "Always" };
                V1Container UppercaseTag(string repo) => new V1Container { Image = $"{repo}:Release-1", ImagePullPolicy = "Always" };
                V1Container UppercaseDomain(string tag) => new V1Container { Image = $"GHCR.io/acme/api:{tag}", ImagePullPolicy = "Always" };
                V1Container Aligned(string repo) => new V1Container { Image = $"{repo,10}:latest", ImagePullPolicy = "Always" };
            }
            """,
            VerifyCS.Diagnostic("KMA005").WithLocation(0).WithArguments("{repo}:latest", "uses the tag 'latest'"),
            VerifyCS.Diagnostic("KMA005").WithLocation(1).WithArguments("{registry}/app", "has no tag or digest, so it means 'latest'"),
            VerifyCS.Diagnostic("KMA004").WithLocation(2).WithArguments("ghcr.io/Acme/api:{tag}", "the repository path component 'Acme' has uppercase letters, and repositories are lowercase"),
            VerifyCS.Diagnostic("KMA004").WithLocation(3).WithArguments("{registry}/Shop/api:1.0", "the repository path component 'Shop' has uppercase letters, and repositories are lowercase"),
            VerifyCS.Diagnostic("KMA004").WithLocation(4).WithArguments("https://ghcr.io/acme/api:{tag}", "'https://' is a URL scheme, and an image reference has none (write the registry host first)"));

    [Fact]
    public Task ImageWithUnknownTag_PassedToAFactory_IsReportedOnTheArgument() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Containers
            {
                public static V1Container Worker(string image) => new() { Name = "worker", Image = image, ImagePullPolicy = "Always" };
            }

            class Manifests
            {
                V1Container Build(string repo) => Containers.Worker({|#0:repo + ":latest"|});
            }
            """,
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0).WithArguments("{repo}:latest", "uses the tag 'latest'", "passed to Containers.Worker"));
}
