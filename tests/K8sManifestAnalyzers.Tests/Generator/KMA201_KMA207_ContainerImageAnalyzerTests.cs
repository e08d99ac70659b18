using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using K8sManifestAnalyzers.Generator;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ContainerImageAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Generator;

/// <summary>
/// KMA201-KMA205, checked on the compilation the generator produced (the attribute and the builders exist only
/// there). Each finding is asserted by markup, with the source text it points at: the family's analyzer verifier runs
/// the generator first.
/// </summary>
public sealed class KMA201_KMA207_ContainerImageAnalyzerTests
{
    [Fact]
    public async Task Declarations_AreChecked()
    {
        await Verify("""
            namespace Shop
            {
                [K8sManifests.ContainerImage({|#0:"Registry.example.com/Shop/API"|})]
                internal static partial class Upper { }

                [K8sManifests.ContainerImage({|#1:null|})]
                internal static partial class Missing { }

                [K8sManifests.ContainerImage({|#2:"https://ghcr.io/acme/api"|})]
                internal static partial class Url { }

                [K8sManifests.ContainerImage({|#3:"registry.example.com/shop/api:1.0"|})]
                internal static partial class Tagged { }

                [K8sManifests.ContainerImage({|#4:"nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"|})]
                internal static partial class Pinned { }

                [K8sManifests.ContainerImage("registry.example.com/shop/api", {|#5:PullSecret = "Shop_Registry"|})]
                internal static partial class BadSecret { }

                [K8sManifests.ContainerImage("nginx")]
                internal static class {|#6:NotPartial|} { }

                internal static class Outer
                {
                    [K8sManifests.ContainerImage("nginx")]
                    internal static partial class {|#7:Nested|} { }
                }

                [K8sManifests.ContainerImage("nginx")]
                internal partial class {|#8:Generic|}<T> { }

                [K8sManifests.ContainerImage("registry.example.com/shop/api", {|#9:PullSecret = "shop..registry"|})]
                internal static partial class EmptyLabel { }

                internal partial class Box<T>
                {
                    [K8sManifests.ContainerImage("nginx")]
                    internal static partial class {|#10:InGeneric|} { }
                }

                [K8sManifests.ContainerImage("registry.example.com:5000/shop/api", PullSecret = "shop-registry")]
                internal static partial class Fine { }
            }
            """,
            Finding(0, "KMA201", "'Registry.example.com/Shop/API' is not a valid image repository: the repository 'Registry.example.com/Shop/API' has uppercase letters, and repositories are lowercase; no builder is generated"),
            Finding(1, "KMA201", "'null' is not a valid image repository: repository name must have at least one component; no builder is generated"),
            Finding(2, "KMA201", "'https://ghcr.io/acme/api' is not a valid image repository: 'https://' is a URL scheme, and an image reference has none (write the registry host first); no builder is generated"),
            Finding(3, "KMA201", "'registry.example.com/shop/api:1.0' is not a valid image repository: a repository has no tag (Tag(…) adds one); no builder is generated"),
            Finding(4, "KMA201", "'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' is not a valid image repository: a repository has no digest (Digest(…) adds one); no builder is generated"),
            Finding(5, "KMA205", "'Shop_Registry' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated"),
            Finding(6, "KMA204", "'NotPartial' is not partial: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
            Finding(7, "KMA204", "'Nested' is nested in 'Outer', which is not partial: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
            Finding(8, "KMA204", "'Generic' is generic: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
            Finding(9, "KMA205", "'shop..registry' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated"),
            Finding(10, "KMA204", "'InGeneric' is nested in the generic type 'Box': the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"));
    }

    [Fact]
    public async Task Calls_AreChecked()
    {
        await Verify("""
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
                        _ = Api.Tag({|#0:"3.2 beta"|});
                        _ = Api.Tag({|#1:"latest"|});
                        _ = Api.Digest({|#2:"sha256:abc"|});
                        _ = Api.Digest("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                        _ = Api.TagAndDigest("latest", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                        _ = Api.Tag(Release).WithTag({|#3:"-x"|}).WithDigest({|#4:"md5:0123456789abcdef0123456789abcdef"|});
                    }
                }
            }
            """,
            Finding(0, "KMA202", "'3.2 beta' is not a valid image tag: a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'; the call throws ArgumentException"),
            Finding(1, "KMA203", "The tag 'latest' names whatever was pushed last: use a version tag or Digest(…)"),
            Finding(2, "KMA202", "'sha256:abc' is not a valid image digest: invalid checksum digest length; the call throws ArgumentException"),
            Finding(3, "KMA202", "'-x' is not a valid image tag: a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'; the call throws ArgumentException"),
            Finding(4, "KMA202", "'md5:0123456789abcdef0123456789abcdef' is not a valid image digest: unsupported digest algorithm; the call throws ArgumentException"));
    }

    // A C# 7.3 project on netstandard2.0, where nullable stays off (VerifierSettings).
    [Fact]
    public async Task BelowCSharp8_TheAttributeIsReported()
    {
        var test = new VerifyCS.Test
        {
            TestCode = "[{|#0:K8sManifests.ContainerImage(\"nginx\")|}] internal static partial class Nginx { }",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
        };
        test.SourceGenerators.Add(typeof(ContainerImageGenerator));
        test.ExpectedDiagnostics.Add(Finding(0, "KMA206", "The image builders need C# 8 or later (nullable annotations); this project compiles C# 7.3, so no builder is generated"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AllowedRegistries_CoverDeclaredImages()
    {
        await Verify(
            """
            [K8sManifests.ContainerImage("registry.example.com/shop/api")] internal static partial class Api { }
            [K8sManifests.ContainerImage({|#0:"quay.io/prometheus/node-exporter"|})] internal static partial class Exporter { }
            """,
            "k8s_manifests.allowed_registries = registry.example.com",
            VerifyCS.Diagnostic("KMA008").WithLocation(0).WithArguments("quay.io/prometheus/node-exporter", "registry.example.com"));
    }

    [Fact]
    public async Task WithoutTheGenerator_NothingIsReported()
    {
        await new VerifyCS.Test { TestCode = "class Tag { static void M() { } }", ReferenceAssemblies = KubernetesReferences.WithoutKubernetes }.RunAsync();
    }

    // The family's analyzer verifier with the generator run first: the attribute and the builders exist only in its
    // output. Without KubernetesClient, as these rules need none; an option line goes into the .editorconfig.
    private static Task Verify(string source, params DiagnosticResult[] expected) => Verify(source, null, expected);

    private static Task Verify(string source, string? option, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, ReferenceAssemblies = KubernetesReferences.WithoutKubernetes };
        test.SourceGenerators.Add(typeof(ContainerImageGenerator));
        if (option is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\n{option}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Finding(int location, string id, string message) =>
        VerifyCS.Diagnostic(id).WithLocation(location).WithMessage(message);
}
