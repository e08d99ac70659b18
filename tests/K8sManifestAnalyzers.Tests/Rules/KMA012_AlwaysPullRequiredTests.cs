using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.SetPullPolicyCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA012 (off by default): a written pull policy other than Always, for teams that always pull.</summary>
public sealed class KMA012_AlwaysPullRequiredTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string TurnedOn = """
        root = true

        [*.cs]
        dotnet_diagnostic.KMA012.severity = warning
        """;

    [Fact]
    public Task OffByDefault_NothingIsReported() =>
        VerifyCS.VerifyAnalyzerAsync("""
            using k8s.Models;

            class Manifests
            {
                V1Container Build() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" };
            }
            """);

    [Fact]
    public async Task TurnedOn_IfNotPresentAndNever_BecomeAlways()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = {|#0:"IfNotPresent"|} };
                    V1Container B() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = {|#1:"Never"|} };
                    V1Container C() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = "Always" };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Manifests
                {
                    V1Container A() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = "Always" };
                    V1Container B() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = "Always" };
                    V1Container C() => new V1Container { Image = "nginx:1.27", ImagePullPolicy = "Always" };
                }
                """,
            CodeActionEquivalenceKey = "KMA012",
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", TurnedOn));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA012").WithLocation(0).WithArguments("IfNotPresent"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA012").WithLocation(1).WithArguments("Never"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA007").WithLocation(1));

        // KMA007 is not this fix's: the fixed code is checked for what it states, not for an inherited KMA007.
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", TurnedOn));
        await test.RunAsync();
    }

    // A constant passed to a helper is rewritten at the call: that argument is the policy of this container.
    [Fact]
    public async Task TurnedOn_PoliciesThroughDefaultsAndHelpers_AreReported_PinnedImagesAndUnsetPoliciesAreNot()
    {
        string source = $$"""
                using k8s.Models;

                class Options
                {
                    public string? PullPolicy { get; set; }
                }

                class Manifests
                {
                    static V1Container Sidecar(string image, string policy) => new V1Container { Name = "sidecar", Image = image, ImagePullPolicy = policy };

                    V1Container A(Options options) => new V1Container { Image = "nginx:1.27", ImagePullPolicy = options.PullPolicy ?? {|#0:"IfNotPresent"|} };
                    V1Container B() => Sidecar("ghcr.io/acme/sidecar:1.4", {|#1:"IfNotPresent"|});
                    V1Container C() => new V1Container { Image = "ghcr.io/acme/api@{{Digest}}", ImagePullPolicy = "IfNotPresent" };
                    V1Container D(Options options) => new V1Container { Image = "nginx:1.27", ImagePullPolicy = options.PullPolicy };
                }
                """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", TurnedOn));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA012").WithLocation(0).WithArguments("IfNotPresent"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA012_AlwaysPullRequiredFrom).WithLocation(1).WithArguments("IfNotPresent", "passed to Manifests.Sidecar"));
        test.FixedCode = source.Replace("{|#0:\"IfNotPresent\"|}", "\"Always\"").Replace("{|#1:\"IfNotPresent\"|}", "\"Always\"");
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", TurnedOn));
        await test.RunAsync();
    }
}
