using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using K8sManifestAnalyzers.Generator;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Generator;

/// <summary>
/// The rules on code that uses the generated builders: policies passed to them (KMA002, KMA003, KMA007), the pull
/// secrets they bring (KMA103), and the declarations the generator cannot extend (KMA204, KMA207). Checked on the
/// compilation the generator produced, each finding with the source text it points at, by markup: the family's analyzer
/// verifier runs the generator first, and the generator verifier runs the analyzer where a test also states which
/// builders are generated. KMA009 on the entries of list options is here too.
/// </summary>
public sealed class BuilderRulesTests
{
    private const string Images = """
        using k8s.Models;

        [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = "shop-registry")]
        internal static partial class ApiImage { }

        [K8sManifests.ContainerImage("busybox")]
        internal static partial class Busybox { }

        [K8sManifests.ContainerImage("registry.example.com/shop/tools")]
        internal static partial class Tools { }
        """;

    // Issue: `ToContainer("x", "always")` built clean and threw at run time.
    [Fact]
    public async Task ConstantPolicyPassedToABuilder_IsChecked()
    {
        await Verify<PullPolicyAnalyzer>(Images + """

            static class Pods
            {
                const string Cached = "IfNotPresent";

                public static void Build(V1PodSpec spec, string policy)
                {
                    _ = Busybox.Tag("1.36").ToContainer("a", {|#0:"always"|});
                    _ = Busybox.Tag("1.36").AddInitContainerTo(spec, "b", {|#1:"Never"|});
                    _ = Busybox.Tag("latest").ToContainer("c", {|#2:Cached|});
                    _ = Busybox.Tag("1.36").WithTag("latest").AddEphemeralContainerTo(spec, "d", imagePullPolicy: {|#3:"Never"|});
                    _ = Busybox.Digest("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").ToContainer("e", "IfNotPresent");
                    _ = Busybox.Tag("1.36").ToContainer("f", "IfNotPresent");
                    _ = Busybox.Tag("latest").ToContainer("g");
                    _ = Busybox.Tag("latest").ToContainer("h", null);
                    _ = Busybox.Tag("latest").ToContainer("i", policy);
                    _ = Busybox.Tag(policy).ToContainer("j", "IfNotPresent");
                }
            }
            """,
            Finding<PullPolicyAnalyzer>(0, "KMA002", "'always' is not a valid imagePullPolicy: the API server rejects it with 'Unsupported value'; use exactly Always, IfNotPresent or Never (did you mean 'Always'?)"),
            Finding<PullPolicyAnalyzer>(1, "KMA007", "ImagePullPolicy 'Never' starts the pod only on nodes that already have the image; elsewhere it waits in ErrImageNeverPull"),
            Finding<PullPolicyAnalyzer>(2, "KMA003", "Image 'busybox:latest' is mutable (tag 'latest') but ImagePullPolicy is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest"),
            Finding<PullPolicyAnalyzer>(3, "KMA007", "ImagePullPolicy 'Never' starts the pod only on nodes that already have the image; elsewhere it waits in ErrImageNeverPull"),
            Finding<PullPolicyAnalyzer>(3, "KMA003", "Image 'busybox:latest' is mutable (tag 'latest') but ImagePullPolicy is 'Never': each node runs whatever copy was loaded onto it, never a newer push; use Always or pin a tag or digest"));
    }

    // A chain split over statements is checked like one chain; a local assigned again is not followed.
    [Fact]
    public async Task PolicyPassedToABuilderInASplitChain_IsChecked()
    {
        await Verify<PullPolicyAnalyzer>(Images + """

            static class Pods
            {
                public static void Build(V1PodSpec spec, bool pinned)
                {
                    var reference = Busybox.Tag("latest");
                    _ = reference.ToContainer("a", {|#0:"IfNotPresent"|});
                    var retagged = reference.WithTag("1.36");
                    _ = retagged.ToContainer("b", "IfNotPresent");
                    var changed = Busybox.Tag("latest");
                    if (pinned)
                    {
                        changed = Busybox.Tag("1.36");
                    }

                    _ = changed.ToContainer("c", "IfNotPresent");
                }
            }
            """,
            Finding<PullPolicyAnalyzer>(0, "KMA003", "Image 'busybox:latest' is mutable (tag 'latest') but ImagePullPolicy is 'IfNotPresent': nodes keep whatever they pulled first; use Always or pin a tag or digest"));
    }

    // Issue: a ToContainer result placed in InitContainers lost the declared pull secret, and KMA103 did not see it.
    // Each finding points at the image and, as its second location, at the pod spec that lacks the secret.
    [Fact]
    public async Task BuilderContainersPlacedByHand_NeedTheDeclaredPullSecret()
    {
        await Verify<PullSecretAnalyzer>(Images + """

            static class Pods
            {
                public static V1PodSpec ByHand() => {|#3:new|}()
                {
                    InitContainers = [{|#0:ApiImage.Tag("3.2.0")|}.ToContainer("migrate")],
                    Containers = [Busybox.Tag("1.36").ToContainer("main")],
                };

                public static V1PodSpec PrivateByHand() => {|#4:new|}() { Containers = [{|#1:Tools.Tag("1")|}.ToContainer("tools")] };

                public static V1PodSpec Listed() => new()
                {
                    InitContainers = [ApiImage.Tag("3.2.0").ToContainer("migrate")],
                    Containers = [],
                    ImagePullSecrets = [new() { Name = "shop-registry" }],
                };

                public static V1PodSpec ThroughTheBuilder()
                {
                    var spec = new V1PodSpec { Containers = [] };
                    ApiImage.Tag("3.2.0").AddInitContainerTo(spec, "migrate");
                    return spec;
                }

                public static V1PodSpec SecretAddedAfterwards()
                {
                    var spec = new V1PodSpec { InitContainers = [ApiImage.Tag("3.2.0").ToContainer("migrate")], Containers = [] };
                    ApiImage.Tag("3.2.0").AddPullSecretTo(spec);
                    return spec;
                }

                public static V1PodSpec PrivateAddedByTheBuilder()
                {
                    var spec = {|#5:new V1PodSpec|}();
                    {|#2:Tools.Tag("1")|}.AddTo(spec, "tools");
                    return spec;
                }
            }

            static class Secrets
            {
                public static V1Secret Shop(byte[] config) => new()
                {
                    Metadata = new() { Name = "shop-registry" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new System.Collections.Generic.Dictionary<string, byte[]> { [".dockerconfigjson"] = config },
                };
            }
            """,
            "k8s_manifests.private_registries = https://registry.example.com/shop/tools/",
            Finding<PullSecretAnalyzer>(0, "KMA103", "Image 'registry.example.com/shop/api:3.2.0' is declared with the pull secret 'shop-registry' but its pod spec lists no imagePullSecrets; place the container with AddTo or AddInitContainerTo, or call AddPullSecretTo").WithLocation(3),
            Finding<PullSecretAnalyzer>(1, "KMA103", "Image 'registry.example.com/shop/tools:1' comes from a private registry (registry.example.com/shop/tools) but its pod spec lists no imagePullSecrets").WithLocation(4),
            Finding<PullSecretAnalyzer>(2, "KMA103", "Image 'registry.example.com/shop/tools:1' comes from a private registry (registry.example.com/shop/tools) but its pod spec lists no imagePullSecrets").WithLocation(5));
    }

    // Issue: a file-local class and members named like generated ones surfaced only as CS0103 / CS0102.
    // The only builder is Overloads' (the support files and its baseline are the generated files), and the code with
    // it has no error nor warning.
    [Fact]
    public async Task DeclarationsTheGeneratorCannotExtend_AreReported_AndGetNoBuilder()
    {
        const string source = """
            [K8sManifests.ContainerImage("nginx")]
            file static partial class {|#0:Local|} { }

            [K8sManifests.ContainerImage("nginx")]
            internal static partial class WithRepository { public const string {|#1:Repository|} = "nginx"; }

            [K8sManifests.ContainerImage("nginx")]
            internal partial record WithTag(string {|#2:Tag|});

            [K8sManifests.ContainerImage("nginx")]
            internal static partial class WithDigestMethod { internal static string {|#3:Digest|}(string value) => value; }

            [K8sManifests.ContainerImage("nginx")]
            internal static partial class {|#4:Tag|} { }

            [K8sManifests.ContainerImage("nginx")]
            internal static partial class Overloads { internal static string Tag(int build) => build.ToString(); }
            """;
        var test = new CSharpGeneratorVerifier<ContainerImageGenerator>.Test
        {
            TestCode = source,
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
        };
        test.Analyzers.Add(new ContainerImageAnalyzer());
        test.ExpectBaselines(
            "Microsoft.CodeAnalysis.EmbeddedAttribute", "K8sManifests.ContainerImageAttribute", "K8sManifests.ImageReference", "K8sManifests.ReferenceComponents",
            "Overloads.ContainerImage.cca1711d");
        test.ExpectedDiagnostics.AddRange(new[]
        {
            Finding<ContainerImageAnalyzer>(0, "KMA204", "'Local' is file-local: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local"),
            Finding<ContainerImageAnalyzer>(1, "KMA207", "'Repository' is a name the generator gives a member of 'WithRepository' (the declared repository, a constant); rename it, so the builders can be generated"),
            Finding<ContainerImageAnalyzer>(2, "KMA207", "'Tag' is a name the generator gives a member of 'WithTag' (a builder method); rename it, so the builders can be generated"),
            Finding<ContainerImageAnalyzer>(3, "KMA207", "'Digest' is a name the generator gives a member of 'WithDigestMethod' (a builder method); rename it, so the builders can be generated"),
            Finding<ContainerImageAnalyzer>(4, "KMA207", "'Tag' is a name the generator gives a member of 'Tag' (a class cannot have a member of its own name); rename it, so the builders can be generated"),
        });
        await test.RunAsync();
    }

    [Theory]
    [InlineData("k8s_manifests.private_registries = *.example.com, https://ghcr.io/acme/, registry.example.com:5000", "k8s_manifests.private_registries", "*.example.com", "wildcards are not supported: list each registry host or path prefix, such as 'registry.example.com'")]
    [InlineData("k8s_manifests.allowed_registries = ghcr.io/acme:latest", "k8s_manifests.allowed_registries", "ghcr.io/acme:latest", "a prefix names a registry or repository, not a tag")]
    [InlineData("k8s_manifests.allowed_registries = registry.example.com:https", "k8s_manifests.allowed_registries", "registry.example.com:https", "only a registry host may have ':', followed by a port number")]
    [InlineData("k8s_manifests.external_pull_secrets = Shop_Registry, shop/registry", "k8s_manifests.external_pull_secrets", "Shop_Registry", "'Shop_Registry' is not a valid pull secret name (lowercase letters, digits, '-' and '.', at most 253)")]
    public async Task OptionEntriesThatCanNeverMatch_AreReportedOnce(string option, string key, string entry, string why)
    {
        string shape = key.EndsWith("_registries", System.StringComparison.Ordinal) ? "can never match as a registry prefix" : "can never match";
        await VerifyOptions("class A { } class B { }", new[] { option }, CSharpAnalyzerVerifier<ManifestOptionsAnalyzer>.Diagnostic("KMA009").WithMessage($"The {key} entry '{entry}' {shape}: {why}"));
    }

    [Fact]
    public async Task OptionEntriesThatCanMatch_AreNotReported()
    {
        await VerifyOptions(
            "class A { }",
            new[]
            {
                "k8s_manifests.private_registries = https://registry.example.com/, ghcr.io/acme/, registry.example.com:5000/team, localhost:5000",
                "k8s_manifests.allowed_registries = docker.io, index.docker.io/library, quay.io/prometheus",
                "k8s_manifests.external_pull_secrets = mirror-credentials, shop/shop-registry, a.b-c",
            });
    }

    // The family's analyzer verifier with the generator run first (the builders exist only in its output); the
    // compilation must have no error, and an option line goes into the .editorconfig.
    private static Task Verify<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() => Verify<TAnalyzer>(source, null, expected);

    private static Task Verify<TAnalyzer>(string source, string? option, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        test.SourceGenerators.Add(typeof(ContainerImageGenerator));
        if (option is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\n{option}\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // KMA009 on options alone, in a .globalconfig (every file and the project see them): the family's analyzer verifier
    // with the generator run first, without KubernetesClient, at the newest language version.
    private static Task VerifyOptions(string source, string[] options, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<ManifestOptionsAnalyzer>.Test
        {
            TestCode = source,
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest,
        };
        test.SourceGenerators.Add(typeof(ContainerImageGenerator));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", options) + "\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Finding<TAnalyzer>(int location, string id, string message)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        CSharpAnalyzerVerifier<TAnalyzer>.Diagnostic(id).WithLocation(location).WithMessage(message);

    /// <summary>Options as an .editorconfig would give them, the same for every file.</summary>
    internal sealed class ConfigOptions(params string[] lines) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(lines.Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim()));

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
