using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.ImageReferenceAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA008: images outside k8s_manifests.allowed_registries.</summary>
public sealed class RegistryNotAllowedTests
{
    private const string Source = """
        using k8s.Models;

        class Manifests
        {
            V1Container A() => new V1Container { Image = {|#0:"nginx:1.25"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container B() => new V1Container { Image = {|#1:"ghcr.io/acme/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container C() => new V1Container { Image = {|#2:"ghcr.io/acmecorp/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container D() => new V1Container { Image = {|#3:"registry.example.com:5000/shop/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container E() => new V1Container { Image = {|#4:"registry.example.com/shop/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container F() => new V1Container { Image = {|#5:"quay.io/prometheus/node-exporter:v1.8.0"|}, ImagePullPolicy = "IfNotPresent" };
        }
        """;

    [Fact]
    public Task OptionUnset_NothingIsReported() =>
        VerifyCS.VerifyAnalyzerAsync(Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty)
            .Replace("{|#3:", string.Empty).Replace("{|#4:", string.Empty).Replace("{|#5:", string.Empty).Replace("|}", string.Empty));

    [Theory]
    [InlineData("docker.io, ghcr.io/acme, registry.example.com:5000", "docker.io, ghcr.io/acme, registry.example.com:5000")]
    [InlineData(" docker.io ,, ghcr.io/acme/ ,registry.example.com:5000, ", "docker.io, ghcr.io/acme/, registry.example.com:5000")]
    [InlineData("index.docker.io,ghcr.io/acme,registry.example.com:5000", "index.docker.io, ghcr.io/acme, registry.example.com:5000")]
    public async Task ImagesOutsideTheList_AreReported(string option, string shown)
    {
        var test = new VerifyCS.Test { TestCode = Source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"""
            root = true

            [*.cs]
            k8s_manifests.allowed_registries = {option}
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(2).WithArguments("ghcr.io/acmecorp/api:3.2.0", shown));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(4).WithArguments("registry.example.com/shop/api:3.2.0", shown));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(5).WithArguments("quay.io/prometheus/node-exporter:v1.8.0", shown));
        await test.RunAsync();
    }

    [Fact]
    public async Task GlobalConfig_IsRead()
    {
        var test = new VerifyCS.Test { TestCode = Source };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            k8s_manifests.allowed_registries = docker.io/library, quay.io
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(1).WithArguments("ghcr.io/acme/api:3.2.0", "docker.io/library, quay.io"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(2).WithArguments("ghcr.io/acmecorp/api:3.2.0", "docker.io/library, quay.io"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(3).WithArguments("registry.example.com:5000/shop/api:3.2.0", "docker.io/library, quay.io"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(4).WithArguments("registry.example.com/shop/api:3.2.0", "docker.io/library, quay.io"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionWithOnlySeparators_IsTreatedAsUnset()
    {
        var test = new VerifyCS.Test { TestCode = Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty)
            .Replace("{|#3:", string.Empty).Replace("{|#4:", string.Empty).Replace("{|#5:", string.Empty).Replace("|}", string.Empty) };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.allowed_registries = , ,\n"));
        await test.RunAsync();
    }
}
