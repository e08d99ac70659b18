using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using VerifyPolicy = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;
using VerifyPolicyFix = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer, K8sManifestAnalyzers.CodeFixes.SetPullPolicyCodeFix>;

namespace K8sManifestAnalyzers.Tests.Aspire;

/// <summary>
/// Containers an app host's own helpers add and return the builder of (<c>builder.AddSeq("seq").WithImageTag("2024.3")</c>):
/// the image is what the helper builds with the call's arguments, then what the caller adds; a finding goes on the
/// caller's argument when the value comes from it, in the helper (once) when the helper writes it.
/// </summary>
public sealed class AspireHelperTests
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Task Verify(string body, params DiagnosticResult[] expected) => Verify(new[] { body }, expected);

    private static async Task Verify(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = KubernetesReferences.AspireHosting };
        test.TestState.Sources.Add(Wrap(sources[0]));
        for (int i = 1; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(sources[i]);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static string Wrap(string body) => $$"""
        using Aspire.Hosting;
        using Aspire.Hosting.ApplicationModel;

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
    public Task TagFromTheCaller_IsReportedAtTheCall_AndALaterTagOverridesIt() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddSeq(this IDistributedApplicationBuilder builder, string name, string tag = "latest") =>
                builder.AddContainer(name, "datalust/seq", tag);

            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddSeq("a").WithImageTag("2024.3");
                builder.AddSeq("b", "2024.3");
                {|#0:builder.AddSeq("c")|};
                builder.AddSeq("d", {|#1:"latest"|});
                builder.AddSeq(tag: {|#2:"latest"|}, name: "e");
                builder.AddSeq("f", "latest").WithImageTag("2024.3");
            }
            """,
            Mutable(0, "datalust/seq:latest", "AddContainer"),
            Mutable(1, "datalust/seq:latest", "AddContainer"),
            Mutable(2, "datalust/seq:latest", "AddContainer"));

    [Fact]
    public Task WhatTheHelperWrites_IsReportedInTheHelper_Once() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddCache(IDistributedApplicationBuilder builder) =>
                builder.AddContainer("cache", {|#0:"redis"|});

            static void Build(IDistributedApplicationBuilder builder)
            {
                var cache = AddCache(builder);
                cache.WithImageRegistry("mirror.example.com");
                AddCache(builder);
                AddCache(builder).WithEnvironment("A", "B");
            }
            """,
            DefaultTag(0, "redis", "AddContainer", "mirror.example.com/redis:latest"));

    [Fact]
    public Task CallersThatPinTheImage_AreSilent() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddCache(IDistributedApplicationBuilder builder) =>
                builder.AddContainer("cache", "redis").WithImageRegistry("mirror.example.com");

            static IResourceBuilder<ContainerResource> AddDb(this IDistributedApplicationBuilder builder) =>
                builder.AddContainer("db", "postgres@sha256:{{Digest}}");

            static void Build(IDistributedApplicationBuilder builder)
            {
                AddCache(builder).WithImageTag("7.2");
                var cache = AddCache(builder);
                cache.WithImageSHA256("{{Digest}}");
                builder.AddDb().WithImageRegistry("mirror.example.com");
                builder.AddDb().WithImageTag({|#0:"latest"|});
            }
            """.Replace("{{Digest}}", Digest),
            Mutable(0, "postgres:latest", "AddContainer and WithImageTag"));

    [Fact]
    public Task HelperInAnotherFileAndClass_BlockBodied_WithALocal() =>
        Verify(
            new[]
            {
                """
                static void Build(IDistributedApplicationBuilder builder)
                {
                    var infra = new Infra();
                    infra.AddWeb(builder);
                    infra.AddWeb(builder, tag: {|#0:"latest"|});
                    Infra.AddProxy(builder, "2.0");
                }
                """,
                """
                using Aspire.Hosting;
                using Aspire.Hosting.ApplicationModel;

                sealed class Infra
                {
                    public IResourceBuilder<ContainerResource> AddWeb(IDistributedApplicationBuilder builder, string name = "web", string tag = "1.27")
                    {
                        var web = builder.AddContainer(name, "nginx", tag);
                        web.WithImageRegistry("mirror.example.com");
                        return web;
                    }

                    public static IResourceBuilder<ContainerResource> AddProxy(IDistributedApplicationBuilder builder, string tag)
                    {
                        const string image = "envoyproxy/envoy";
                        return builder.AddContainer("proxy", image).WithImageTag(tag).WithImageRegistry({|#1:"k8s.gcr.io"|});
                    }
                }
                """,
            },
            Mutable(0, "mirror.example.com/nginx:latest", "AddContainer and WithImageRegistry"),
            VerifyCS.Diagnostic(Descriptors.KMA010_AspireMovedRegistry).WithLocation(1).WithArguments("k8s.gcr.io/envoyproxy/envoy:2.0", "AddContainer, WithImageTag and WithImageRegistry", "k8s.gcr.io", System.Linq.Enumerable.First(K8sManifestAnalyzers.Model.RegistryMoves.All, m => m.From == "k8s.gcr.io").What, "registry.k8s.io"));

    [Fact]
    public Task HelperThroughAHelper_ReportsWhereTheConstantIsWritten() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddSeqCore(this IDistributedApplicationBuilder builder, string tag) =>
                builder.AddContainer("seq", "datalust/seq", tag);

            static IResourceBuilder<ContainerResource> AddSeq(this IDistributedApplicationBuilder builder) =>
                builder.AddSeqCore({|#0:"latest"|}).WithEnvironment("ACCEPT_EULA", "Y");

            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddSeq();
                builder.AddSeq().WithImageTag("2024.3");
                builder.AddSeqCore("2024.3");
            }
            """,
            Mutable(0, "datalust/seq:latest", "AddContainer"));

    [Fact]
    public Task GenericHelpers_AreFollowed() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddTool<TBuilder>(this TBuilder builder, string name) where TBuilder : IDistributedApplicationBuilder =>
                builder.AddContainer(name, {|#0:"acme/tool"|});

            static IResourceBuilder<T> Pinned<T>(this IResourceBuilder<T> builder, string tag) where T : ContainerResource =>
                builder.WithImageTag(tag);

            static IResourceBuilder<ContainerResource> Pin(IResourceBuilder<ContainerResource> builder, string tag) => builder.WithImageTag(tag);

            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddTool("a");
                builder.AddTool("b").Pinned("1.0");
                builder.AddTool("c").Pinned({|#1:"latest"|});
                Pin(builder.AddContainer("d", "nginx"), {|#2:"latest"|});
            }
            """,
            DefaultTag(0, "acme/tool", "AddContainer", "acme/tool:latest"),
            Mutable(1, "acme/tool:latest", "AddContainer and WithImageTag"),
            Mutable(2, "nginx:latest", "AddContainer and WithImageTag"));

    [Fact]
    public Task RecursionBranchesAndEscapes_AreSilent() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddA(this IDistributedApplicationBuilder builder) => builder.AddB();

            static IResourceBuilder<ContainerResource> AddB(this IDistributedApplicationBuilder builder) => builder.AddA();

            static IResourceBuilder<ContainerResource> AddEither(this IDistributedApplicationBuilder builder, bool edge)
            {
                if (edge)
                {
                    return builder.AddContainer("x", "nginx:latest");
                }

                return builder.AddContainer("x", "nginx:1.27");
            }

            static IResourceBuilder<ContainerResource> AddKept(this IDistributedApplicationBuilder builder)
            {
                var kept = builder.AddContainer("kept", "nginx");
                Store = kept;
                return kept;
            }

            static IResourceBuilder<ContainerResource>? Store;

            static void Build(IDistributedApplicationBuilder builder, System.Action<IResourceBuilder<ContainerResource>> configure)
            {
                builder.AddA();
                builder.AddEither(true);
                builder.AddKept();
                configure(AddWeb(builder));
            }

            static IResourceBuilder<ContainerResource> AddWeb(IDistributedApplicationBuilder builder) => builder.AddContainer("web", "nginx");
            """);

    // The builder a helper returns through a local assigned again (or by reference) may be another container's: the
    // caller's tag is credited to neither, and both stay silent (a missed report, never a wrong pairing).
    [Fact]
    public Task ALocalAssignedAgain_IsNotTakenForTheBuilderReturned() =>
        Verify("""
            static IResourceBuilder<ContainerResource> AddWeb(this IDistributedApplicationBuilder builder)
            {
                var web = builder.AddContainer("old", "nginx");
                web = builder.AddContainer("web", "nginx:1.27");
                return web;
            }

            static IResourceBuilder<ContainerResource> AddProxy(this IDistributedApplicationBuilder builder)
            {
                var proxy = builder.AddContainer("proxy", "envoyproxy/envoy:v1.30");
                Replace(ref proxy, builder);
                return proxy;
            }

            static void Replace(ref IResourceBuilder<ContainerResource> proxy, IDistributedApplicationBuilder builder) => proxy = builder.AddContainer("other", "envoyproxy/envoy:v1.31");

            static void Build(IDistributedApplicationBuilder builder)
            {
                builder.AddWeb().WithImageTag("1.27");
                builder.AddProxy().WithImageTag("latest");
            }
            """);

    [Fact]
    public Task HalfTypedHelpers_DoNotThrow() =>
        new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static IResourceBuilder<ContainerResource> AddBad(this IDistributedApplicationBuilder builder) => builder.AddContainer("x", );

                static IResourceBuilder<ContainerResource> AddWorse(this IDistributedApplicationBuilder builder, string tag = ) =>
                    builder.AddContainer("y", "nginx", tag)

                static IResourceBuilder<ContainerResource> AddNothing(this IDistributedApplicationBuilder builder) { }

                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddBad().WithImageTag(;
                    builder.AddWorse(42);
                    builder.AddNothing().WithImageTag("latest");
                    builder.AddMissing("x");
                    AddBad().WithImageTag("1.0");
                }
                """),
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.RunAsync();

    [Fact]
    public async Task PolicyInTheHelper_IsJudgedWithTheCallersImage_Once()
    {
        var test = new VerifyPolicy.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static IResourceBuilder<ContainerResource> AddWeb(this IDistributedApplicationBuilder builder, string tag = "1.27") =>
                    builder.AddContainer("web", "nginx", tag).WithImagePullPolicy({|#0:ImagePullPolicy.Missing|});

                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddWeb();
                    builder.AddWeb("latest");
                    builder.AddWeb("edge").WithImageTag("1.28");
                    builder.AddWeb("latest").WithImagePullPolicy(ImagePullPolicy.Always);
                }
                """),
        };
        test.ExpectedDiagnostics.Add(VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireMissingWithMutableImage).WithLocation(0).WithArguments("nginx:latest", "AddContainer", "tag 'latest'"));
        await test.RunAsync();
    }

    [Fact]
    public Task MissingWithAMutableImage_IsFixedToAlways_WithFixAll_AndTheFixCompiles() =>
        new VerifyPolicyFix.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static IResourceBuilder<ContainerResource> AddWeb(this IDistributedApplicationBuilder builder, string tag) =>
                    builder.AddContainer("web", "nginx", tag).WithImagePullPolicy({|KMA003:ImagePullPolicy.Missing|});

                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddContainer("a", "nginx").WithImagePullPolicy({|KMA003:ImagePullPolicy.Missing|});
                    builder.AddContainer("b", "redis", "latest").WithImagePullPolicy({|KMA003:Aspire.Hosting.ApplicationModel.ImagePullPolicy.Missing|});
                    builder.AddContainer("c", "nginx", "1.27").WithImagePullPolicy(ImagePullPolicy.Missing);
                    builder.AddWeb("latest");
                    builder.AddWeb("1.27");
                }
                """),
            FixedCode = Wrap("""
                static IResourceBuilder<ContainerResource> AddWeb(this IDistributedApplicationBuilder builder, string tag) =>
                    builder.AddContainer("web", "nginx", tag).WithImagePullPolicy(ImagePullPolicy.Always);

                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddContainer("a", "nginx").WithImagePullPolicy(ImagePullPolicy.Always);
                    builder.AddContainer("b", "redis", "latest").WithImagePullPolicy(Aspire.Hosting.ApplicationModel.ImagePullPolicy.Always);
                    builder.AddContainer("c", "nginx", "1.27").WithImagePullPolicy(ImagePullPolicy.Missing);
                    builder.AddWeb("latest");
                    builder.AddWeb("1.27");
                }
                """),
        }.RunAsync();

    [Fact]
    public Task MissingFromAVariable_HasNoFix() =>
        new VerifyPolicyFix.Test
        {
            ReferenceAssemblies = KubernetesReferences.AspireHosting,
            TestCode = Wrap("""
                static void Build(IDistributedApplicationBuilder builder)
                {
                    const ImagePullPolicy policy = ImagePullPolicy.Missing;
                    builder.AddContainer("a", "nginx").WithImagePullPolicy({|KMA003:policy|});
                }
                """),
            FixedCode = Wrap("""
                static void Build(IDistributedApplicationBuilder builder)
                {
                    const ImagePullPolicy policy = ImagePullPolicy.Missing;
                    builder.AddContainer("a", "nginx").WithImagePullPolicy({|KMA003:policy|});
                }
                """),
        }.RunAsync();
}
