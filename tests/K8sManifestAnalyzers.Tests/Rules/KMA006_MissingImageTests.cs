using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA006: a container with no image.</summary>
public sealed class KMA006_MissingImageTests
{
    [Fact]
    public Task ContainerWithoutImage_IsReportedOnItsCreation() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1PodSpec Spec() => new()
                {
                    InitContainers = [{|#0:new|}() { Name = "init", ImagePullPolicy = "Always" }],
                    Containers = [{|#1:new V1Container|} { Name = "api", Image = "", ImagePullPolicy = "Always" }],
                    EphemeralContainers = [{|#2:new V1EphemeralContainer|} { Name = "debug", Image = null, ImagePullPolicy = "Always" }],
                };

                V1Container Empty() => {|#3:new V1Container|}();
            }
            """,
            VerifyCS.Diagnostic("KMA006").WithLocation(0).WithArguments("without an image"),
            VerifyCS.Diagnostic("KMA006").WithLocation(1).WithArguments("with an empty image"),
            VerifyCS.Diagnostic("KMA006").WithLocation(2).WithArguments("with a null image"),
            VerifyCS.Diagnostic("KMA006").WithLocation(3).WithArguments("without an image"));

    [Fact]
    public Task ImageFromAnEmptyConstant_IsReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Images { public const string None = ""; }

            class Manifests
            {
                V1Container Build() => {|#0:new V1Container|} { Image = Images.None, ImagePullPolicy = "Always" };
            }
            """,
            VerifyCS.Diagnostic("KMA006").WithLocation(0).WithArguments("with an empty image"));

    [Theory]
    [InlineData("container.Image = \"nginx:1.25\";")]
    [InlineData("container.Image ??= image;")]
    [InlineData("container.Image = image;")]
    public Task ImageWrittenLaterToTheSameLocal_IsNotReported(string write) =>
        VerifyCS.VerifyAnalyzerAsync(
            $$"""
            using k8s.Models;

            class Manifests
            {
                V1Container Build(string image)
                {
                    var container = new V1Container { Name = "app", ImagePullPolicy = "Always" };
                    {{write}}
                    return container;
                }
            }
            """);

    [Fact]
    public Task CopyWritingAnEmptyImage_IsReportedOnWith() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(V1Container template) => template {|#0:with|} { Image = "" };
            }
            """,
            VerifyCS.Diagnostic("KMA006").WithLocation(0).WithArguments("with an empty image"));

    [Fact]
    public Task NonConstantImageOrCopy_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container A(string? image) => new V1Container { Image = image, ImagePullPolicy = "Always" };
                V1Container B(V1Container template) => template with { Name = "copy" };
            }
            """);

    [Fact]
    public async Task KubernetesClient17Constructor_WithImageArgument_IsNotReported()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container("api", image: "nginx:1.25", imagePullPolicy: "Always");
                    V1Container B() => {|#0:new V1Container|}("api", imagePullPolicy: "Always");
                    V1Container C() => new V1Container("db", null, null, null, null, "postgres:16", "Always");
                }
                """,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA006").WithLocation(0).WithArguments("without an image"));
        await test.RunAsync();
    }
}
