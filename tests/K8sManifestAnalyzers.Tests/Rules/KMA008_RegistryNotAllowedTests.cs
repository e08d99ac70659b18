using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA008: images outside k8s_manifests.allowed_registries.</summary>
public sealed class KMA008_RegistryNotAllowedTests
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

    private const string PartialSource = """
        using k8s.Models;

        class Manifests
        {
            const string Registry = "quay.io/evil";

            V1Container Interpolated(string tag) => new V1Container { Image = {|#0:$"quay.io/evil/miner:{tag}"|}, ImagePullPolicy = "Always" };
            V1Container Concatenated(string tag) => new V1Container { Image = {|#1:"quay.io/evil/miner:" + tag|}, ImagePullPolicy = "Always" };
            V1Container Formatted(string tag) => new V1Container { Image = {|#2:string.Format("{0}/miner:{1}", Registry, tag)|}, ImagePullPolicy = "Always" };
            V1Container Concat(string tag) => new V1Container { Image = {|#3:string.Concat(Registry, "/miner:", tag)|}, ImagePullPolicy = "Always" };
            V1Container HoleInTheName(string name) => new V1Container { Image = {|#4:$"quay.io/evil/{name}:1.0"|}, ImagePullPolicy = "Always" };
            V1Container DockerHub(string tag) => new V1Container { Image = {|#5:$"library/nginx:{tag}"|}, ImagePullPolicy = "Always" };
            V1Container Allowed(string tag) => new V1Container { Image = $"ghcr.io/acme/api:{tag}", ImagePullPolicy = "Always" };
            V1Container AllowedPath(string name) => new V1Container { Image = $"ghcr.io/acme/{name}:1.0", ImagePullPolicy = "Always" };
            V1Container UnknownRegistry(string registry) => new V1Container { Image = $"{registry}/app:1.0", ImagePullPolicy = "Always" };
            V1Container HostContinued(string suffix) => new V1Container { Image = $"ghcr.io{suffix}/app:1.0", ImagePullPolicy = "Always" };
            V1Container MayBeAllowed(string rest) => new V1Container { Image = $"ghcr.io/{rest}", ImagePullPolicy = "Always" };
            V1Container Formatted(string tag, int width) => new V1Container { Image = string.Format("quay.io/evil/miner:{0,5}", tag), ImagePullPolicy = "Always" };
        }
        """;

    [Fact]
    public async Task ImageWithUnknownTag_IsCheckedOnItsKnownName()
    {
        var test = new VerifyCS.Test { TestCode = PartialSource };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.allowed_registries = ghcr.io/acme\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(0).WithArguments("quay.io/evil/miner:{tag}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(1).WithArguments("quay.io/evil/miner:{tag}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(2).WithArguments("quay.io/evil/miner:{tag}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(3).WithArguments("quay.io/evil/miner:{tag}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(4).WithArguments("quay.io/evil/{name}:1.0", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA008_RegistryNotAllowedNormalized).WithLocation(5).WithArguments("library/nginx:{tag}", "docker.io/library/nginx", "ghcr.io/acme"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ImageWithUnknownTag_UnderAnAllowedPrefix_IsSilent()
    {
        var test = new VerifyCS.Test { TestCode = WithoutMarkup(PartialSource) };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.allowed_registries = ghcr.io, quay.io/evil, docker.io\n"));
        await test.RunAsync();
    }

    // A local holding either a constant or a value with holes keeps both when it is read.
    [Fact]
    public async Task LocalHoldingAConstantOrAnImageWithUnknownTag_KeepsBoth()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container Build(bool pinned, string tag)
                    {
                        var image = pinned ? {|#0:"quay.io/evil/miner:1.0"|} : {|#1:$"quay.io/evil/miner:{tag}"|};
                        return new V1Container { Image = image, ImagePullPolicy = "Always" };
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.allowed_registries = ghcr.io/acme\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(0).WithArguments("quay.io/evil/miner:1.0", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA008").WithLocation(1).WithArguments("quay.io/evil/miner:{tag}", "ghcr.io/acme"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ImageFromAConstantAndAnUnknownTag_ReportedWhereTheConstantIsDeclared_NamesIt()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                static class Images
                {
                    public static readonly string Miner = "quay.io/evil/miner:" + System.Environment.GetEnvironmentVariable("TAG");
                }

                class Manifests
                {
                    V1Container Build() => new V1Container { Image = {|#0:Images.Miner|}, ImagePullPolicy = "Always" };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.allowed_registries = ghcr.io/acme\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA008_RegistryNotAllowedFrom).WithLocation(0)
            .WithArguments("quay.io/evil/miner:{System.Environment.GetEnvironmentVariable(\"TAG\")}", "ghcr.io/acme", "the value of Images.Miner"));
        await test.RunAsync();
    }

    private static string WithoutMarkup(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:", string.Empty).Replace("|}", string.Empty);
}
