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

    private const string Parts = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using k8s.Models;

        static class Parts
        {
            public static void AddApp(V1PodSpec spec, string image) => spec.Containers.Add(new V1Container { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" });
            public static void AddWorker(V1PodSpec spec) => spec.Containers.Add(new V1Container { Name = "worker", Image = "ghcr.io/acme/worker:2", ImagePullPolicy = "IfNotPresent" });
            public static void SetContainers(V1PodSpec spec, string image) => spec.Containers = new List<V1Container> { new() { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" } };
            public static void WithApp(this V1PodSpec spec, string image)
            {
                if (spec is null) throw new ArgumentNullException(nameof(spec));
                spec.Containers ??= new List<V1Container>();
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                spec.RestartPolicy = "Always";
            }

            public static void AddToPod(V1Pod pod, string image) => pod.Spec.InitContainers = [new() { Image = image, ImagePullPolicy = "IfNotPresent" }];
            public static void AddToDeployment(V1Deployment deployment, string image) => AddApp(deployment.Spec.Template.Spec, image);
            public static void AddToList(IList<V1Container> containers, string image) => containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
            public static void AddSidecar(V1PodSpec spec)
            {
                var sidecar = new V1Container { Name = "log" };
                spec.Containers.Add(sidecar);
                sidecar.Image = "registry.example.com/shop/log:1";
            }

            // Pull secrets, a service account, or the spec handed on: each may supply what KMA103 looks for.
            public static void AddAppWithSecret(V1PodSpec spec, string image)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
            }

            public static void AddAppAddingSecret(V1PodSpec spec, string image)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "ci-registry" });
            }

            public static void AddAppOnBranches(V1PodSpec spec, string image, bool secured)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                if (secured) UseSecret(spec);
            }

            static void UseSecret(V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "ci-registry" }];

            public static void AddAppAsBuilder(V1PodSpec spec, string image)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                spec.ServiceAccountName = "builder";
            }

            public static void AddAppAndHook(V1PodSpec spec, string image, Action<V1PodSpec> hook)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                hook(spec);
            }

            public static V1PodSpec? Last;

            public static void AddAppAndKeep(V1PodSpec spec, string image)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                Last = spec;
            }

            public static void AddMany(V1PodSpec spec, string image, int count)
            {
                if (count == 0) return;
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                AddMany(spec, image, count - 1);
            }

            public static V1PodSpec AddAndReturn(V1PodSpec spec, string image)
            {
                spec.Containers.Add(new V1Container { Image = image, ImagePullPolicy = "IfNotPresent" });
                return spec;
            }
        }

        interface ISecrets { void Apply(V1PodSpec spec); }

        static class Builder
        {
            public static V1ServiceAccount Account() => new() { Metadata = new() { Name = "builder" }, ImagePullSecrets = [new() { Name = "ci-registry" }] };
        }

        """;

    // A container a helper of the compilation adds to the caller's pod spec (or to the pod, the Deployment or the
    // container list holding it), as a parameter (the call's argument gives the image) or written in the helper (the
    // finding goes on the call), through an extension method, a list assignment, a nested helper, a local in the helper.
    [Fact]
    public Task ContainersAddedByHelpers_AreReported() =>
        RunAnalyzer(
            Parts + """
            static class Manifests
            {
                public static V1PodSpec Passed()
                {
                    var spec = {|#1:new V1PodSpec|} { Containers = new List<V1Container>() };
                    Parts.AddApp(spec, {|#0:"registry.example.com/shop/app:1.0"|});
                    return spec;
                }

                public static V1PodSpec Inside()
                {
                    var spec = {|#3:new V1PodSpec|} { Containers = new List<V1Container>() };
                    {|#2:Parts.AddWorker(spec)|};
                    {|#4:Parts.AddSidecar(spec)|};
                    return spec;
                }

                public static V1PodSpec Assigned()
                {
                    var spec = {|#6:new V1PodSpec|}();
                    Parts.SetContainers(spec, {|#5:"ghcr.io/acme/api:3"|});
                    return spec;
                }

                public static V1PodSpec Extension()
                {
                    var spec = {|#8:new V1PodSpec|}();
                    spec.WithApp({|#7:"ghcr.io/acme/api:4"|});
                    return spec;
                }

                public static V1Pod ThroughThePod()
                {
                    var pod = new V1Pod { Spec = {|#10:new V1PodSpec|} { Containers = [] } };
                    Parts.AddToPod(pod, {|#9:"ghcr.io/acme/init:1"|});
                    return pod;
                }

                public static V1Deployment ThroughTheDeployment()
                {
                    var deployment = new V1Deployment { Spec = new() { Template = new() { Spec = {|#12:new V1PodSpec|} { Containers = new List<V1Container>() } } } };
                    Parts.AddToDeployment(deployment, {|#11:"ghcr.io/acme/api:5"|});
                    return deployment;
                }

                public static V1PodSpec ThroughTheList()
                {
                    var spec = {|#14:new V1PodSpec|} { Containers = new List<V1Container>() };
                    Parts.AddToList(spec.Containers, {|#13:"ghcr.io/acme/api:6"|});
                    return spec;
                }

                // The given back spec is not kept: the call is a statement.
                public static V1PodSpec Discarded()
                {
                    var spec = {|#16:new V1PodSpec|} { Containers = new List<V1Container>() };
                    Parts.AddAndReturn(spec, {|#15:"ghcr.io/acme/api:7"|});
                    return spec;
                }

                // A public image, or pull secrets listed by the caller before or after the call: silent.
                public static V1PodSpec Public()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddApp(spec, "nginx:1.27");
                    return spec;
                }

                public static V1PodSpec SecretBefore()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>(), ImagePullSecrets = [new() { Name = "ci-registry" }] };
                    Parts.AddApp(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }

                public static V1PodSpec SecretAfter()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddApp(spec, "registry.example.com/shop/app:1.0");
                    spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }

                public static V1Pod SecretAfterThroughThePod()
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = new List<V1Container>() } };
                    Parts.AddApp(pod.Spec, "registry.example.com/shop/app:1.0");
                    pod.Spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return pod;
                }
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/app:1.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("ghcr.io/acme/worker:2", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(3).WithArguments("registry.example.com/shop/log:1", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(5).WithLocation(6).WithArguments("ghcr.io/acme/api:3", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(7).WithLocation(8).WithArguments("ghcr.io/acme/api:4", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(9).WithLocation(10).WithArguments("ghcr.io/acme/init:1", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(11).WithLocation(12).WithArguments("ghcr.io/acme/api:5", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(13).WithLocation(14).WithArguments("ghcr.io/acme/api:6", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(15).WithLocation(16).WithArguments("ghcr.io/acme/api:7", "ghcr.io/acme", string.Empty));

    // A helper that lists pull secrets (assigned, added, on one branch, through another helper), names a service account,
    // hands the spec to a delegate or an interface, keeps it in a field, calls itself, or gives it back to a caller that
    // keeps it; a spec handed to a method that is not followed: silent.
    [Fact]
    public Task HelpersThatMaySupplyPullSecrets_AreNotReported() =>
        RunAnalyzer(
            Parts + """
            static class Manifests
            {
                public static V1PodSpec Assigned()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddAppWithSecret(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }

                public static V1PodSpec Added()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddAppAddingSecret(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }

                public static V1PodSpec Branches(bool secured)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddAppOnBranches(spec, "registry.example.com/shop/app:1.0", secured);
                    return spec;
                }

                public static V1PodSpec Account()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddAppAsBuilder(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }

                public static V1PodSpec Hook(Action<V1PodSpec> hook)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddAppAndHook(spec, "registry.example.com/shop/app:1.0", hook);
                    return spec;
                }

                public static V1PodSpec Kept()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddAppAndKeep(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }

                public static V1PodSpec Recursive()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddMany(spec, "registry.example.com/shop/app:1.0", 2);
                    return spec;
                }

                public static V1PodSpec GivenBack()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    var same = Parts.AddAndReturn(spec, "registry.example.com/shop/app:1.0");
                    same.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }

                public static V1PodSpec Escapes(ISecrets secrets)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddApp(spec, "registry.example.com/shop/app:1.0");
                    secrets.Apply(spec);
                    return spec;
                }

                public static V1PodSpec Stored(Dictionary<string, V1PodSpec> all)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Parts.AddApp(spec, "registry.example.com/shop/app:1.0");
                    all["api"] = spec;
                    all["api"].ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }

                public static V1PodSpec Finished(ISecrets secrets)
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } };
                    Harden(pod);
                    return pod.Spec;
                }

                public static V1PodSpec InTheArgument() => Harden(new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] });

                static V1PodSpec Harden(V1PodSpec spec) { spec.ImagePullSecrets = [new() { Name = "ci-registry" }]; return spec; }

                static void Harden(V1Pod pod) => Harden(pod.Spec);

                public static V1PodSpec SecretThroughAnAlias()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var pod = new V1Pod { Spec = spec };
                    pod.Spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }

                public static V1PodSpec AccountLater()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    spec.ServiceAccountName = "builder";
                    return spec;
                }
            }
            """,
            EditorConfig);

    private const string Builders = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using k8s.Models;

        static class Pods
        {
            public static V1PodSpec Configure(Action<V1PodSpec> configure)
            {
                var spec = new V1PodSpec { Containers = new List<V1Container>() };
                configure(spec);
                return spec;
            }

            public static void Apply(V1PodSpec spec, Action<V1PodSpec> configure) => configure(spec);

            public static V1PodSpec ConfigureUnknown(Action<V1PodSpec> configure, Action<V1PodSpec> more)
            {
                var spec = new V1PodSpec { Containers = new List<V1Container>() };
                configure(spec);
                more(spec);
                return spec;
            }
        }

        """;

    // A pod spec configured by a lambda: one a helper creates and hands its lambda parameter (`Configure(spec => …)`), the
    // caller's own spec handed with a lambda to a helper that invokes it, containers selected from a list by a lambda.
    [Fact]
    public Task ContainersAddedByLambdas_AreReported() =>
        RunAnalyzer(
            Builders + """
            static class Manifests
            {
                public static V1PodSpec Configured() => {|#1:Pods.Configure(spec =>
                {
                    spec.Containers.Add(new V1Container { Name = "app", Image = {|#0:"registry.example.com/shop/app:1.0"|}, ImagePullPolicy = "IfNotPresent" });
                })|};

                public static V1PodSpec Assigned() => {|#3:Pods.Configure(s => s.InitContainers = [new() { Image = {|#2:"ghcr.io/acme/init:1"|}, ImagePullPolicy = "IfNotPresent" }])|};

                public static V1PodSpec Applied()
                {
                    var spec = {|#5:new V1PodSpec|} { Containers = new List<V1Container>() };
                    Pods.Apply(spec, s => s.Containers.Add(new V1Container { Image = {|#4:"ghcr.io/acme/api:2"|}, ImagePullPolicy = "IfNotPresent" }));
                    return spec;
                }

                public static V1PodSpec Selected(string[] names) => {|#7:new V1PodSpec|}
                {
                    Containers = names.Select(n => new V1Container { Name = n, Image = {|#6:"ghcr.io/acme/job:3"|}, ImagePullPolicy = "IfNotPresent" }).ToList(),
                };
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/app:1.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("ghcr.io/acme/init:1", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(5).WithArguments("ghcr.io/acme/api:2", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(6).WithLocation(7).WithArguments("ghcr.io/acme/job:3", "ghcr.io/acme", string.Empty));

    // A lambda that also lists pull secrets or names a service account, a second delegate that is not a lambda, a lambda
    // held in a local, a spec given back by a lambda builder and completed later: whether pull secrets are listed is not
    // decided here. Silent.
    [Fact]
    public Task LambdasThatMaySupplyPullSecrets_AreNotReported() =>
        RunAnalyzer(
            Builders + """
            static class Manifests
            {
                public static V1PodSpec WithSecret() => Pods.Configure(spec =>
                {
                    spec.Containers.Add(new V1Container { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                });

                public static V1PodSpec WithAccount() => Pods.Configure(spec =>
                {
                    spec.Containers.Add(new V1Container { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    spec.ServiceAccountName = "builder";
                });

                public static V1PodSpec Unknown(Action<V1PodSpec> more) =>
                    Pods.ConfigureUnknown(spec => spec.Containers.Add(new V1Container { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }), more);

                public static V1PodSpec ApplyWithSecret()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    Pods.Apply(spec, s =>
                    {
                        s.Containers.Add(new V1Container { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" });
                        s.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    });
                    return spec;
                }

                public static V1PodSpec HeldInALocal()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" }] };
                    Action<V1PodSpec> secure = s => s.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    secure(spec);
                    return spec;
                }

                public static V1PodSpec ReturnedByALambda()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" }] };
                    Func<V1PodSpec> get = () => spec;
                    var same = get();
                    same.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }

                public static V1PodSpec CompletedLater()
                {
                    var spec = Pods.Configure(s => s.Containers.Add(new V1Container { Image = "ghcr.io/acme/api:2", ImagePullPolicy = "IfNotPresent" }));
                    spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return spec;
                }
            }
            """,
            EditorConfig);

    // A later write or call concerns only the objects it can reach: a spec handed to a helper that may list pull secrets,
    // or given pull secrets later, leaves another spec of the body reported; so does a factory's spec beside it.
    [Fact]
    public Task WritesToOneSpec_LeaveAnotherReported() =>
        RunAnalyzer(
            Parts + """
            static class Manifests
            {
                public static V1PodSpec[] Two(ISecrets secrets)
                {
                    var first = {|#1:new V1PodSpec|} { Containers = [new() { Image = {|#0:"registry.example.com/shop/app:1.0"|}, ImagePullPolicy = "IfNotPresent" }] };
                    var second = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    secrets.Apply(second);
                    return [first, second];
                }

                public static V1Pod[] TwoPods()
                {
                    var api = new V1Pod { Spec = {|#3:new V1PodSpec|} { Containers = [new() { Image = {|#2:"ghcr.io/acme/api:1"|}, ImagePullPolicy = "IfNotPresent" }] } };
                    var worker = new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "ghcr.io/acme/worker:1", ImagePullPolicy = "IfNotPresent" }] } };
                    worker.Spec.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    worker.Spec.ServiceAccountName = "builder";
                    return [api, worker];
                }

                public static V1PodSpec[] Factory()
                {
                    var made = {|#5:Make({|#4:"ghcr.io/acme/api:9"|})|};
                    var other = new V1PodSpec { Containers = [] };
                    other.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return [made, other];
                }

                // The same, where the write may reach the spec: silent.
                public static V1PodSpec[] Aliased(bool flag)
                {
                    var first = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var second = new V1PodSpec { Containers = [] };
                    var either = flag ? first : second;
                    either.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return [first, second];
                }

                public static V1PodSpec FactoryCompleted()
                {
                    var made = Make("ghcr.io/acme/api:9");
                    made.ImagePullSecrets = [new() { Name = "ci-registry" }];
                    return made;
                }

                static V1PodSpec Make(string image) => new() { Containers = [new() { Image = image, ImagePullPolicy = "IfNotPresent" }] };
            }
            """,
            EditorConfig,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/app:1.0", "registry.example.com", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("ghcr.io/acme/api:1", "ghcr.io/acme", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(5).WithArguments("ghcr.io/acme/api:9", "ghcr.io/acme", string.Empty));

    // KubernetesClient 17 and older: constructors instead of initializers. A helper's container made by the constructor
    // counts; a spec whose constructor lists pull secrets, or a helper that passes them to the constructor of what it
    // assigns, is silent.
    [Fact]
    public Task HelpersOnKubernetesClient17_AreFollowed()
    {
        var test = new K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>.Test
        {
            ReferenceAssemblies = K8sManifestAnalyzers.Tests.Verifiers.KubernetesReferences.WithoutKubernetes,
        };
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Parts
            {
                public static void AddApp(V1PodSpec spec, string image) => spec.Containers.Add(new V1Container("app", image: image, imagePullPolicy: "IfNotPresent"));
                public static void AddAppWithSecret(V1PodSpec spec, string image)
                {
                    spec.Containers.Add(new V1Container("app", image: image, imagePullPolicy: "IfNotPresent"));
                    spec.ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference("ci-registry") };
                }
            }

            static class Manifests
            {
                public static V1PodSpec Reported()
                {
                    var spec = {|#1:new V1PodSpec|}(new List<V1Container>());
                    Parts.AddApp(spec, {|#0:"registry.example.com/shop/app:1.0"|});
                    return spec;
                }

                public static V1PodSpec ListedInTheConstructor()
                {
                    var spec = new V1PodSpec(new List<V1Container>(), imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("ci-registry") });
                    Parts.AddApp(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }

                public static V1PodSpec ListedInTheHelper()
                {
                    var spec = new V1PodSpec(new List<V1Container>());
                    Parts.AddAppWithSecret(spec, "registry.example.com/shop/app:1.0");
                    return spec;
                }
            }
            """);
        test.TestState.Sources.Add(K8sManifestAnalyzers.Tests.Verifiers.KubernetesClient17Stubs.Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104", "KMA118" });
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/app:1.0", "registry.example.com", string.Empty));
        return test.RunAsync();
    }

    private static void DisableOtherRules(VerifyCS.Test test) =>
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104" });

    private static Task RunAnalyzer(string source, string? editorConfig, params DiagnosticResult[] expected) => KMA103_Run.Analyzer(source, editorConfig, expected);
}
