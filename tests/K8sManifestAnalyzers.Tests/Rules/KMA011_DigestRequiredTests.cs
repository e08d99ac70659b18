using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA011 (off by default): images without a digest, for teams that pin every image.</summary>
public sealed class KMA011_DigestRequiredTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string Source = $$"""
        using k8s.Models;

        class Options
        {
            public string? Image { get; set; }
        }

        class Manifests
        {
            const string Pinned = "ghcr.io/acme/api:3.2.0@{{Digest}}";

            V1Container A() => new V1Container { Image = {|#0:"ghcr.io/acme/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container B() => new V1Container { Image = "ghcr.io/acme/api@{{Digest}}", ImagePullPolicy = "IfNotPresent" };
            V1Container C() => new V1Container { Image = Pinned, ImagePullPolicy = "IfNotPresent" };
            V1Container D(Options options) => new V1Container { Image = options.Image ?? {|#1:"nginx:1.27"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container E(string tag) => new V1Container { Image = {|#2:$"ghcr.io/acme/api:{tag}"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container F(string registry) => new V1Container { Image = {|#3:$"{registry}/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" };
            V1Container G(string digest) => new V1Container { Image = $"ghcr.io/acme/api@{digest}", ImagePullPolicy = "IfNotPresent" };
            V1Container H(string reference) => new V1Container { Image = reference, ImagePullPolicy = "IfNotPresent" };
            V1Container I() => new V1Container { Image = "Not A Valid Image", ImagePullPolicy = "IfNotPresent" };
            V1Container J(string registry) => new V1Container { Image = $"{registry}/api:3.2.0@{{Digest}}", ImagePullPolicy = "IfNotPresent" };
        }
        """;

    [Fact]
    public Task OffByDefault_NothingIsReported() =>
        VerifyCS.VerifyAnalyzerAsync(Strip(Source), Invalid());

    [Fact]
    public async Task TurnedOnBySeverity_ImagesWithoutADigestAreReported()
    {
        var test = new VerifyCS.Test { TestCode = Source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.KMA011.severity = warning
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA011").WithLocation(0).WithArguments("ghcr.io/acme/api:3.2.0"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA011").WithLocation(1).WithArguments("nginx:1.27"));
        test.ExpectedDiagnostics.Add(Invalid());

        // `{tag}` could be `3.2.0@sha256:…`: only images whose end is known are judged.
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA011").WithLocation(3).WithArguments("{registry}/api:3.2.0"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ImagePassedToAHelper_IsReportedOnTheArgument()
    {
        var test = new VerifyCS.Test
        {
            EnableOptInRules = true,
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    static V1Container Sidecar(string image) => new V1Container { Name = "sidecar", Image = image, ImagePullPolicy = "IfNotPresent" };

                    V1Container Build() => Sidecar({|#0:"ghcr.io/acme/sidecar:1.4"|});
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA011_DigestRequiredFrom).WithLocation(0).WithArguments("ghcr.io/acme/sidecar:1.4", "passed to Manifests.Sidecar"));
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Invalid() =>
        VerifyCS.Diagnostic("KMA004").WithSpan(20, 50, 20, 69).WithArguments("Not A Valid Image", "it contains white space");

    private static string Strip(string source) =>
        source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("|}", string.Empty);
}
