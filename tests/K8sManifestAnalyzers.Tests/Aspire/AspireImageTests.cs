using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using VerifyFix = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer, K8sManifestAnalyzers.CodeFixes.RepairImageReferenceCodeFix>;
using VerifyPolicy = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Aspire;

/// <summary>
/// Aspire app hosts as a front-end of the image rules: the image Aspire composes from AddContainer, WithImage,
/// WithImageTag, WithImageRegistry and WithImageSHA256, against Aspire.Hosting 13.6.5.
/// </summary>
public sealed class AspireImageTests
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Task Verify(string body, params DiagnosticResult[] expected) => Run(body, null, expected);

    private static async Task Run(string body, string? editorconfig, DiagnosticResult[] expected, bool optIn = false)
    {
        var test = new VerifyCS.Test { TestCode = Wrap(body), ReferenceAssemblies = KubernetesReferences.AspireHosting, EnableOptInRules = optIn };
        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorconfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static string Wrap(string body) => $$"""
        using Aspire.Hosting;
        using Aspire.Hosting.ApplicationModel;

        static class Images
        {
            public const string Seq = "datalust/seq";
            public const string Pinned = "2024.3";
            public static readonly string Latest = "latest";
        }

        static class AppHost
        {
        {{body}}
        }
        """;

    private static DiagnosticResult DefaultTag(int location, string image, string call, string composed) =>
        VerifyCS.Diagnostic(Descriptors.KMA005_AspireDefaultTag).WithLocation(location).WithArguments(image, call, composed);

    private static DiagnosticResult Mutable(int location, string composed, string calls, string why = "uses the tag 'latest'") =>
        VerifyCS.Diagnostic(Descriptors.KMA005_AspireMutableTag).WithLocation(location).WithArguments(composed, calls, why);

    [Fact]
    public Task AddContainerWithoutTag_IsReportedOnTheImage_AspireUsesLatest() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder) => builder.AddContainer("seq", {|#0:"datalust/seq"|});
            """,
            DefaultTag(0, "datalust/seq", "AddContainer", "datalust/seq:latest"));

    [Fact]
    public Task AddContainerWithTag_IsSilent() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("seq", "datalust/seq", "2024.3");
                builder.AddContainer("api", "ghcr.io/acme/api:1.4");
                builder.AddContainer("db", "postgres@sha256:{{Digest}}");
                builder.AddContainer("cache", "redis").WithImageTag("7.2");
                builder.AddContainer("proxy", "envoyproxy/envoy").WithImageSHA256("{{Digest}}");
            }
            """.Replace("{{Digest}}", Digest));

    [Fact]
    public Task LatestTag_IsReportedWhereTheTagIsWritten() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("a", "datalust/seq", {|#0:"latest"|});
                builder.AddContainer("b", {|#1:"nginx:latest"|});
                builder.AddContainer("c", "nginx:1.27").WithImageTag({|#2:"latest"|});
                builder.AddContainer("d", "nginx").WithImage("nginx", {|#3:"latest"|});
            }
            """,
            Mutable(0, "datalust/seq:latest", "AddContainer"),
            Mutable(1, "nginx:latest", "AddContainer"),
            Mutable(2, "nginx:latest", "AddContainer and WithImageTag"),
            Mutable(3, "nginx:latest", "WithImage"));

    [Fact]
    public Task TagAfterDigest_ReplacesTheDigest_AndDigestAfterTagIsPinned() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("a", "nginx@sha256:{{Digest}}").WithImageTag({|#0:"latest"|});
                builder.AddContainer("b", "nginx:latest").WithImageSHA256("{{Digest}}");
            }
            """.Replace("{{Digest}}", Digest),
            Mutable(0, "nginx:latest", "AddContainer and WithImageTag"));

    [Fact]
    public Task SplitChainThroughALocal_IsFollowed() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                var seq = builder.AddContainer("seq", "datalust/seq");
                seq.WithImageTag("2024.3");

                var web = builder.AddContainer("web", "nginx:1.27");
                web.WithImageTag({|#0:Images.Latest|});
            }
            """,
            Mutable(0, "nginx:latest", "AddContainer and WithImageTag"));

    [Fact]
    public Task TagOnSomePathsOnly_ReportsTheDefault() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder, bool pinned)
            {
                var seq = builder.AddContainer("seq", {|#0:"datalust/seq"|});
                if (pinned)
                {
                    seq.WithImageTag("2024.3");
                }
            }
            """,
            DefaultTag(0, "datalust/seq", "AddContainer", "datalust/seq:latest"));

    [Fact]
    public Task ConstantsThroughFieldsAndCoalesce_AreFolded() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder, string? tag)
            {
                builder.AddContainer("seq", Images.Seq).WithImageTag(Images.Pinned);
                builder.AddContainer("web", "nginx").WithImageTag(tag ?? {|#0:"latest"|});
                builder.AddContainer("api", "ghcr.io/acme/api").WithImageTag(tag!);
            }
            """,
            Mutable(0, "nginx:latest", "AddContainer and WithImageTag"));

    [Fact]
    public Task HelperExtensionMethods_AreReadWithTheCallsArguments() =>
        Verify("""
            static IResourceBuilder<T> Pinned<T>(this IResourceBuilder<T> builder, string tag) where T : ContainerResource =>
                builder.WithImageTag(tag);

            static IResourceBuilder<ContainerResource> FromMirror(this IResourceBuilder<ContainerResource> builder)
            {
                builder.WithImageRegistry("mirror.example.com");
                return builder;
            }

            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("seq", "datalust/seq").Pinned("2024.3");
                builder.AddContainer("web", "nginx").Pinned({|#0:"latest"|});
                builder.AddContainer("api", {|#1:"acme/api"|}).FromMirror();
            }
            """,
            VerifyCS.Diagnostic(Descriptors.KMA005_AspireMutableTag).WithLocation(0).WithArguments("nginx:latest", "AddContainer and WithImageTag", "uses the tag 'latest'"),
            DefaultTag(1, "acme/api", "AddContainer", "mirror.example.com/acme/api:latest"));

    [Fact]
    public Task BuilderThatEscapes_IsNotJudged() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddSeq(this IDistributedApplicationBuilder builder) =>
                builder.AddContainer("seq", "datalust/seq");

            static void Build(IDistributedApplicationBuilder builder, System.Action<IResourceBuilder<ContainerResource>> configure)
            {
                builder.AddSeq().WithImageTag("2024.3");
                configure(builder.AddContainer("web", "nginx"));
            }
            """);

    [Fact]
    public Task UnknownValues_AreSilent_UnlessTheKnownPartDecides() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder, string image, string registry)
            {
                builder.AddContainer("a", image);
                builder.AddContainer("b", image).WithImageTag({|#0:"latest"|});
                builder.AddContainer("c", "nginx").WithImageRegistry(registry).WithImageTag("1.27");
            }
            """,
            Mutable(0, "{image}:latest", "AddContainer and WithImageTag"));

    [Fact]
    public Task MalformedOnlyWhenJoined_IsReportedOnThePartThatBreaksIt() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("a", "nginx", "1.27").WithImageRegistry({|#0:"mirror.example.com/"|});
                builder.AddContainer("b", "nginx").WithImageSHA256({|#1:"sha256:{{Digest}}"|});
                builder.AddContainer("c", "nginx").WithImageTag({|#2:"-rc1"|});
            }
            """.Replace("{{Digest}}", Digest),
            VerifyCS.Diagnostic(Descriptors.KMA004_AspireInvalidImage).WithLocation(0).WithArguments("mirror.example.com//nginx:1.27", "AddContainer and WithImageRegistry", Problem("mirror.example.com//nginx:1.27")),
            VerifyCS.Diagnostic(Descriptors.KMA004_AspireInvalidImage).WithLocation(1).WithArguments("nginx@sha256:sha256:" + Digest, "AddContainer and WithImageSHA256", Problem("nginx@sha256:sha256:" + Digest)),
            VerifyCS.Diagnostic(Descriptors.KMA004_AspireInvalidImage).WithLocation(2).WithArguments("nginx:-rc1", "AddContainer and WithImageTag", Problem("nginx:-rc1")));

    [Fact]
    public Task UppercaseRepository_IsFixed_WithFixAll() =>
        new VerifyFix.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddContainer("a", {|KMA004:"Acme/Api:1.0"|});
                    builder.AddContainer("b", {|KMA004:"ghcr.io/Acme/Web"|}).WithImageTag("2.0");
                }
                """),
            FixedCode = Wrap("""
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddContainer("a", "acme/api:1.0");
                    builder.AddContainer("b", "ghcr.io/acme/web").WithImageTag("2.0");
                }
                """),
        }.RunAsync();

    [Fact]
    public Task AllowedRegistries_AreCheckedOnTheComposedImage() =>
        Run("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("a", "ghcr.io/acme/api", "1.0");
                builder.AddContainer("b", {|#0:"quay.io/evil/miner"|}, "1.0");
                builder.AddContainer("c", "acme/api", "1.0").WithImageRegistry("ghcr.io");
                builder.AddContainer("d", "ghcr.io/acme/api", "1.0").WithImageRegistry({|#1:"mirror.example.com"|});
            }
            """,
            "k8s_manifests.allowed_registries = ghcr.io/acme, ghcr.io\n",
            new[]
            {
                VerifyCS.Diagnostic(Descriptors.KMA008_AspireRegistryNotAllowed).WithLocation(0).WithArguments("quay.io/evil/miner:1.0", "AddContainer", "ghcr.io/acme, ghcr.io"),
                VerifyCS.Diagnostic(Descriptors.KMA008_AspireRegistryNotAllowed).WithLocation(1).WithArguments("mirror.example.com/ghcr.io/acme/api:1.0", "AddContainer and WithImageRegistry", "ghcr.io/acme, ghcr.io"),
            });

    [Fact]
    public Task MovedRegistry_IsReported() =>
        Verify("""
            static void Build(IDistributedApplicationBuilder builder) =>
                builder.AddContainer("a", "pause", "3.9").WithImageRegistry({|#0:"k8s.gcr.io"|});
            """,
            VerifyCS.Diagnostic(Descriptors.KMA010_AspireMovedRegistry).WithLocation(0).WithArguments("k8s.gcr.io/pause:3.9", "AddContainer and WithImageRegistry", "k8s.gcr.io", System.Linq.Enumerable.First(K8sManifestAnalyzers.Model.RegistryMoves.All, m => m.From == "k8s.gcr.io").What, "registry.k8s.io"));

    [Fact]
    public Task DigestRequired_WhenTurnedOn() =>
        Run("""
            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddContainer("a", "nginx", {|#0:"1.27"|});
                builder.AddContainer("b", "nginx").WithImageSHA256("{{Digest}}");
            }
            """.Replace("{{Digest}}", Digest),
            "dotnet_diagnostic.KMA011.severity = warning\n",
            new[] { VerifyCS.Diagnostic(Descriptors.KMA011_AspireDigestRequired).WithLocation(0).WithArguments("nginx:1.27", "AddContainer") },
            optIn: true);

    [Fact]
    public async Task PullPolicy_MissingWithMutableImage_IsKMA003_NeverIsKMA007()
    {
        var test = new VerifyPolicy.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddContainer("a", "nginx").WithImagePullPolicy({|#0:ImagePullPolicy.Missing|});
                    builder.AddContainer("b", "nginx", "1.27").WithImagePullPolicy(ImagePullPolicy.Missing);
                    builder.AddContainer("c", "nginx", "1.27").WithImagePullPolicy({|#1:ImagePullPolicy.Never|});
                    builder.AddContainer("d", "nginx").WithImagePullPolicy(ImagePullPolicy.Always);
                }
                """),
        };
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireMissingWithMutableImage).WithLocation(0).WithArguments("nginx:latest", "AddContainer", "tag 'latest'"));
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(Descriptors.KMA007_AspireNeverPullPolicy).WithLocation(1).WithArguments("nginx:1.27"));
        await test.RunAsync();
    }

    [Fact]
    public Task WithoutAspire_NothingIsRegistered() =>
        new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.KubernetesClient21,
            TestCode = """
                static class AppHost
                {
                    static object AddContainer(this object builder, string name, string image) => builder;

                    static void Build(object builder) => builder.AddContainer("seq", "datalust/seq");
                }
                """,
        }.RunAsync();

    [Fact]
    public Task HalfTypedCode_DoesNotThrow() =>
        new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddContainer("a", "nginx").WithImageTag(42);
                    builder.AddContainer("b", "nginx:1.0").WithImageTg("1.0");
                    var c = builder.AddContainer("c", "nginx", "1.0");
                    c.WithImageTag();
                    builder.AddContainer("d", );
                }
                """),
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();

    private static string Problem(string image) => K8sManifestAnalyzers.Model.ImageFacts.Of(image).Problem;
}
