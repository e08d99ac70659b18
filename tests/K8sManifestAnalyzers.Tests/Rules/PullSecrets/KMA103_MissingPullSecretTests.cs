using System.Threading.Tasks;
using K8sManifestAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.AddPullSecretCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA103: private-registry images in pod specs without pull secrets.</summary>
public sealed class KMA103_MissingPullSecretTests
{
    private const string Secrets = """
        using k8s.Models;

        static class Secrets
        {
            public static V1Secret Shop() => new() { Metadata = new() { Name = "shop-registry" }, Type = "kubernetes.io/dockerconfigjson" };
            public static V1Secret Ci() => new() { Metadata = new() { Name = "ci-registry" }, Type = "kubernetes.io/dockerconfigjson" };

            public static V1PodSpec Uses() => new() { Containers = [], ImagePullSecrets = [new() { Name = "shop-registry" }, new() { Name = "ci-registry" }] };
        }
        """;

    private const string EditorConfig = "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.example.com, ghcr.io/acme\n";

    [Theory]
    [InlineData(0, "ci-registry")]
    [InlineData(1, "shop-registry")]
    public async Task PrivateImageWithoutPullSecret_GetsOneActionPerSecret(int index, string secret)
    {
        var test = new VerifyCS.Test
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CodeActionIndex = index,
            CodeActionEquivalenceKey = AddPullSecretCodeFix.KeyPrefix + secret,
        };
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec() => {|#1:new V1PodSpec|}
                {
                    Containers =
                    [
                        new() { Name = "api", Image = {|#0:"registry.example.com/shop/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" },
                        new() { Name = "proxy", Image = "envoyproxy/envoy:v1.31.0", ImagePullPolicy = "IfNotPresent" },
                    ],
                };
            }
            """);
        test.TestState.Sources.Add(Secrets);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/api:3.2.0", "registry.example.com", string.Empty));
        DisableOtherRules(test);
        test.FixedState.Sources.Add($$"""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec() => new V1PodSpec
                {
                    Containers =
                    [
                        new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" },
                        new() { Name = "proxy", Image = "envoyproxy/envoy:v1.31.0", ImagePullPolicy = "IfNotPresent" },
                    ],
                    ImagePullSecrets = [new() { Name = "{{secret}}" }],
                };
            }
            """);
        test.FixedState.Sources.Add(Secrets);
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAll_AddsTheSecretOncePerPodSpec()
    {
        var test = new VerifyCS.Test
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CodeActionEquivalenceKey = AddPullSecretCodeFix.KeyPrefix + "shop-registry",
            CodeActionIndex = 1,
            NumberOfIncrementalIterations = 2,
        };
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Api() => {|#2:new V1PodSpec|}
                {
                    InitContainers = [new() { Image = {|#0:"registry.example.com/shop/migrate:3.2.0"|}, ImagePullPolicy = "IfNotPresent" }],
                    Containers = [new() { Image = {|#1:"registry.example.com/shop/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" }],
                };

                // An explicitly empty list is replaced, not duplicated.
                public static V1PodSpec Worker() => {|#4:new V1PodSpec|} { Containers = [new() { Image = {|#3:"ghcr.io/acme/worker:1"|}, ImagePullPolicy = "IfNotPresent" }], ImagePullSecrets = [] };
            }
            """);
        test.TestState.Sources.Add(Secrets);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(2).WithArguments("registry.example.com/shop/migrate:3.2.0", "registry.example.com", string.Empty));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(1).WithLocation(2).WithArguments("registry.example.com/shop/api:3.2.0", "registry.example.com", string.Empty));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(3).WithLocation(4).WithArguments("ghcr.io/acme/worker:1", "ghcr.io/acme", string.Empty));
        DisableOtherRules(test);
        test.FixedState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Api() => new V1PodSpec
                {
                    InitContainers = [new() { Image = "registry.example.com/shop/migrate:3.2.0", ImagePullPolicy = "IfNotPresent" }],
                    Containers = [new() { Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }],
                    ImagePullSecrets = [new() { Name = "shop-registry" }],
                };

                // An explicitly empty list is replaced, not duplicated.
                public static V1PodSpec Worker() => new V1PodSpec { Containers = [new() { Image = "ghcr.io/acme/worker:1", ImagePullPolicy = "IfNotPresent" }], ImagePullSecrets = [new() { Name = "shop-registry" }] };
            }
            """);
        test.FixedState.Sources.Add(Secrets);
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        await test.RunAsync();
    }

    [Fact]
    public async Task OlderLanguageVersion_GetsAnArray()
    {
        var test = new VerifyCS.Test
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            LanguageVersion = LanguageVersion.CSharp9,
            CodeActionEquivalenceKey = AddPullSecretCodeFix.KeyPrefix + "shop-registry",
        };
        const string secrets = """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Shop() => new V1Secret { Metadata = new V1ObjectMeta { Name = "shop-registry" }, Type = "kubernetes.io/dockerconfigjson" };
                public static V1PodSpec Uses() => new V1PodSpec { ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference { Name = "shop-registry" } } };
            }
            """;
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec() => {|#1:new V1PodSpec|} { Containers = new[] { new V1Container { Image = {|#0:"ghcr.io/acme/api:1.0"|}, ImagePullPolicy = "IfNotPresent" } } };
            }
            """);
        test.TestState.Sources.Add(secrets);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("ghcr.io/acme/api:1.0", "ghcr.io/acme", string.Empty));
        DisableOtherRules(test);
        test.FixedState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec() => new V1PodSpec { Containers = new[] { new V1Container { Image = "ghcr.io/acme/api:1.0", ImagePullPolicy = "IfNotPresent" } }, ImagePullSecrets = new[] { new V1LocalObjectReference { Name = "shop-registry" } } };
            }
            """);
        test.FixedState.Sources.Add(secrets);
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        await test.RunAsync();
    }

    [Fact]
    public Task ServiceAccountWithPullSecrets_CoversThePod() =>
        RunAnalyzer(
            """
            using k8s.Models;

            static class Manifests
            {
                public static V1ServiceAccount Builder() => new()
                {
                    Metadata = new() { Name = "builder", NamespaceProperty = "ci" },
                    ImagePullSecrets = [new() { Name = "ci-registry" }],
                };

                public static V1ServiceAccount Default() => new() { Metadata = new() { Name = "default", NamespaceProperty = "shop" } };

                public static V1Pod Covered() => new()
                {
                    Metadata = new() { Name = "build", NamespaceProperty = "ci" },
                    Spec = new() { ServiceAccountName = "builder", Containers = [new() { Image = "registry.example.com/ci/runner:7", ImagePullPolicy = "IfNotPresent" }] },
                };

                // The default service account of 'shop' has no pull secrets.
                public static V1Pod NotCovered() => new()
                {
                    Metadata = new() { Name = "api", NamespaceProperty = "shop" },
                    Spec = {|#2:new|}() { Containers = [new() { Image = {|#0:"registry.example.com/shop/api:3.2.0"|}, ImagePullPolicy = "IfNotPresent" }] },
                };

                // The service account is named but not defined here: it may carry pull secrets... or not; reported.
                public static V1PodSpec Undefined() => {|#3:new|}() { ServiceAccountName = "deployer", Containers = [new() { Image = {|#1:"ghcr.io/acme/tool:2"|}, ImagePullPolicy = "IfNotPresent" }] };

                // A computed account name may be any account: silent.
                public static V1PodSpec Computed(string account) => new() { ServiceAccountName = account, Containers = [new() { Image = "ghcr.io/acme/tool:2", ImagePullPolicy = "IfNotPresent" }] };

                // Pull secrets written later to the same local count.
                public static V1PodSpec Later()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "ghcr.io/acme/tool:2", ImagePullPolicy = "IfNotPresent" }] };
                    spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }

                // Public images and a computed pull-secret list: silent.
                public static V1PodSpec Public() => new() { Containers = [new() { Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec Dynamic(System.Collections.Generic.IList<V1LocalObjectReference> secrets) => new() { ImagePullSecrets = secrets, Containers = [new() { Image = "ghcr.io/acme/tool:2", ImagePullPolicy = "IfNotPresent" }] };
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(2).WithArguments("registry.example.com/shop/api:3.2.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(1).WithLocation(3).WithArguments("ghcr.io/acme/tool:2", "ghcr.io/acme", " and its service account 'deployer' has none in this compilation"));

    [Fact]
    public Task OptionUnset_NothingIsReported() =>
        RunAnalyzer(
            """
            using k8s.Models;

            static class Manifests
            {
                public static V1PodSpec Spec() => new() { Containers = [new() { Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }] };
            }
            """,
            null);

    // The image of a container in the spec is folded like every image: fields, constants, option defaults behind ??,
    // arms of ?: and switch, a local assigned once; each private one needs pull secrets.
    [Fact]
    public Task PrivateImageFromFieldsDefaultsAndArms_IsReported() =>
        RunAnalyzer(
            """
            using k8s.Models;

            static class Images
            {
                public const string Api = "registry.example.com/shop/api:3.2.0";
                public static readonly string Worker = "registry.example.com/shop/worker:1.0";
            }

            sealed class Options { public string Image { get; set; } = "ghcr.io/acme/tool:2.0"; }

            static class Manifests
            {
                public static V1PodSpec Const() => {|#4:new|}() { Containers = [new() { Image = {|#0:Images.Api|}, ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec Field() => {|#5:new|}() { Containers = [new() { Image = {|#1:Images.Worker|}, ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec Default(Options options, string? image) => {|#6:new|}() { Containers = [new() { Image = {|#2:image ?? options.Image|}, ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec Arm(bool canary) => {|#7:new|}() { Containers = [new() { Image = {|#3:canary ? "docker.io/library/nginx:1.27" : Images.Worker|}, ImagePullPolicy = "IfNotPresent" }] };

                public static V1PodSpec Local(string tag)
                {
                    var image = $"ghcr.io/acme/api:{tag}";
                    return {|#9:new|}() { Containers = [new() { Image = {|#8:image|}, ImagePullPolicy = "IfNotPresent" }] };
                }

                // Public images on every path, or pull secrets: silent.
                public static V1PodSpec Public(bool canary) => new() { Containers = [new() { Image = canary ? "nginx:1.27" : "redis:7", ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec WithSecrets() => new() { ImagePullSecrets = [new() { Name = "ci-registry" }], Containers = [new() { Image = Images.Worker, ImagePullPolicy = "IfNotPresent" }] };
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(4).WithArguments("registry.example.com/shop/api:3.2.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(1).WithLocation(5).WithArguments("registry.example.com/shop/worker:1.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(6).WithArguments("ghcr.io/acme/tool:2.0", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(3).WithLocation(7).WithArguments("registry.example.com/shop/worker:1.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(8).WithLocation(9).WithArguments("ghcr.io/acme/api:{tag}", "ghcr.io/acme", string.Empty));

    // The spec's containers are the image rules' containers: a private image overwritten by a public one before the
    // pod is built, a container that may be another spec's, or one handed to a call that is not followed, is not this
    // spec's private image. Silent.
    [Fact]
    public Task ContainersThatMayNotBeTheSpecs_AreNotReported() =>
        RunAnalyzer(
            """
            using System.Collections.Generic;
            using System.Linq;
            using k8s.Models;

            static class Manifests
            {
                public static V1PodSpec Overwritten()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" }] };
                    spec.Containers[0].Image = "nginx:1.27";
                    return spec;
                }

                public static V1PodSpec OtherList(V1PodSpec template)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    var c = template.Containers.FirstOrDefault(x => x.Name == "api");
                    if (c is null) spec.Containers.Add(c = new V1Container { Name = "api" });
                    c.Image = "ghcr.io/acme/api:2";
                    return spec;
                }

                public static V1PodSpec Handed(System.Action<V1Container> configure)
                {
                    var app = new V1Container { Name = "api" };
                    configure(app);
                    return new V1PodSpec { Containers = [app] };
                }

                public static V1PodSpec FromParameter(V1Container given)
                {
                    given.Image = "ghcr.io/acme/api:2";
                    return new V1PodSpec { Containers = [new() { Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" }] };
                }

                public static V1PodSpec Listed()
                {
                    var spec = new V1PodSpec { ImagePullSecrets = [new() { Name = "ci-registry" }], Containers = new List<V1Container>() };
                    spec.Containers.Add(new V1Container { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" });
                    return spec;
                }
            }
            """,
            EditorConfig);

    // Containers the body adds to the spec's lists after creating it, however it reaches them: a local holding the
    // list, Insert, AddRange, a later list assignment through the pod, an Add in a lambda or a loop.
    [Fact]
    public Task ContainersAddedLater_ThroughLocalsListsLambdasAndLoops_AreReported() =>
        RunAnalyzer(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1PodSpec Alias()
                {
                    var spec = {|#1:new V1PodSpec|} { Containers = new List<V1Container>() };
                    var list = spec.Containers;
                    list.Add(new V1Container { Image = {|#0:"ghcr.io/acme/api:2"|}, ImagePullPolicy = "IfNotPresent" });
                    return spec;
                }

                public static V1PodSpec InsertedAndRanges()
                {
                    var spec = {|#3:new V1PodSpec|} { Containers = new List<V1Container>(), InitContainers = new List<V1Container>() };
                    spec.Containers.Insert(0, new V1Container { Image = {|#2:"ghcr.io/acme/api:3"|}, ImagePullPolicy = "IfNotPresent" });
                    ((List<V1Container>)spec.InitContainers).AddRange(new[] { new V1Container { Image = {|#4:"ghcr.io/acme/init:1"|}, ImagePullPolicy = "IfNotPresent" } });
                    return spec;
                }

                public static V1Pod ThroughThePod(List<string> names)
                {
                    var pod = new V1Pod { Spec = {|#6:new|}() { Containers = new List<V1Container>() } };
                    pod.Spec.InitContainers = new List<V1Container> { new() { Image = {|#5:"ghcr.io/acme/init:2"|}, ImagePullPolicy = "IfNotPresent" } };
                    names.ForEach(n => pod.Spec.Containers.Add(new V1Container { Name = n, Image = {|#7:"registry.example.com/shop/worker:1"|}, ImagePullPolicy = "IfNotPresent" }));
                    foreach (var n in names)
                    {
                        pod.Spec.Containers.Add(new V1Container { Name = n, Image = {|#8:"registry.example.com/shop/job:1"|}, ImagePullPolicy = "IfNotPresent" });
                    }

                    return pod;
                }
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("ghcr.io/acme/api:2", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("ghcr.io/acme/api:3", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(3).WithArguments("ghcr.io/acme/init:1", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(5).WithLocation(6).WithArguments("ghcr.io/acme/init:2", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(7).WithLocation(6).WithArguments("registry.example.com/shop/worker:1", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(8).WithLocation(6).WithArguments("registry.example.com/shop/job:1", "registry.example.com", string.Empty));

    // Containers added to another spec's list, or through a local that may hold another list, are not this spec's:
    // silent.
    [Fact]
    public Task ContainersAddedToOtherLists_AreNotReported() =>
        RunAnalyzer(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1PodSpec Other(V1PodSpec other, bool flag)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    other.Containers.Add(new V1Container { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" });
                    var list = flag ? spec.Containers : other.Containers;
                    list.Add(new V1Container { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" });
                    other.InitContainers = new List<V1Container> { new() { Image = "ghcr.io/acme/init:2", ImagePullPolicy = "IfNotPresent" } };
                    return spec;
                }
            }
            """,
            EditorConfig);

    [Fact]
    public Task PrivateImageWithUnknownTag_IsCheckedOnItsKnownName() =>
        RunAnalyzer(
            """
            using k8s.Models;

            static class Manifests
            {
                const string Registry = "registry.example.com/shop";

                public static V1PodSpec Tagged(string tag) => {|#2:new|}() { Containers = [new() { Image = {|#0:$"ghcr.io/acme/api:{tag}"|}, ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec Formatted(string name, string tag) => {|#3:new|}() { Containers = [new() { Image = {|#1:string.Format("{0}/{1}:{2}", Registry, name, tag)|}, ImagePullPolicy = "IfNotPresent" }] };

                // With pull secrets: silent.
                public static V1PodSpec WithSecrets(string tag) => new() { ImagePullSecrets = [new() { Name = "ci-registry" }], Containers = [new() { Image = $"ghcr.io/acme/api:{tag}", ImagePullPolicy = "IfNotPresent" }] };

                // The registry, or the part of the path the prefix needs, is unknown: silent.
                public static V1PodSpec UnknownRegistry(string registry) => new() { Containers = [new() { Image = $"{registry}/api:1.0", ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec UnknownOwner(string path) => new() { Containers = [new() { Image = $"ghcr.io/{path}:1.0", ImagePullPolicy = "IfNotPresent" }] };
                public static V1PodSpec HostContinued(string suffix) => new() { Containers = [new() { Image = "ghcr.io" + suffix + "/acme/api:1.0", ImagePullPolicy = "IfNotPresent" }] };

                // Another registry: silent.
                public static V1PodSpec Public(string tag) => new() { Containers = [new() { Image = $"ghcr.io/acmecorp/api:{tag}", ImagePullPolicy = "IfNotPresent" }] };
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(2).WithArguments("ghcr.io/acme/api:{tag}", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(1).WithLocation(3).WithArguments("registry.example.com/shop/{name}:{tag}", "registry.example.com", string.Empty));

    [Fact]
    public async Task PrivateImageWithUnknownTag_GetsThePullSecretFix()
    {
        var test = new VerifyCS.Test
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = AddPullSecretCodeFix.KeyPrefix + "shop-registry",
        };
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec(string tag) => {|#1:new V1PodSpec|}
                {
                    Containers = [new() { Name = "api", Image = {|#0:$"registry.example.com/shop/api:{tag}"|}, ImagePullPolicy = "IfNotPresent" }],
                };
            }
            """);
        test.TestState.Sources.Add(Secrets);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/api:{tag}", "registry.example.com", string.Empty));
        DisableOtherRules(test);
        test.FixedState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec(string tag) => new V1PodSpec
                {
                    Containers = [new() { Name = "api", Image = $"registry.example.com/shop/api:{tag}", ImagePullPolicy = "IfNotPresent" }],
                    ImagePullSecrets = [new() { Name = "shop-registry" }],
                };
            }
            """);
        test.FixedState.Sources.Add(Secrets);
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        await test.RunAsync();
    }

    private static void DisableOtherRules(VerifyCS.Test test) =>
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104" });

    private static Task RunAnalyzer(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>.Test();
        test.TestState.Sources.Add(source);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        // Undefined (KMA101), unused (KMA102) or incomplete (KMA104) Secrets, and undefined service accounts (KMA118), are
        // not the subject here.
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104", "KMA118" });
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
