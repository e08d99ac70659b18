using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyImages = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using VerifyOptions = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ManifestOptionsAnalyzer>;
using VerifyPolicies = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.SetPullPolicyCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary><c>k8s_manifests.mutable_tags</c>: tags KMA005 and KMA003 treat like <c>latest</c>.</summary>
public sealed class KMA003_KMA005_MutableTagsTests
{
    private const string Option = """
        root = true

        [*.cs]
        k8s_manifests.mutable_tags = main, dev, nightly-*, *-SNAPSHOT
        """;

    private const string Images = """
        using k8s.Models;

        class Manifests
        {
            V1Container A() => new V1Container { Image = {|#0:"ghcr.io/acme/api:main"|}, ImagePullPolicy = "Always" };
            V1Container B() => new V1Container { Image = {|#1:"ghcr.io/acme/api:nightly-2026-12-01"|}, ImagePullPolicy = "Always" };
            V1Container C() => new V1Container { Image = {|#2:"ghcr.io/acme/api:1.4-SNAPSHOT"|}, ImagePullPolicy = "Always" };
            V1Container D() => new V1Container { Image = {|#3:"ghcr.io/acme/api:latest"|}, ImagePullPolicy = "Always" };
            V1Container E() => new V1Container { Image = "ghcr.io/acme/api:Main", ImagePullPolicy = "Always" };
            V1Container F() => new V1Container { Image = "ghcr.io/acme/api:maintenance", ImagePullPolicy = "Always" };
            V1Container G() => new V1Container { Image = "ghcr.io/acme/api:main@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ImagePullPolicy = "Always" };
            V1Container H(string registry) => new V1Container { Image = {|#4:$"{registry}/api:dev"|}, ImagePullPolicy = "Always" };
            V1Container I() => new V1Container { Image = "ghcr.io/acme/api:1.4.0", ImagePullPolicy = "Always" };
        }
        """;

    [Fact]
    public Task Unset_OnlyLatestIsMutable() =>
        VerifyImages.VerifyAnalyzerAsync(
            System.Text.RegularExpressions.Regex.Replace(Images, @"\{\|#[0124]:(""[^""]*""|\$""[^""]*"")\|\}", "$1"),
            VerifyImages.Diagnostic("KMA005").WithLocation(3).WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'"));

    [Fact]
    public async Task Set_ListedTagsAreMutable_ForKMA005()
    {
        var test = new VerifyImages.Test { TestCode = Images };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Option));
        test.ExpectedDiagnostics.Add(VerifyImages.Diagnostic("KMA005").WithLocation(0).WithArguments("ghcr.io/acme/api:main", "uses the tag 'main', which k8s_manifests.mutable_tags lists as mutable"));
        test.ExpectedDiagnostics.Add(VerifyImages.Diagnostic("KMA005").WithLocation(1).WithArguments("ghcr.io/acme/api:nightly-2026-12-01", "uses the tag 'nightly-2026-12-01', which k8s_manifests.mutable_tags lists as mutable"));
        test.ExpectedDiagnostics.Add(VerifyImages.Diagnostic("KMA005").WithLocation(2).WithArguments("ghcr.io/acme/api:1.4-SNAPSHOT", "uses the tag '1.4-SNAPSHOT', which k8s_manifests.mutable_tags lists as mutable"));
        test.ExpectedDiagnostics.Add(VerifyImages.Diagnostic("KMA005").WithLocation(3).WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'"));
        test.ExpectedDiagnostics.Add(VerifyImages.Diagnostic("KMA005").WithLocation(4).WithArguments("{registry}/api:dev", "uses the tag 'dev', which k8s_manifests.mutable_tags lists as mutable"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Set_ListedTagsWithIfNotPresent_AreKMA003_AndTheFixPullsAlways()
    {
        var test = new VerifyPolicies.Test
        {
            TestCode = """
                using k8s.Models;

                class Options
                {
                    public string? Image { get; set; }
                }

                class Manifests
                {
                    V1Container A() => new V1Container { Image = "ghcr.io/acme/api:main", ImagePullPolicy = {|#0:"IfNotPresent"|} };
                    V1Container B(Options options) => new V1Container { Image = options.Image ?? "ghcr.io/acme/api:dev", ImagePullPolicy = {|#1:"IfNotPresent"|} };
                    V1Container C() => new V1Container { Image = "ghcr.io/acme/api:1.4.0", ImagePullPolicy = "IfNotPresent" };
                }
                """,
            FixedCode = """
                using k8s.Models;

                class Options
                {
                    public string? Image { get; set; }
                }

                class Manifests
                {
                    V1Container A() => new V1Container { Image = "ghcr.io/acme/api:main", ImagePullPolicy = "Always" };
                    V1Container B(Options options) => new V1Container { Image = options.Image ?? "ghcr.io/acme/api:dev", ImagePullPolicy = "Always" };
                    V1Container C() => new V1Container { Image = "ghcr.io/acme/api:1.4.0", ImagePullPolicy = "IfNotPresent" };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Option));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", Option));
        test.ExpectedDiagnostics.Add(VerifyPolicies.Diagnostic("KMA003").WithLocation(0).WithArguments("ghcr.io/acme/api:main", "tag 'main', listed in k8s_manifests.mutable_tags"));
        test.ExpectedDiagnostics.Add(VerifyPolicies.Diagnostic(Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(1).WithArguments("ghcr.io/acme/api:dev", "tag 'dev', listed in k8s_manifests.mutable_tags", "used when options.Image is null"));
        await test.RunAsync();
    }

    [Fact]
    public async Task EntriesThatAreNotTags_AreKMA009()
    {
        var test = new VerifyOptions.Test { TestCode = "class C { }" };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            k8s_manifests.mutable_tags = main, :dev, nightly/*, .hidden, *-rc
            """));
        test.ExpectedDiagnostics.Add(VerifyOptions.Diagnostic(Descriptors.KMA009_TagNeverMatches).WithArguments("k8s_manifests.mutable_tags", ":dev", "is not a tag (a letter, digit or '_' first, then letters, digits, '_', '.' or '-', at most 128 characters; '*' for any run of them)"));
        test.ExpectedDiagnostics.Add(VerifyOptions.Diagnostic(Descriptors.KMA009_TagNeverMatches).WithArguments("k8s_manifests.mutable_tags", "nightly/*", "is not a tag (a letter, digit or '_' first, then letters, digits, '_', '.' or '-', at most 128 characters; '*' for any run of them)"));
        test.ExpectedDiagnostics.Add(VerifyOptions.Diagnostic(Descriptors.KMA009_TagNeverMatches).WithArguments("k8s_manifests.mutable_tags", ".hidden", "is not a tag (a letter, digit or '_' first, then letters, digits, '_', '.' or '-', at most 128 characters; '*' for any run of them)"));
        await test.RunAsync();
    }
}
