using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Generator;

/// <summary>
/// KMA201-KMA205, checked on the compilation the generator produced (the attribute and the builders exist only
/// there). Each finding is asserted with the source text it points at.
/// </summary>
public sealed class KMA201_KMA207_ContainerImageAnalyzerTests
{
    [Fact]
    public async Task Declarations_AreChecked()
    {
        var findings = await Analyze("""
            namespace Shop
            {
                [K8sManifests.ContainerImage("Registry.example.com/Shop/API")]
                internal static partial class Upper { }

                [K8sManifests.ContainerImage(null)]
                internal static partial class Missing { }

                [K8sManifests.ContainerImage("https://ghcr.io/acme/api")]
                internal static partial class Url { }

                [K8sManifests.ContainerImage("registry.example.com/shop/api:1.0")]
                internal static partial class Tagged { }

                [K8sManifests.ContainerImage("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
                internal static partial class Pinned { }

                [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = "Shop_Registry")]
                internal static partial class BadSecret { }

                [K8sManifests.ContainerImage("nginx")]
                internal static class NotPartial { }

                internal static class Outer
                {
                    [K8sManifests.ContainerImage("nginx")]
                    internal static partial class Nested { }
                }

                [K8sManifests.ContainerImage("nginx")]
                internal partial class Generic<T> { }

                [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = "shop..registry")]
                internal static partial class EmptyLabel { }

                internal partial class Box<T>
                {
                    [K8sManifests.ContainerImage("nginx")]
                    internal static partial class InGeneric { }
                }

                [K8sManifests.ContainerImage("registry.example.com:5000/shop/api", PullSecret = "shop-registry")]
                internal static partial class Fine { }
            }
            """);
        Assert.Equal(
            new[]
            {
                ("KMA201", "\"Registry.example.com/Shop/API\"", "'Registry.example.com/Shop/API' is not a valid image repository: the repository 'Registry.example.com/Shop/API' has uppercase letters, and repositories are lowercase; no builder is generated"),
                ("KMA201", "null", "'null' is not a valid image repository: repository name must have at least one component; no builder is generated"),
                ("KMA201", "\"https://ghcr.io/acme/api\"", "'https://ghcr.io/acme/api' is not a valid image repository: 'https://' is a URL scheme, and an image reference has none (write the registry host first); no builder is generated"),
                ("KMA201", "\"registry.example.com/shop/api:1.0\"", "'registry.example.com/shop/api:1.0' is not a valid image repository: a repository has no tag (Tag(…) adds one); no builder is generated"),
                ("KMA201", "\"nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"", "'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' is not a valid image repository: a repository has no digest (Digest(…) adds one); no builder is generated"),
                ("KMA205", "PullSecret = \"Shop_Registry\"", "'Shop_Registry' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated"),
                ("KMA204", "NotPartial", "'NotPartial' is not partial: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
                ("KMA204", "Nested", "'Nested' is nested in 'Outer', which is not partial: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
                ("KMA204", "Generic", "'Generic' is generic: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
                ("KMA205", "PullSecret = \"shop..registry\"", "'shop..registry' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated"),
                ("KMA204", "InGeneric", "'InGeneric' is nested in the generic type 'Box': the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
            },
            findings);
    }

    [Fact]
    public async Task Calls_AreChecked()
    {
        var findings = await Analyze("""
            namespace Shop
            {
                [K8sManifests.ContainerImage("registry.example.com/shop/api")]
                internal static partial class Api { }

                internal static class Use
                {
                    const string Release = "3.2.0";

                    internal static void Run(string tag)
                    {
                        _ = Api.Tag(Release);
                        _ = Api.Tag(tag);
                        _ = Api.Tag("3.2 beta");
                        _ = Api.Tag("latest");
                        _ = Api.Digest("sha256:abc");
                        _ = Api.Digest("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                        _ = Api.TagAndDigest("latest", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                        _ = Api.Tag(Release).WithTag("-x").WithDigest("md5:0123456789abcdef0123456789abcdef");
                    }
                }
            }
            """);
        Assert.Equal(
            new[]
            {
                ("KMA202", "\"3.2 beta\"", "'3.2 beta' is not a valid image tag: a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'; the call throws ArgumentException"),
                ("KMA203", "\"latest\"", "The tag 'latest' names whatever was pushed last: use a version tag or Digest(…)"),
                ("KMA202", "\"sha256:abc\"", "'sha256:abc' is not a valid image digest: invalid checksum digest length; the call throws ArgumentException"),
                ("KMA202", "\"-x\"", "'-x' is not a valid image tag: a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'; the call throws ArgumentException"),
                ("KMA202", "\"md5:0123456789abcdef0123456789abcdef\"", "'md5:0123456789abcdef0123456789abcdef' is not a valid image digest: unsupported digest algorithm; the call throws ArgumentException"),
            },
            findings);
    }

    [Fact]
    public async Task BelowCSharp8_TheAttributeIsReported()
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(
            "[K8sManifests.ContainerImage(\"nginx\")] internal static partial class Nginx { }",
            GeneratorHarness.NetStandard20(),
            LanguageVersion.CSharp7_3));
        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerImageAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var finding = Assert.Single(diagnostics);
        Assert.Equal("KMA206", finding.Id);
        Assert.Equal("The image builders need C# 8 or later (nullable annotations); this project compiles C# 7.3, so no builder is generated", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AllowedRegistries_CoverDeclaredImages()
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation("""
            [K8sManifests.ContainerImage("registry.example.com/shop/api")] internal static partial class Api { }
            [K8sManifests.ContainerImage("quay.io/prometheus/node-exporter")] internal static partial class Exporter { }
            """, GeneratorHarness.Net80(withKubernetes: false)));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptions("registry.example.com"));
        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerImageAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        var finding = Assert.Single(diagnostics);
        Assert.Equal("KMA008", finding.Id);
        Assert.Equal("\"quay.io/prometheus/node-exporter\"", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }

    private sealed class EditorConfigOptions(string allowed) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(allowed);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(string allowed) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == "k8s_manifests.allowed_registries" ? allowed : null;
                return value is not null;
            }
        }
    }

    [Fact]
    public async Task WithoutTheGenerator_NothingIsReported()
    {
        var compilation = GeneratorHarness.Compilation("class Tag { static void M() { } }", GeneratorHarness.Net80(withKubernetes: false));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerImageAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }

    private static async Task<(string Id, string Text, string Message)[]> Analyze(string source)
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(source, GeneratorHarness.Net80(withKubernetes: false)));
        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerImageAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => (d.Id, d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
