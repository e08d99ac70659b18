using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.SetPullPolicyCodeFix>;
using VerifyNever = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.ReplaceNeverPullPolicyCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA002 (invalid value), KMA003 (mutable image that is not pulled) and KMA007 (Never).</summary>
public sealed class KMA002_KMA003_KMA007_PullPolicyValueTests
{
    [Theory]
    [InlineData("always", "Always")]
    [InlineData("ALWAYS", "Always")]
    [InlineData(" Always ", "Always")]
    [InlineData("ifnotpresent", "IfNotPresent")]
    [InlineData("if-not-present", "IfNotPresent")]
    [InlineData("IF_NOT_PRESENT", "IfNotPresent")]
    [InlineData("IfNotPresnt", "IfNotPresent")]
    [InlineData("IfNotPersent", "IfNotPresent")]
    [InlineData("Allways", "Always")]
    public Task InvalidPolicyWithAnObviousIntent_IsReplaced(string written, string intended) =>
        VerifyCS.VerifyCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = {|KMA002:"{{written}}"|} };
            }
            """,
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = "{{intended}}" };
            }
            """);

    [Fact]
    public async Task MisspeltNever_BecomesNever_WhichThenIsInfo()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = {|KMA002:"Nevr"|} };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = {|KMA007:"Never"|} };
                }
                """,
            CodeActionEquivalenceKey = "KMA002",
        };

        // KMA007 is fixable by the same provider; keep it as an expected finding of the fixed code.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("ifnotpresent", "nginx:latest")]
    [InlineData("IfNotPresnt", "nginx")]
    [InlineData("if-not-present", "registry.example.com:5000/app")]
    public Task InvalidIfNotPresentWithMutableImage_BecomesAlways_WhichKma003DoesNotRewrite(string written, string image) =>
        VerifyCS.VerifyCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = {|KMA002:"{{written}}"|} };
            }
            """,
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = "Always" };
            }
            """);

    [Fact]
    public Task InvalidIfNotPresent_WrittenLater_OnAContainerWithAMutableImageOnOneBranch_BecomesAlways() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(bool edge)
                {
                    var c = new V1Container { Image = edge ? "nginx:latest" : "nginx:1.27" };
                    c.ImagePullPolicy = {|KMA002:"ifnotpresent"|};
                    return c;
                }

                V1Container Pinned()
                {
                    var c = new V1Container { Image = "nginx:1.27" };
                    c.ImagePullPolicy = {|KMA002:"ifnotpresent"|};
                    return c;
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(bool edge)
                {
                    var c = new V1Container { Image = edge ? "nginx:latest" : "nginx:1.27" };
                    c.ImagePullPolicy = "Always";
                    return c;
                }

                V1Container Pinned()
                {
                    var c = new V1Container { Image = "nginx:1.27" };
                    c.ImagePullPolicy = "IfNotPresent";
                    return c;
                }
            }
            """);

    [Fact]
    public async Task MisspeltNeverWithMutableImage_BecomesNever_NotAlways()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "shop-api:latest", ImagePullPolicy = {|KMA002:"never"|} };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "shop-api:latest", ImagePullPolicy = {|KMA003:{|KMA007:"Never"|}|} };
                }
                """,
        };

        // KMA003 on Never has no fix: the fixed code keeps both findings.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("   ")]
    [InlineData("Pull")]
    public Task InvalidPolicyWithNoClearIntent_IsReportedWithoutFix(string written) =>
        VerifyCS.VerifyNoCodeFixAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = {|#0:"{{written}}"|} };
            }
            """,
            VerifyCS.Diagnostic("KMA002").WithLocation(0).WithArguments(written, string.Empty));

    // A misspelt named constant is corrected where it is declared: every use at once.
    [Fact]
    public async Task InvalidPolicyFromAConstant_IsReportedAtTheUse_AndFixedWhereDeclared()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                static class Policies { public const string Pull = {|#1:"always"|}; }

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = {|#0:Policies.Pull|} };
                    V1Container Other() => new V1Container { Image = "redis:7", ImagePullPolicy = {|#2:Policies.Pull|} };
                }
                """,
            FixedCode = """
                using k8s.Models;

                static class Policies { public const string Pull = "Always"; }

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = Policies.Pull };
                    V1Container Other() => new V1Container { Image = "redis:7", ImagePullPolicy = Policies.Pull };
                }
                """,
            NumberOfIncrementalIterations = 1,
            NumberOfFixAllIterations = 1,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicyFrom).WithLocation(0).WithLocation(1).WithArguments("always", " (did you mean 'Always'?)", "the value of Policies.Pull"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicyFrom).WithLocation(2).WithLocation(1).WithArguments("always", " (did you mean 'Always'?)", "the value of Policies.Pull"));
        await test.RunAsync();
    }

    // A constant built by an expression has no literal to correct: no fix.
    [Fact]
    public Task InvalidPolicyFromAComputedConstant_IsReportedAtTheUse_WithoutFix() =>
        VerifyCS.VerifyNoCodeFixAsync(
            """
            using k8s.Models;

            static class Policies { public const string Pull = "al" + "ways"; }

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = {|#0:Policies.Pull|} };
            }
            """,
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicyFrom).WithLocation(0).WithArguments("always", " (did you mean 'Always'?)", "the value of Policies.Pull"));

    // Writes in sequence pair like a plain `new` for the fix's choice too: the misspelt IfNotPresent on a mutable image
    // becomes Always, which KMA003 does not rewrite.
    [Fact]
    public Task MisspeltIfNotPresent_WrittenInSequenceAfterAMutableImage_BecomesAlways() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                void Patch(V1Container c)
                {
                    c.Image = "nginx:latest";
                    c.ImagePullPolicy = {|KMA002:"ifnotpresent"|};
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                void Patch(V1Container c)
                {
                    c.Image = "nginx:latest";
                    c.ImagePullPolicy = "Always";
                }
            }
            """);

    [Fact]
    public Task InvalidPolicyAnywhere_FixAll() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                void Patch(V1Pod pod, V1Container sidecar)
                {
                    pod.Spec.Containers[0].ImagePullPolicy = {|KMA002:"always"|};
                    pod.Spec.InitContainers[0].ImagePullPolicy ??= {|KMA002:"ifNotPresent"|};
                    sidecar = sidecar with { ImagePullPolicy = {|KMA002:"IfNotPresnt"|} };
                    pod.Spec.EphemeralContainers = [new() { Image = "busybox:1.36", ImagePullPolicy = {|KMA002:"ALWAYS"|} }];
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                void Patch(V1Pod pod, V1Container sidecar)
                {
                    pod.Spec.Containers[0].ImagePullPolicy = "Always";
                    pod.Spec.InitContainers[0].ImagePullPolicy ??= "IfNotPresent";
                    sidecar = sidecar with { ImagePullPolicy = "IfNotPresent" };
                    pod.Spec.EphemeralContainers = [new() { Image = "busybox:1.36", ImagePullPolicy = "Always" }];
                }
            }
            """);

    [Theory]
    [InlineData("Always")]
    [InlineData("IfNotPresent")]
    public Task ValidPolicy_IsNotReported(string policy) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.25", ImagePullPolicy = "{{policy}}" };
            }
            """);

    [Fact]
    public Task LookAlikePolicyProperty_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            class Container { public string? ImagePullPolicy { get; set; } }

            class Manifests
            {
                Container Build() => new Container { ImagePullPolicy = "always" };
            }
            """);

    [Theory]
    [InlineData("nginx", "no tag or digest, so 'latest'")]
    [InlineData("nginx:latest", "tag 'latest'")]
    [InlineData("registry.example.com:5000/shop/api", "no tag or digest, so 'latest'")]
    public Task IfNotPresentWithMutableImage_IsSetToAlways(string image, string why) => RunStale(image, why);

    private static Task RunStale(string image, string why)
    {
        var test = new VerifyCS.Test
        {
            TestCode = $$"""
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = {|#0:"IfNotPresent"|} };
                }
                """,
            FixedCode = $$"""
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = "Always" };
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA003").WithLocation(0).WithArguments(image, why));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("nginx:1.25")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("Not/A/Valid:Image")]
    public Task IfNotPresentWithPinnedOrUnparsableImage_IsNotReported(string image) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "{{image}}", ImagePullPolicy = "IfNotPresent" };
            }
            """);

    [Fact]
    public Task MutableImageWithNonConstantPolicyOrImage_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container A(string policy) => new V1Container { Image = "nginx", ImagePullPolicy = policy };
                V1Container B(string image) => new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" };
                V1Container C(V1Container template) => template with { ImagePullPolicy = "IfNotPresent" };
            }
            """);

    [Fact]
    public Task StalePolicy_WrittenLater_IsReportedThere_AndFixAllSetsAlways() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using k8s.Models;

            static class Images { public const string Cache = "redis"; }

            class Manifests
            {
                V1PodSpec Spec()
                {
                    var web = new V1Container { Name = "web", Image = "nginx:latest" };
                    web.ImagePullPolicy = {|KMA003:"IfNotPresent"|};
                    return new V1PodSpec
                    {
                        Containers = [web, new() { Name = "cache", Image = Images.Cache, ImagePullPolicy = {|KMA003:"IfNotPresent"|} }],
                        InitContainers = [new V1Container { Name = "init", Image = "busybox", ImagePullPolicy = {|KMA003:"IfNotPresent"|} }],
                    };
                }
            }
            """,
            """
            using k8s.Models;

            static class Images { public const string Cache = "redis"; }

            class Manifests
            {
                V1PodSpec Spec()
                {
                    var web = new V1Container { Name = "web", Image = "nginx:latest" };
                    web.ImagePullPolicy = "Always";
                    return new V1PodSpec
                    {
                        Containers = [web, new() { Name = "cache", Image = Images.Cache, ImagePullPolicy = "Always" }],
                        InitContainers = [new V1Container { Name = "init", Image = "busybox", ImagePullPolicy = "Always" }],
                    };
                }
            }
            """);

    [Fact]
    public Task NeverWithMutableImage_ReportsBoth_AndKma003OffersNoFix() =>
        VerifyCS.VerifyNoCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                // The kind workflow (`kind load docker-image shop-api:latest`): Always would fail with ErrImagePull.
                V1Container Build() => new V1Container { Image = "shop-api:latest", ImagePullPolicy = {|KMA003:{|KMA007:"Never"|}|} };
                V1Container Untagged(bool local) => new V1Container { Image = "shop-api", ImagePullPolicy = local ? {|KMA003:{|KMA007:"Never"|}|} : "Always" };
            }
            """);

    [Fact]
    public async Task NeverWithMutableImage_Kma007WritesAlways_TheServerDefault_OneFindingAtATime()
    {
        var test = new VerifyNever.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx", ImagePullPolicy = {|KMA003:{|KMA007:"Never"|}|} };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = "nginx", ImagePullPolicy = "Always" };
                }
                """,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Never_IsInfo_AndBecomesTheServerDefault_OneFindingAtATime()
    {
        var test = new VerifyNever.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container { Image = "registry.example.com/tools/preloaded:1.0", ImagePullPolicy = {|KMA007:"Never"|} };
                    V1EphemeralContainer B() => new() { Image = "busybox:1.36", ImagePullPolicy = {|KMA007:"Never"|} };
                    V1Container C(string image) => new V1Container { Image = image, ImagePullPolicy = {|KMA007:"Never"|} };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container { Image = "registry.example.com/tools/preloaded:1.0", ImagePullPolicy = "IfNotPresent" };
                    V1EphemeralContainer B() => new() { Image = "busybox:1.36", ImagePullPolicy = "IfNotPresent" };
                    V1Container C(string image) => new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" };
                }
                """,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        await test.RunAsync();
    }

    [Fact]
    public void NeverFix_OffersNoFixAll()
    {
        // Never is chosen on purpose (images loaded onto the nodes): no "Fix all occurrences", and dotnet format leaves it.
        Assert.Null(new K8sManifestAnalyzers.CodeFixes.ReplaceNeverPullPolicyCodeFix().GetFixAllProvider());
        Assert.DoesNotContain("KMA007", new K8sManifestAnalyzers.CodeFixes.SetPullPolicyCodeFix().FixableDiagnosticIds);
    }

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
                    V1Container Named() => new V1Container("api", image: "nginx", imagePullPolicy: {|KMA003:"IfNotPresent"|});
                    V1Container Positional() => new V1Container("db", null, null, null, null, "postgres:16", {|KMA002:"ifnotpresent"|});
                    V1Container NamedOutOfOrder() => new V1Container(imagePullPolicy: {|KMA002:"always"|}, name: "x", image: "redis:7");
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Named() => new V1Container("api", image: "nginx", imagePullPolicy: "Always");
                    V1Container Positional() => new V1Container("db", null, null, null, null, "postgres:16", "IfNotPresent");
                    V1Container NamedOutOfOrder() => new V1Container(imagePullPolicy: "Always", name: "x", image: "redis:7");
                }
                """,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.FixedState.Sources.Add(KubernetesClient17Stubs.Source);

        // KMA002 and KMA003 are separate Fix All operations.
        test.NumberOfFixAllIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public Task MutableImageWithUnknownParts_IsReportedOnlyWhenItsTagIsKnown() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Containers
            {
                public static V1Container Cached(string image) => new() { Name = "cached", Image = image, ImagePullPolicy = "IfNotPresent" };
            }

            class Manifests
            {
                V1Container Latest(string repo) => new V1Container { Image = $"{repo}:latest", ImagePullPolicy = {|#0:"IfNotPresent"|} };
                V1Container Untagged(string registry) => new V1Container { Image = registry + "/app", ImagePullPolicy = {|#1:"Never"|} };
                V1Container Passed(string repo) => Containers.Cached({|#2:repo + ":latest"|});
                V1Container UnknownTag(string tag) => new V1Container { Image = $"app:{tag}", ImagePullPolicy = "IfNotPresent" };
                V1Container KnownNameUnknownTag(string tag) => new V1Container { Image = $"ghcr.io/acme/api:{tag}", ImagePullPolicy = {|#3:"Never"|} };
                V1Container Pinned(string repo, string digest) => new V1Container { Image = $"{repo}:latest@{digest}", ImagePullPolicy = "IfNotPresent" };
            }
            """,
            VerifyCS.Diagnostic("KMA003").WithLocation(0).WithArguments("{repo}:latest", "tag 'latest'"),
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_NeverWithMutableImage).WithLocation(1).WithArguments("{registry}/app", "no tag or digest, so 'latest'"),
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(2).WithArguments("{repo}:latest", "tag 'latest'", "created by Containers.Cached"),
            VerifyCS.Diagnostic("KMA007").WithLocation(1),
            VerifyCS.Diagnostic("KMA007").WithLocation(3));
}
