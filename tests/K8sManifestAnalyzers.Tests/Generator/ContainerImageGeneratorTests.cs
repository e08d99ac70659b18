using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyGenerator = K8sManifestAnalyzers.Tests.Verifiers.CSharpGeneratorVerifier<K8sManifestAnalyzers.Generator.ContainerImageGenerator>;

namespace K8sManifestAnalyzers.Tests.Generator;

/// <summary>
/// The generator's output. Tests of which files are generated and with what text run on the family's generator
/// verifier (<see cref="CSharpGeneratorVerifier{TGenerator}"/>), which compares every generated file with its baseline
/// and the compilation's warnings with the expected ones. The others stay on <see cref="GeneratorHarness"/>, each saying
/// why: they run the generated code, look at the output compilation's symbols, or build two projects.
/// </summary>
public sealed class ContainerImageGeneratorTests
{
    // What every project gets, with or without images: the attribute and the EmbeddedAttribute definition.
    private static readonly string[] AttributeOnly = { "Microsoft.CodeAnalysis.EmbeddedAttribute", "K8sManifests.ContainerImageAttribute" };

    // What a project with a builder gets besides the builders: ImageReference and the grammar it checks with.
    private static readonly string[] BuilderSupport = AttributeOnly.Concat(new[] { "K8sManifests.ImageReference", "K8sManifests.ReferenceComponents" }).ToArray();

    // And with KubernetesClient, ImageReference's members that build containers.
    private static readonly string[] BuilderSupportWithKubernetes = BuilderSupport.Append("K8sManifests.ImageReference.Kubernetes").ToArray();

    private const string Contract = """
        using System.Collections.Generic;
        using k8s.Models;
        using K8sManifests;

        namespace Shop.Manifests
        {
            [ContainerImage("registry.example.com/shop/api", PullSecret = "shop-registry")]
            public static partial class ApiImage;

            public static class Uses
            {
                public static object[] Run()
                {
                    ImageReference v = ApiImage.Tag("3.2.0");
                    string s = ApiImage.Tag("3.2.0");
                    ImageReference p = ApiImage.Digest("sha256:" + new string('a', 64));
                    V1Container c = ApiImage.Tag("3.2.0").ToContainer("api");
                    V1Container l = ApiImage.Tag("lat" + "est").ToContainer("api");
                    var podSpec = new V1PodSpec();
                    ApiImage.Tag("3.2.0").AddTo(podSpec, "api");
                    ApiImage.Tag("3.3.0").AddTo(podSpec, "worker");
                    return new object[]
                    {
                        v.ToString(), s, p.ToString(), c.Name, c.Image, c.ImagePullPolicy, l.ImagePullPolicy,
                        podSpec.Containers.Count, podSpec.ImagePullSecrets.Count, podSpec.ImagePullSecrets[0].Name,
                        v.Domain, v.Path, v.Tag ?? "", p.Digest ?? "", v.Familiar, v.FullyQualified, v.DefaultPullPolicy, p.DefaultPullPolicy, v.PullSecret ?? "",
                    };
                }

                public static string Docker() => Nginx.Tag("1.27").Familiar + " " + Nginx.Tag("1.27") + " " + Nginx.Tag("1.27").FullyQualified;

                public static string Invalid(string tag) => ApiImage.Tag(tag).ToString();

                public static string InvalidDigest(string digest) => ApiImage.Digest(digest).ToString();
            }

            [ContainerImage("nginx")]
            internal static partial class Nginx { }
        }
        """;

    // On GeneratorHarness: it runs the generated code.
    [Fact]
    public void Contract_CompilesWithoutDiagnostics_AndBehavesAsDocumented()
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(Contract, GeneratorHarness.Net80(withKubernetes: true)));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var uses = Load(output).GetType("Shop.Manifests.Uses")!;
        var values = (object[])uses.GetMethod("Run")!.Invoke(null, null)!;
        Assert.Equal(
            new object[]
            {
                "registry.example.com/shop/api:3.2.0", "registry.example.com/shop/api:3.2.0",
                "registry.example.com/shop/api@sha256:" + new string('a', 64),
                "api", "registry.example.com/shop/api:3.2.0", "IfNotPresent", "Always",
                2, 1, "shop-registry",
                "registry.example.com", "shop/api", "3.2.0", "sha256:" + new string('a', 64),
                "registry.example.com/shop/api:3.2.0", "registry.example.com/shop/api:3.2.0", "IfNotPresent", "IfNotPresent", "shop-registry",
            },
            values);
        // The image is written as declared, so moving "nginx:1.27" to a builder changes no pod template.
        Assert.Equal("nginx:1.27 nginx:1.27 docker.io/library/nginx:1.27", uses.GetMethod("Docker")!.Invoke(null, null));
    }

    // Issue: builders wrote docker.io/library/busybox:1.36 for "busybox", which restarts every pod on the next apply;
    // init and ephemeral containers had no way to bring the declared pull secret.
    // On GeneratorHarness: it runs the generated code.
    [Fact]
    public void Containers_InitAndEphemeral_KeepTheDeclaredImage_AndBringThePullSecret()
    {
        const string source = """
            using k8s.Models;

            [K8sManifests.ContainerImage("busybox", PullSecret = "hub-mirror")]
            internal static partial class Busybox { }

            [K8sManifests.ContainerImage("docker.io/library/busybox")]
            internal static partial class QualifiedBusybox { }

            [K8sManifests.ContainerImage("docker.io/library/busybox", PullSecret = "hub-mirror")]
            internal static partial class QualifiedMirroredBusybox { }

            public static class Probe
            {
                public static object[] Run()
                {
                    var spec = new V1PodSpec();
                    var init = Busybox.Tag("1.36").AddInitContainerTo(spec, "wait-db");
                    var debug = Busybox.Tag("1.36").AddEphemeralContainerTo(spec, "debug", "Always");
                    var main = Busybox.Tag("1.36").AddTo(spec, "main");
                    var placed = new V1PodSpec { InitContainers = new[] { Busybox.Tag("1.36").ToContainer("by-hand") } };
                    Busybox.Tag("1.36").AddPullSecretTo(placed);
                    Busybox.Tag("1.36").AddPullSecretTo(placed);
                    return new object[]
                    {
                        init.Image, init.ImagePullPolicy, debug.Image, debug.ImagePullPolicy, main.Image,
                        spec.InitContainers.Count, spec.EphemeralContainers.Count, spec.Containers.Count, spec.ImagePullSecrets.Count, spec.ImagePullSecrets[0].Name,
                        placed.ImagePullSecrets.Count, placed.InitContainers.Count,
                        Busybox.Tag("1.36") == QualifiedBusybox.Tag("1.36").WithTag("1.36"), QualifiedBusybox.Tag("1.36").ToString(),
                        Busybox.Tag("1.36").GetHashCode() == QualifiedBusybox.Tag("1.36").GetHashCode(),
                        Busybox.Tag("1.36") == QualifiedMirroredBusybox.Tag("1.36"),
                    };
                }
            }
            """;
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(source, GeneratorHarness.Net80(withKubernetes: true)));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(
            new object[]
            {
                "busybox:1.36", "IfNotPresent", "busybox:1.36", "Always", "busybox:1.36",
                1, 1, 1, 1, "hub-mirror",
                1, 1,
                false, "docker.io/library/busybox:1.36",
                true,
                true,
            },
            (object[])Load(output).GetType("Probe")!.GetMethod("Run")!.Invoke(null, null)!);
    }

    // On GeneratorHarness: it runs the generated code.
    [Theory]
    [InlineData("bad tag", "is not a valid image tag")]
    [InlineData(".hidden", "is not a valid image tag")]
    [InlineData("", "is not a valid image tag")]
    public void NonConstantInvalidTag_ThrowsArgumentException(string tag, string message)
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(Contract, GeneratorHarness.Net80(withKubernetes: true)));
        var invalid = Load(output).GetType("Shop.Manifests.Uses")!.GetMethod("Invalid")!;
        var exception = Assert.IsType<ArgumentException>(Assert.Throws<TargetInvocationException>(() => invalid.Invoke(null, new object[] { tag })).InnerException);
        Assert.Contains(message, exception.Message);
        Assert.Equal("tag", exception.ParamName);
    }

    // On GeneratorHarness: it runs the generated code.
    [Theory]
    [InlineData("sha256:abc", "invalid checksum digest length")]
    [InlineData("md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm")]
    [InlineData("sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", "invalid digest format")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "invalid digest format")]
    public void NonConstantInvalidDigest_ThrowsArgumentException(string digest, string reason)
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(Contract, GeneratorHarness.Net80(withKubernetes: true)));
        var invalid = Load(output).GetType("Shop.Manifests.Uses")!.GetMethod("InvalidDigest")!;
        var exception = Assert.IsType<ArgumentException>(Assert.Throws<TargetInvocationException>(() => invalid.Invoke(null, new object[] { digest })).InnerException);
        Assert.Contains(reason, exception.Message);
        Assert.Equal("digest", exception.ParamName);
    }

    public static TheoryData<LanguageVersion> LanguageVersions() => new()
    {
        LanguageVersion.CSharp8, LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest,
    };

    // ImageReference's Kubernetes members are generated with KubernetesClient only: its baseline is expected for
    // net8.0 with KubernetesClient and not for netstandard2.0.
    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public async Task GeneratedCode_CompilesClean_AtEveryLanguageVersion_ForNet80AndNetStandard20(LanguageVersion version)
    {
        const string source = """
            namespace Shop
            {
                [K8sManifests.ContainerImage("registry.example.com:5000/shop/api", PullSecret = "shop-registry")]
                internal static partial class ApiImage { }

                internal static partial class Outer
                {
                    [K8sManifests.ContainerImage("ghcr.io/acme/tool")]
                    internal partial class ToolImage { }
                }

                internal static class Use
                {
                    internal static string Run() => ApiImage.Tag("1.0").ToString() + Outer.ToolImage.Digest("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                }
            }
            """;
        foreach (var (references, support) in new[] { (KubernetesReferences.KubernetesClient21, BuilderSupportWithKubernetes), (ReferenceAssemblies.NetStandard.NetStandard20, BuilderSupport) })
        {
            var test = new VerifyGenerator.Test { TestCode = source, ReferenceAssemblies = references, LanguageVersion = version };
            test.ExpectBaselines(support.Concat(new[] { "Shop.ApiImage.ContainerImage.e973072d", "Shop.Outer.ToolImage.ContainerImage.48e24946" }).ToArray());
            await test.RunAsync();
        }
    }

    // Each generated file is compared with its baseline (K8S_UPDATE_BASELINES=1 rewrites them), and the set of files
    // with the baselines' names, hashes included; the code with them compiles without a warning, also with its
    // documentation checked (CS1591, CS1574, as in a project that generates its documentation file): the public types
    // declared here are documented, so the public builders generated for them must be too.
    [Fact]
    public async Task GeneratedSources_MatchTheBaselines()
    {
        const string source = """
            using K8sManifests;

            namespace Shop.Manifests
            {
                /// <summary>The shop's images.</summary>
                public static partial class Images
                {
                    /// <summary>The shop's API.</summary>
                    [ContainerImage("registry.example.com/shop/api", PullSecret = "shop-registry")]
                    public static partial class Api { }
                }
            }

            [ContainerImage("nginx")]
            internal partial class Nginx { }
            """;
        var test = new VerifyGenerator.Test { TestCode = source, DocumentationMode = DocumentationMode.Diagnose };
        test.ExpectBaselines(
            "K8sManifests.ContainerImageAttribute", "K8sManifests.ImageReference.Kubernetes", "K8sManifests.ImageReference",
            "K8sManifests.ReferenceComponents", "Microsoft.CodeAnalysis.EmbeddedAttribute", "Nginx.ContainerImage.d8adabd6", "Shop.Manifests.Images.Api.ContainerImage.fa5a9f48");
        await test.RunAsync();
    }

    public static TheoryData<LanguageVersion> AttributeLanguageVersions()
    {
        var data = new TheoryData<LanguageVersion>();
        foreach (var version in Enum.GetValues<LanguageVersion>().Where(v => v is >= LanguageVersion.CSharp2 and <= LanguageVersion.Latest && v != LanguageVersion.LatestMajor))
        {
            data.Add(version);
        }

        return data;
    }

    // The attribute and the EmbeddedAttribute definition go into every project: C# 2 is their floor (Roslyn's own
    // definition is partial and uses `global::`, and must stay so to merge with other generators' copies).
    [Theory]
    [MemberData(nameof(AttributeLanguageVersions))]
    public async Task Attribute_CompilesClean_AtEveryLanguageVersionFromCSharp2(LanguageVersion version)
    {
        var test = new VerifyGenerator.Test
        {
            TestCode = "[K8sManifests.ContainerImage(\"nginx\")] class C { }",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
            LanguageVersion = version,
        };
        test.ExpectBaselines(AttributeOnly);
        await test.RunAsync();
    }

    // On GeneratorHarness: it looks at the output compilation's symbols.
    [Fact]
    public void EveryGeneratedSupportType_IsMarkedEmbedded()
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compilation("[K8sManifests.ContainerImage(\"nginx\")] static partial class C { }", GeneratorHarness.Net80(withKubernetes: true)));
        var generatedTrees = result.GeneratedTrees.ToHashSet();
        var types = output.GlobalNamespace.GetNamespaceMembers().Where(n => n.Name is "K8sManifests" or "Microsoft")
            .SelectMany(AllTypes)
            .Where(t => t.DeclaringSyntaxReferences.Any(r => generatedTrees.Contains(r.SyntaxTree)) && t.ContainingType is null)
            .ToArray();
        Assert.Equal(
            new[] { "K8sManifests.ContainerImageAttribute", "K8sManifests.ImageReference", "K8sManifests.Internal.ReferenceComponents", "Microsoft.CodeAnalysis.EmbeddedAttribute" },
            types.Select(t => t.ToDisplayString()).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.All(
            types.Where(t => t.Name != "EmbeddedAttribute"),
            t => Assert.Contains(t.GetAttributes(), a => a.AttributeClass?.ToDisplayString() == "Microsoft.CodeAnalysis.EmbeddedAttribute"));

        static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol @namespace) =>
            @namespace.GetTypeMembers().Concat(@namespace.GetNamespaceMembers().SelectMany(AllTypes));
    }

    // A test project that sees the main project's internals and declares its own image: each uses its own generated
    // types, where both copies used to be visible (CS0436, an error under warnings-as-errors).
    // On GeneratorHarness: it builds two projects, the first emitted with its generated code and referenced by the second.
    [Fact]
    public void ProjectSeeingAnotherProjectsInternals_UsesItsOwnGeneratedTypes()
    {
        const string main = """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Consumer")]
            namespace Main { [K8sManifests.ContainerImage("ghcr.io/acme/api")] internal static partial class ApiImage { } }
            """;
        var (mainOutput, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(main, GeneratorHarness.Net80(withKubernetes: true)).WithAssemblyName("Main"));
        using var image = new MemoryStream();
        var emitted = mainOutput.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        const string tests = """
            namespace Tests
            {
                [K8sManifests.ContainerImage("ghcr.io/acme/tool")]
                internal static partial class ToolImage { }

                internal static class Use
                {
                    internal static string Run() => ToolImage.Tag("1.0").ToContainer("tool").Image + Main.ApiImage.Repository;
                }
            }
            """;
        var references = GeneratorHarness.Net80(withKubernetes: true).Add(MetadataReference.CreateFromImage(image.ToArray()));
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(tests, references));
        Assert.Empty(result.Diagnostics);

        // These tests compile with Roslyn 4.8, which hides the marked types but not a user-defined EmbeddedAttribute
        // itself; Roslyn 4.14 and later (the .NET 10 SDK) hide that too, which the end-to-end test builds.
        Assert.All(
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning),
            d => Assert.True(d.Id == "CS0436" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("The type 'EmbeddedAttribute'", StringComparison.Ordinal), d.ToString()));
    }

    // The verifier compares the emitted file with its baseline, and the baseline is the analyzer's own file.
    [Fact]
    public async Task EmittedGrammar_IsTheAnalyzersOwnFile()
    {
        var test = new VerifyGenerator.Test
        {
            TestCode = "[K8sManifests.ContainerImage(\"nginx\")] static partial class C { }",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
            LanguageVersion = LanguageVersion.Latest,
        };
        test.ExpectBaselines(BuilderSupport.Append("C.ContainerImage.16c2fa63").ToArray());
        await test.RunAsync();

        string emitted = VerifyGenerator.Baseline("K8sManifests.ReferenceComponents");
        string analyzerFile = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "K8sManifestAnalyzers", "Model", "ReferenceComponents.cs"));
        Assert.Equal(
            "// <auto-generated/>\n" + analyzerFile.Replace("namespace K8sManifestAnalyzers.Model", "namespace K8sManifests.Internal", StringComparison.Ordinal)
                .Replace("    internal static class ReferenceComponents", "    [global::Microsoft.CodeAnalysis.EmbeddedAttribute]\n    internal static class ReferenceComponents", StringComparison.Ordinal),
            emitted);
    }

    [Theory]
    [InlineData("\"registry.example.com/shop/api\\\"; class Injected { } //\"")]
    [InlineData("@\"registry.example.com/shop/\\api\"")]
    [InlineData("\"registry.example.com/shop/api\\n#error injected\"")]
    [InlineData("\"registry.example.com/shöp/api\"")]
    [InlineData("\"registry.example.com/shop/api:1.0\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task HostileRepository_GeneratesNoBuilder_AndNothingBroken(string repository)
    {
        string source = $$"""
            [K8sManifests.ContainerImage({{repository}})]
            internal static partial class Evil { }
            """;
        await VerifyGenerator.VerifyGeneratorAsync(source, AttributeOnly);
    }

    [Theory]
    [InlineData("\"shop\\\"registry\"")]
    [InlineData("\"Shop-Registry\"")]
    [InlineData("\"shop registry\\n\"")]
    public async Task HostilePullSecret_GeneratesNoBuilder(string secret)
    {
        string source = $$"""
            [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = {{secret}})]
            internal static partial class Evil { }
            """;
        await VerifyGenerator.VerifyGeneratorAsync(source, AttributeOnly);
    }

    [Fact]
    public async Task UnicodeAndEscapesInTheNamespaceOfAValidImage_AreEmittedCorrectly()
    {
        const string source = """
            namespace Bücher.Ünits
            {
                [K8sManifests.ContainerImage("registry.example.com/b-cher/api_v2.x")]
                internal static partial class Api { }

                // Two types may declare the same image.
                [K8sManifests.ContainerImage("registry.example.com/b-cher/api_v2.x")]
                internal static partial class SameApi { }

                internal static class Use { internal static string Run() => Api.Tag("1") + SameApi.Tag("1"); }
            }
            """;
        await Verify(source, "B_cher._nits.Api.ContainerImage.501a8e14", "B_cher._nits.SameApi.ContainerImage.9208643e");
    }

    [Fact]
    public async Task AttributeTwice_TheCompilerReportsIt_AndOneBuilderIsGenerated()
    {
        const string source = """
            [K8sManifests.ContainerImage("registry.example.com/shop/api")]
            [{|CS0579:K8sManifests.ContainerImage|}("registry.example.com/shop/other")]
            internal static partial class Twice { }
            """;
        await Verify(source, "Twice.ContainerImage.1d6a7602");
    }

    [Fact]
    public async Task NamesThatDifferOnlyInCaseOrAreKeywords_AreGeneratedCorrectly()
    {
        const string source = """
            namespace Shop
            {
                [K8sManifests.ContainerImage("nginx")] internal static partial class Nginx { }
                [K8sManifests.ContainerImage("nginx")] internal static partial class NGINX { }
                [K8sManifests.ContainerImage("nginx")] internal static partial class @event { }
                [K8sManifests.ContainerImage("nginx")] internal static partial class _event { }

                internal static partial class @class
                {
                    [K8sManifests.ContainerImage("nginx")] internal static partial class @static { }
                }

                internal static class Use { internal static string Run() => Nginx.Tag("1") + NGINX.Tag("1") + @event.Tag("1") + _event.Tag("1") + @class.@static.Tag("1"); }
            }
            """;
        string[] builders =
        {
            "Shop.Nginx.ContainerImage.b7227bac", "Shop.NGINX.ContainerImage.f474b0ac", "Shop._event.ContainerImage.49a73f08",
            "Shop._event.ContainerImage.ac058267", "Shop._class._static.ContainerImage.28ac6ee4",
        };
        await Verify(source, builders);

        // The verifier found exactly these files; their names differ in more than case.
        var hintNames = BuilderSupport.Concat(builders).Select(n => n.ToUpperInvariant()).ToArray();
        Assert.Equal(hintNames.Length, hintNames.Distinct().Count());
    }

    [Fact]
    public async Task AttributeOnTwoPartsOfAPartialClass_GeneratesOnce_WithoutAGeneratorError()
    {
        const string source = """
            [K8sManifests.ContainerImage("registry.example.com/shop/api")]
            internal static partial class Split { }

            [{|CS0579:K8sManifests.ContainerImage|}("registry.example.com/shop/other")]
            internal static partial class Split { }

            internal static class Use { internal static string Run() => Split.Tag("1"); }
            """;
        await Verify(source, "Split.ContainerImage.bc9e8712");
        Assert.Contains("\"shop/api\"", VerifyGenerator.Baseline("Split.ContainerImage.bc9e8712"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("internal static class NotPartial { }", "NotPartial")]
    [InlineData("internal static class Outer { [K8sManifests.ContainerImage(\"nginx\")] internal static partial class Nested { } }", "Nested")]
    [InlineData("internal partial class Generic<T> { }", "Generic")]
    public async Task TypesThatCannotBeExtended_GetNoBuilder(string declaration, string name)
    {
        string source = declaration.Contains("ContainerImage", StringComparison.Ordinal) ? declaration : "[K8sManifests.ContainerImage(\"nginx\")]\n" + declaration;
        var test = new VerifyGenerator.Test { TestCode = source, ReferenceAssemblies = KubernetesReferences.WithoutKubernetes };
        test.ExpectBaselines(AttributeOnly);
        Assert.DoesNotContain(AttributeOnly, baseline => baseline.Contains(name, StringComparison.Ordinal));
        await test.RunAsync();
    }

    // The attribute's documentation names ImageReference, which is generated only beside a builder: as a cref it broke
    // a project that checks documentation (GenerateDocumentationFile, warnings as errors) and gets no builder (CS1574).
    [Theory]
    [InlineData("internal static class NotPartial { }")]
    [InlineData("internal sealed class NoImages { }")]
    public async Task ProjectWithoutABuilder_CompilesWhenDocumentationIsChecked(string declaration)
    {
        string source = declaration.Contains("NotPartial", StringComparison.Ordinal) ? "[K8sManifests.ContainerImage(\"nginx\")]\n" + declaration : declaration;
        var test = new VerifyGenerator.Test { TestCode = source, DocumentationMode = DocumentationMode.Diagnose };
        test.ExpectBaselines(AttributeOnly);
        await test.RunAsync();
    }

    [Fact]
    public async Task ProjectWithoutImages_GetsOnlyTheAttribute_WhichCompilesAtCSharp73()
    {
        var test = new VerifyGenerator.Test
        {
            TestCode = "class C { }",
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
        };
        test.ExpectBaselines(AttributeOnly);
        await test.RunAsync();
    }

    [Fact]
    public async Task CSharp73ProjectWithAnImage_GetsNoBuilder_AndStillCompiles()
    {
        const string source = """
            [K8sManifests.ContainerImage("nginx", PullSecret = "hub")]
            internal static partial class Nginx { }
            """;
        var test = new VerifyGenerator.Test
        {
            TestCode = source,
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
            LanguageVersion = LanguageVersion.CSharp7_3,
        };
        test.ExpectBaselines(AttributeOnly);
        await test.RunAsync();
    }

    [Fact]
    public async Task RecordClass_GetsBuilders()
    {
        const string source = """
            [K8sManifests.ContainerImage("ghcr.io/acme/tool")]
            internal partial record ToolImage;

            internal static class Use { internal static string Run() => ToolImage.Tag("2.0"); }
            """;
        await Verify(source, "ToolImage.ContainerImage.5d628dd9");
        Assert.Contains("partial record ToolImage", VerifyGenerator.Baseline("ToolImage.ContainerImage.5d628dd9"), StringComparison.Ordinal);
    }

    // On GeneratorHarness: it runs the generated code.
    [Fact]
    public void NullTagOrDigest_Throws_ArraysAreCopied_AndEqualityIsByValue()
    {
        const string source = """
            using k8s.Models;

            [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = "shop-registry")]
            internal static partial class Api { }

            public static class Probe
            {
                public static string NullTag() => Api.Tag(null!).ToString();
                public static string NullDigest() => Api.Digest(null!).ToString();
                public static string NullWithTag() => Api.Tag("1").WithTag(null!).ToString();

                public static object[] Run()
                {
                    var spec = new V1PodSpec { Containers = new[] { new V1Container { Name = "first", Image = "busybox:1.36", ImagePullPolicy = "IfNotPresent" } }, ImagePullSecrets = new[] { new V1LocalObjectReference { Name = "shop-registry" } } };
                    Api.Tag("1").AddTo(spec, "api", "Always");
                    return new object[] { spec.Containers.Count, spec.ImagePullSecrets.Count, spec.Containers[1].ImagePullPolicy, Api.Tag("1") == Api.Tag("1"), Api.Tag("1") != Api.Tag("2"), Api.Tag("1").WithDigest("sha384:" + new string('b', 96)).ToString() };
                }
            }
            """;
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(source, GeneratorHarness.Net80(withKubernetes: true)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var probe = Load(output).GetType("Probe")!;
        foreach (var (method, parameter) in new[] { ("NullTag", "tag"), ("NullDigest", "digest"), ("NullWithTag", "tag") })
        {
            var exception = Assert.IsType<ArgumentNullException>(Assert.Throws<TargetInvocationException>(() => probe.GetMethod(method)!.Invoke(null, null)).InnerException);
            Assert.Equal(parameter, exception.ParamName);
        }

        Assert.Equal(
            new object[] { 2, 1, "Always", true, true, "registry.example.com/shop/api:1@sha384:" + new string('b', 96) },
            (object[])probe.GetMethod("Run")!.Invoke(null, null)!);
    }

    // The generated files are the support files and these builders' baselines, with no generator diagnostic and no
    // warning but those marked; without KubernetesClient, at the newest language version.
    private static Task Verify(string source, params string[] builders)
    {
        var test = new VerifyGenerator.Test { TestCode = source, ReferenceAssemblies = KubernetesReferences.WithoutKubernetes, LanguageVersion = LanguageVersion.Latest };
        test.ExpectBaselines(BuilderSupport.Concat(builders).ToArray());
        return test.RunAsync();
    }

    private static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
