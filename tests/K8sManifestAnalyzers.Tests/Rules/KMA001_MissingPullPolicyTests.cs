using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.CodeFixes;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.AddPullPolicyCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

public sealed class KMA001_MissingPullPolicyTests
{
    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("registry.example.com:5000/shop/api", "Always")]
    [InlineData("registry.example.com:5000/shop/api:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Always")]
    [InlineData("nginx:1.25", "IfNotPresent")]
    [InlineData("nginx:LATEST", "IfNotPresent")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [InlineData("Not A Valid Image", "IfNotPresent")]
    public Task ContainerWithoutPolicy_GetsTheServerDefault(string image, string expected) =>
        VerifyCS.VerifyCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|}
                {
                    Name = "app",
                    Image = "{{image}}",
                    WorkingDir = "/app",
                };
            }
            """,
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container
                {
                    Name = "app",
                    Image = "{{image}}",
                    ImagePullPolicy = "{{expected}}",
                    WorkingDir = "/app",
                };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task LastMemberWithoutTrailingComma_NewMemberOnItsOwnLine() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|}
                {
                    Name = "app",
                    Image = "nginx:1.25"
                };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container
                {
                    Name = "app",
                    Image = "nginx:1.25",
                    ImagePullPolicy = "IfNotPresent"
                };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task SingleLineInitializer_StaysOnOneLine() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|} { Name = "app", Image = "nginx:1.25" };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Name = "app", Image = "nginx:1.25", ImagePullPolicy = "IfNotPresent" };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task NoInitializer_GetsOne_WithTheImageWrittenLater() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build()
                {
                    var container = {|KMA001:new V1Container|}();
                    container.Image = "nginx";
                    return container;
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build()
                {
                    var container = new V1Container() { ImagePullPolicy = "Always" };
                    container.Image = "nginx";
                    return container;
                }
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task FurtherAction_WritesTheChosenValue() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|} { Name = "app", Image = "nginx:1.25" };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Name = "app", Image = "nginx:1.25", ImagePullPolicy = "Always" };
            }
            """,
            AddPullPolicyCodeFix.ValueKeyPrefix + "Always");

    [Fact]
    public async Task FixAll_ServerDefault_GivesEachContainerItsOwnDefault()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1PodSpec Spec() => new()
                    {
                        InitContainers = [{|KMA001:new|}() { Name = "init", Image = "busybox" }],
                        Containers =
                        [
                            {|KMA001:new|}() { Name = "api", Image = "registry.example.com/shop/api:3.2.0" },
                            {|KMA001:new V1Container|} { Name = "sidecar", Image = "envoyproxy/envoy:latest" },
                        ],
                        EphemeralContainers = [{|KMA001:new V1EphemeralContainer|} { Name = "debug", Image = "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" }],
                    };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1PodSpec Spec() => new()
                    {
                        InitContainers = [new() { Name = "init", Image = "busybox", ImagePullPolicy = "Always" }],
                        Containers =
                        [
                            new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" },
                            new V1Container { Name = "sidecar", Image = "envoyproxy/envoy:latest", ImagePullPolicy = "Always" },
                        ],
                        EphemeralContainers = [new V1EphemeralContainer { Name = "debug", Image = "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ImagePullPolicy = "IfNotPresent" }],
                    };
                }
                """,
            CodeActionEquivalenceKey = AddPullPolicyCodeFix.ServerDefaultKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_OneValue_WritesItEverywhere()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                class Manifests
                {
                    List<V1Container> Containers() => new List<V1Container>
                    {
                        {|KMA001:new V1Container|} { Name = "a", Image = "nginx:1.25" },
                        {|KMA001:new V1Container|} { Name = "b", Image = "nginx" },
                    };
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using k8s.Models;

                class Manifests
                {
                    List<V1Container> Containers() => new List<V1Container>
                    {
                        new V1Container { Name = "a", Image = "nginx:1.25", ImagePullPolicy = "Always" },
                        new V1Container { Name = "b", Image = "nginx", ImagePullPolicy = "Always" },
                    };
                }
                """,
            CodeActionEquivalenceKey = AddPullPolicyCodeFix.ValueKeyPrefix + "Always",
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task NonConstantImage_OffersNoServerDefault()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build(string image) => {|#0:new V1Container|} { Name = "app", Image = image };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build(string image) => new V1Container { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" };
                }
                """,
            CodeActionEquivalenceKey = AddPullPolicyCodeFix.ValueKeyPrefix + "IfNotPresent",
            CodeActionIndex = 1,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA001").WithLocation(0).WithArguments("Always or IfNotPresent, depending on the image,"));
        await test.RunAsync();
    }

    [Fact]
    public Task ExplicitEmptyPolicy_IsReported_AndRewritten() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|} { Image = "nginx:1.25", ImagePullPolicy = "" };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = "IfNotPresent" };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task ExplicitNullPolicy_IsReported_AndRewritten() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|} { Image = "nginx", ImagePullPolicy = null };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx", ImagePullPolicy = "Always" };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task LocalHoldingSeveralContainers_LaterWritesAreNotAttributed() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(bool redis)
                {
                    // Which container the policy belongs to depends on the branch: neither is reported.
                    var c = new V1Container { Image = "nginx" };
                    if (redis)
                    {
                        c = new V1Container { Image = "redis" };
                    }

                    c.ImagePullPolicy = "IfNotPresent";
                    return c;
                }
            }
            """);

    [Fact]
    public Task WithExpressionWritingAnEmptyPolicy_IsReported_AndRewritten() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(V1Container template) => template {|KMA001:with|} { Image = "nginx", ImagePullPolicy = "" };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(V1Container template) => template with { Image = "nginx", ImagePullPolicy = "Always" };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Fact]
    public Task ImageFromConstantsClass_IsFolded() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            static class Images
            {
                public const string Registry = "registry.example.com";
                public const string Api = $"{Registry}/shop/api:" + "3.2.0";
            }

            class Manifests
            {
                V1Container Build() => {|KMA001:new V1Container|} { Image = Images.Api };
            }
            """,
            """
            using k8s.Models;

            static class Images
            {
                public const string Registry = "registry.example.com";
                public const string Api = $"{Registry}/shop/api:" + "3.2.0";
            }

            class Manifests
            {
                V1Container Build() => new V1Container { Image = Images.Api, ImagePullPolicy = "IfNotPresent" };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey);

    [Theory]
    [InlineData("container.ImagePullPolicy = \"Always\";")]
    [InlineData("container.ImagePullPolicy ??= \"Always\";")]
    [InlineData("Configure(() => container.ImagePullPolicy = \"Always\");")]
    public Task PolicyWrittenLaterToTheSameLocal_IsNotReported(string write) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using System;
            using k8s.Models;

            class Manifests
            {
                V1Container Build()
                {
                    var container = new V1Container { Name = "app", Image = "nginx:1.25" };
                    {{write}}
                    return container;
                }

                void Configure(Action configure) => configure();
            }
            """);

    [Fact]
    public Task PolicyWrittenToAnotherLocal_IsReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                void Build()
                {
                    V1Container first, second;
                    first = {|KMA001:new V1Container|} { Image = "nginx:1.25" };
                    second = new V1Container { Image = "nginx:1.25", ImagePullPolicy = "IfNotPresent" };
                    second.ImagePullPolicy = "Always";
                }
            }
            """);

    [Theory]
    [InlineData("ImagePullPolicy = policy")]
    [InlineData("ImagePullPolicy = policy ?? \"IfNotPresent\"")]
    [InlineData("ImagePullPolicy = Policies.Pull")]
    public Task PolicySetToANonConstantOrNull_IsNotReported(string member) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            static class Policies { public static readonly string Pull = "Always"; }

            class Manifests
            {
                V1Container Build(string? policy) => new V1Container { Image = "nginx:1.25", {{member}} };
            }
            """);

    // An empty or null policy on one path is defaulted by the server on that path: KMA001 there, fixed there.
    [Fact]
    public Task EmptyPolicyOnSomePaths_IsReportedOnTheEmptyValue_AndRewritten() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container A(bool dev) => new V1Container { Image = "nginx:1.25", ImagePullPolicy = dev ? {|#0:""|} : "Always" };
                V1Container B(string? policy) => new V1Container { Image = "nginx:1.25", ImagePullPolicy = policy ?? {|#1:string.Empty|} };

                V1Container C(bool pinned)
                {
                    string? policy = {|#2:null|};
                    if (pinned)
                    {
                        policy = "IfNotPresent";
                    }

                    return new V1Container { Image = "nginx:1.25", ImagePullPolicy = policy };
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container A(bool dev) => new V1Container { Image = "nginx:1.25", ImagePullPolicy = dev ? "IfNotPresent" : "Always" };
                V1Container B(string? policy) => new V1Container { Image = "nginx:1.25", ImagePullPolicy = policy ?? "IfNotPresent" };

                V1Container C(bool pinned)
                {
                    string? policy = "IfNotPresent";
                    if (pinned)
                    {
                        policy = "IfNotPresent";
                    }

                    return new V1Container { Image = "nginx:1.25", ImagePullPolicy = policy };
                }
            }
            """,
            expected: new[]
            {
                VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_EmptyPullPolicyOnSomePaths).WithLocation(0).WithLocation(0).WithArguments("'IfNotPresent'"),
                VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_EmptyPullPolicyOnSomePaths).WithLocation(1).WithLocation(1).WithArguments("'IfNotPresent'"),
                VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_EmptyPullPolicyOnSomePaths).WithLocation(2).WithLocation(2).WithArguments("'IfNotPresent'"),
            });

    [Fact]
    public Task EmptyPolicyDefaultOfAnOption_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Options { public string Policy { get; set; } = ""; }

            class Manifests
            {
                V1Container A(Options options, string? policy) => new V1Container { Image = "nginx:1.25", ImagePullPolicy = policy ?? options.Policy };
            }
            """);

    [Fact]
    public Task WithExpression_CopiesThePolicy_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(V1Container template) => template with { Image = "nginx:1.25" };
            }
            """);

    [Fact]
    public Task LookAlikeType_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            namespace MyCompany.Models
            {
                class V1Container { public string? Image { get; set; } public string? ImagePullPolicy { get; set; } }

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx" };
                }
            }
            """);

    [Fact]
    public async Task WithoutKubernetesClient_NothingIsReported()
    {
        const string source = """
            namespace k8s.Client
            {
                class V1Container { public string? Image { get; set; } }
                class Manifests { V1Container Build() => new V1Container { Image = "nginx" }; }
            }
            """;
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = source,
            FixedCode = source,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task KubernetesClient19_IsAnalyzedToo()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.KubernetesClient19,
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => {|KMA001:new V1Container|} { Image = "nginx:1.25" };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = "IfNotPresent" };
                }
                """,
            CodeActionEquivalenceKey = AddPullPolicyCodeFix.ServerDefaultKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task KubernetesClient17NamedArguments_GetANamedArgument()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Api() => {|KMA001:new V1Container|}("api", image: "registry.example.com/shop/api:3.2.0");
                    V1Container Positional() => new V1Container("db", null, null, null, null, "postgres:16", "IfNotPresent");
                    V1EphemeralContainer Debug() => {|KMA001:new V1EphemeralContainer|}("debug") { Image = "busybox" };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Api() => new V1Container("api", image: "registry.example.com/shop/api:3.2.0", imagePullPolicy: "IfNotPresent");
                    V1Container Positional() => new V1Container("db", null, null, null, null, "postgres:16", "IfNotPresent");
                    V1EphemeralContainer Debug() => new V1EphemeralContainer("debug") { Image = "busybox", ImagePullPolicy = "Always" };
                }
                """,
            CodeActionEquivalenceKey = AddPullPolicyCodeFix.ServerDefaultKey,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.FixedState.Sources.Add(KubernetesClient17Stubs.Source);
        await test.RunAsync();
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        var test = new CSharpAnalyzerVerifier<PullPolicyAnalyzer>.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container { Image = , ImagePullPolicy = };
                    V1Container B() => {|KMA001:new V1Container|} { Imag
                    V1Container C() => new V1Container("x", image: ) { ImagePullPolicy = {|KMA002:"always"|} ;
                    void D(V1Container c) { c.ImagePullPolicy = ; c. = "Never"; new V1Container { ImagePullPolicy = 42 }; }
                    V1Container E() => new() { ImagePullPolicy = Missing.Value };
                    V1Container F() => new V1Container { Image = "nginx", ImagePullPolicy = "Always" + };
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }
}
