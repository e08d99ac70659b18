using System.Collections.Immutable;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Values the way real code writes them: defaults, fallbacks, branches and loops. Each construct has a case that
/// fires and one that stays silent.
/// </summary>
public sealed class ValueFlowTests
{
    private const string SeqOptions = """
        public sealed class OperatorOptions
        {
            public string DefaultImage { get; set; } = "datalust/seq:latest";
        }

        public sealed class SeqSpec
        {
            public string? Image { get; set; }
            public string? ImagePullPolicy { get; set; }
        }
        """;

    // The operator idiom of the issue: with the defaults, every node keeps whatever ':latest' it pulled first.
    [Fact]
    public async Task OperatorDefaults_GetKMA003_NamingTheDefaults()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            public sealed class Controller(OperatorOptions options)
            {
                public V1Container Build(SeqSpec spec)
                {
                    var container = new V1Container { Name = "seq" };
                    container.Image = spec.Image ?? options.DefaultImage;
                    container.ImagePullPolicy = spec.ImagePullPolicy ?? {|#0:"IfNotPresent"|};
                    return container;
                }
            }
            """);
        test.TestState.Sources.Add(SeqOptions);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0)
            .WithArguments("datalust/seq:latest", "tag 'latest'", "the default of OperatorOptions.DefaultImage, used when spec.Image is null"));
        await test.RunAsync();
    }

    // One default that two containers share through a local is one finding, where the body chooses it.
    [Fact]
    public async Task DefaultSharedThroughALocal_IsReportedOnce_WhereTheLocalIsAssigned()
    {
        const string Source = """
            using k8s.Models;

            public sealed class Controller(OperatorOptions options)
            {
                public V1PodSpec Build(SeqSpec spec)
                {
                    var image = {|#0:spec.Image ?? options.DefaultImage|};
                    var policy = spec.ImagePullPolicy ?? {|#1:"IfNotPresent"|};
                    return new V1PodSpec
                    {
                        Containers = [new V1Container { Name = "seq", Image = image, ImagePullPolicy = policy }],
                        InitContainers = [new V1Container { Name = "init", Image = image, ImagePullPolicy = policy }],
                    };
                }
            }
            """;
        var images = new ImageVerify.Test();
        images.TestState.Sources.Add(Source);
        images.TestState.Sources.Add(SeqOptions);
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0)
            .WithArguments("datalust/seq:latest", "uses the tag 'latest'", "the default of OperatorOptions.DefaultImage, used when spec.Image is null"));
        await images.RunAsync();

        var policies = new PolicyVerify.Test();
        policies.TestState.Sources.Add(Source);
        policies.TestState.Sources.Add(SeqOptions);
        policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(1)
            .WithArguments("datalust/seq:latest", "tag 'latest'", "the default of OperatorOptions.DefaultImage, used when spec.Image is null"));
        await policies.RunAsync();
    }

    // A policy chosen by a test of the container's own image takes the arm that image selects; a test of something
    // else pairs as before; when every image is mutable and every policy does not pull, any pairing is stale.
    [Fact]
    public Task PolicyChosenByATestOfTheImage_IsPairedWithTheArmItTakes() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Pull
            {
                public static string For(string image) => image.EndsWith(":latest") ? "Always" : "IfNotPresent";
            }

            class Manifests
            {
                V1Container A()
                {
                    var image = "nginx:latest";
                    return new V1Container { Image = image, ImagePullPolicy = image.EndsWith(":latest") ? "Always" : "IfNotPresent" };
                }

                V1Container B()
                {
                    var image = "nginx";
                    return new V1Container { Image = image, ImagePullPolicy = !image.Contains(':') && !image.Contains("@") ? "Always" : "IfNotPresent" };
                }

                V1Container C()
                {
                    var image = "registry.example.com/shop/api:latest";
                    return new V1Container { Image = image, ImagePullPolicy = Pull.For(image) };
                }

                V1Container D()
                {
                    var image = "nginx:latest";
                    var tag = "1.0";
                    return new V1Container { Image = image, ImagePullPolicy = tag == "latest" ? "Always" : {|#0:"IfNotPresent"|} };
                }

                V1Container E()
                {
                    var image = "nginx:latest";
                    return new V1Container { Image = image, ImagePullPolicy = image.StartsWith("nginx") ? {|#1:"IfNotPresent"|} : "Always" };
                }

                V1Container F(bool x, bool y) => new V1Container { Image = x ? "redis:latest" : "redis", ImagePullPolicy = y ? {|#2:"IfNotPresent"|} : {|#3:"Never"|} };
            }
            """,
            PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0).WithArguments("nginx:latest", "tag 'latest'", "from \"nginx:latest\""),
            PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(1).WithArguments("nginx:latest", "tag 'latest'", "from \"nginx:latest\""),
            PolicyVerify.Diagnostic("KMA003").WithLocation(2).WithArguments("redis:latest", "tag 'latest'"),
            PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_NeverWithMutableImage).WithLocation(3).WithArguments("redis:latest", "tag 'latest'"),
            PolicyVerify.Diagnostic("KMA007").WithLocation(3));

    // Writes of the image and the policy to one object, one after the other, pair like the writes of a plain `new`:
    // get-or-create (the seq-operator controller), lambda builders, a container found in a list.
    [Fact]
    public async Task ImageAndPolicyWrittenInSequence_PairLikeAPlainNew()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using System;
            using System.Linq;
            using k8s.Models;

            public sealed class Controller(OperatorOptions options)
            {
                public void Reconcile(V1PodSpec spec, SeqSpec seq)
                {
                    var c = spec.Containers.FirstOrDefault(x => x.Name == "seq");
                    if (c is null)
                    {
                        spec.Containers.Add(c = new V1Container { Name = "seq" });
                    }

                    c.Image = seq.Image ?? options.DefaultImage;
                    c.ImagePullPolicy = seq.ImagePullPolicy ?? {|#0:"IfNotPresent"|};
                }

                public static void Configure(Action<V1Container> configure) { }

                public void Lambda() => Configure(c =>
                {
                    c.Name = "web";
                    c.Image = "nginx:latest";
                    c.ImagePullPolicy = {|#1:"IfNotPresent"|};
                });

                public void Found(V1PodSpec spec)
                {
                    var main = spec.Containers.First();
                    main.ImagePullPolicy = {|#2:"Never"|};
                    main.Image = "registry.example.com/shop/api";
                }

                public void Reassigned(V1Container c, V1Container d)
                {
                    c.Image = "nginx:latest";
                    c = d;
                    c.ImagePullPolicy = "IfNotPresent";
                }

                public void Pinned(V1Container c)
                {
                    c.Image = "nginx:1.27";
                    c.ImagePullPolicy = "IfNotPresent";
                }
            }
            """);
        test.TestState.Sources.Add(SeqOptions);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0)
            .WithArguments("datalust/seq:latest", "tag 'latest'", "the default of OperatorOptions.DefaultImage, used when seq.Image is null"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA003").WithLocation(1).WithArguments("nginx:latest", "tag 'latest'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_NeverWithMutableImage).WithLocation(2).WithArguments("registry.example.com/shop/api", "no tag or digest, so 'latest'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA007").WithLocation(2));
        await test.RunAsync();
    }

    // A named constant from another class is named in the message, like a static readonly field.
    [Fact]
    public Task ConstantFromAnotherClass_IsNamedInTheMessage() =>
        ImageVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Images { public const string Api = "shop/api:latest"; public const string Bad = {|#2:"Shop/API:1.0"|}; }

            class Manifests
            {
                V1Container A() => new V1Container { Image = {|#0:Images.Api|}, ImagePullPolicy = "Always" };
                V1Container B() => new V1Container { Image = {|#1:Images.Bad|}, ImagePullPolicy = "Always" };
            }
            """,
            ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0).WithArguments("shop/api:latest", "uses the tag 'latest'", "the value of Images.Api"),
            ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(1).WithLocation(2).WithArguments("Shop/API:1.0", "the repository 'Shop/API' has uppercase letters, and repositories are lowercase", "the value of Images.Bad"));

    [Fact]
    public async Task OperatorDefaults_GetKMA005_OnTheWrite()
    {
        var test = new ImageVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            public sealed class Controller(OperatorOptions options)
            {
                public V1Container Build(SeqSpec spec) => new V1Container
                {
                    Name = "seq",
                    Image = {|#0:spec.Image ?? options.DefaultImage|},
                    ImagePullPolicy = "Always",
                };
            }
            """);
        test.TestState.Sources.Add(SeqOptions);
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0)
            .WithArguments("datalust/seq:latest", "uses the tag 'latest'", "the default of OperatorOptions.DefaultImage, used when spec.Image is null"));
        await test.RunAsync();
    }

    // A team whose options are always configured can turn the defaults off.
    [Fact]
    public async Task OperatorDefaults_WithPropertyDefaultsOff_AreSilent()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            public sealed class Controller(OperatorOptions options)
            {
                public V1Container Build(SeqSpec spec) => new V1Container
                {
                    Name = "seq",
                    Image = spec.Image ?? options.DefaultImage,
                    ImagePullPolicy = spec.ImagePullPolicy ?? "IfNotPresent",
                };
            }
            """);
        test.TestState.Sources.Add(SeqOptions);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.property_defaults = false\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task FallbacksArmsAndSwitches_AreEachChecked() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Fallback(string? policy) => new V1Container { Image = "nginx:1.27", ImagePullPolicy = policy ?? {|#0:"ifnotpresent"|} };
                V1Container Arm(bool dev) => new V1Container { Image = "nginx:1.27", ImagePullPolicy = dev ? {|#1:"Never"|} : "IfNotPresent" };
                V1Container Switch(string env) => new V1Container
                {
                    Image = "nginx:1.27",
                    ImagePullPolicy = env switch { "dev" => {|#2:"never"|}, "ci" => "Always", _ => "IfNotPresent" },
                };
                V1Container Fine(string? policy, bool dev) => new V1Container { Image = "nginx:1.27", ImagePullPolicy = policy ?? (dev ? "Always" : "IfNotPresent") };
                V1Container Unknown(string policy) => new V1Container { Image = "nginx:1.27", ImagePullPolicy = policy };
            }
            """,
            PolicyVerify.Diagnostic("KMA002").WithLocation(0).WithArguments("ifnotpresent", " (did you mean 'IfNotPresent'?)"),
            PolicyVerify.Diagnostic("KMA007").WithLocation(1),
            PolicyVerify.Diagnostic("KMA002").WithLocation(2).WithArguments("never", " (did you mean 'Never'?)"));

    // KMA003 pairs values that can occur together: a branch's image with a constant policy, not two unrelated branches.
    [Fact]
    public Task StalePolicy_PairsOnlyValuesThatOccurTogether() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Branch(bool dev) => new V1Container { Image = dev ? "nginx:latest" : "nginx:1.27", ImagePullPolicy = {|#0:"IfNotPresent"|} };
                V1Container Unrelated(bool a, bool b) => new V1Container { Image = a ? "nginx:latest" : "nginx:1.27", ImagePullPolicy = b ? "IfNotPresent" : "Always" };
                V1Container Both(string? image, string? policy) => new V1Container { Image = image ?? "nginx", ImagePullPolicy = policy ?? {|#1:"IfNotPresent"|} };
            }
            """,
            PolicyVerify.Diagnostic("KMA003").WithLocation(0).WithArguments("nginx:latest", "tag 'latest'"),
            PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(1).WithArguments("nginx", "no tag or digest, so 'latest'", "used when image is null"));

    [Fact]
    public Task ConstantsFromFieldsLocalsAndStrings_AreFolded() =>
        ImageVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Images
            {
                public const string Registry = "registry.example.com";
                public static readonly string Runner = $"{Registry}/ci/runner:latest";
                public static readonly string Tool = Registry + "/tool";
                public static string Proxy => "envoyproxy/envoy";
            }

            class Manifests
            {
                V1Container A() => new V1Container { Image = {|#0:Images.Runner|}, ImagePullPolicy = "Always" };
                V1Container B() => new V1Container { Image = {|#1:Images.Tool|}, ImagePullPolicy = "Always" };
                V1Container C() => new V1Container { Image = {|#2:Images.Proxy|}, ImagePullPolicy = "Always" };
                V1Container D() => new V1Container { Image = {|#3:string.Empty + "busybox"|}, ImagePullPolicy = "Always" };
                V1Container E()
                {
                    var image = {|#4:"nginx"|};
                    return new V1Container { Image = image, ImagePullPolicy = "Always" };
                }

                V1Container F(bool dev)
                {
                    string image = "nginx:1.27";
                    if (dev)
                    {
                        image = {|#5:"nginx:latest"|};
                    }

                    return new V1Container { Image = image, ImagePullPolicy = "Always" };
                }

                V1Container Overwritten()
                {
                    string image = "nginx:latest";
                    image = "nginx:1.27";
                    return new V1Container { Image = image, ImagePullPolicy = "Always" };
                }
            }
            """,
            ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0).WithArguments("registry.example.com/ci/runner:latest", "uses the tag 'latest'", "the value of Images.Runner"),
            ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(1).WithArguments("registry.example.com/tool", "has no tag or digest, so it means 'latest'", "the value of Images.Tool"),
            ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(2).WithArguments("envoyproxy/envoy", "has no tag or digest, so it means 'latest'", "the value of Images.Proxy"),
            ImageVerify.Diagnostic("KMA005").WithLocation(3).WithArguments("busybox", "has no tag or digest, so it means 'latest'"),
            ImageVerify.Diagnostic("KMA005").WithLocation(4).WithArguments("nginx", "has no tag or digest, so it means 'latest'"),
            ImageVerify.Diagnostic("KMA005").WithLocation(5).WithArguments("nginx:latest", "uses the tag 'latest'"));

    // Writes through element access and foreach reach their containers; writes that may reach one keep it silent.
    [Fact]
    public Task WritesThroughListsAndLoops_ReachTheirContainers() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using System.Linq;
            using k8s.Models;

            class Manifests
            {
                V1Pod Indexed()
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "a:1" }, {|#0:new|}() { Image = "b:1" }], InitContainers = [new() { Image = "c:1" }] } };
                    pod.Spec.Containers[0].ImagePullPolicy = "IfNotPresent";
                    pod.Spec.InitContainers[0].ImagePullPolicy = "IfNotPresent";
                    return pod;
                }

                V1PodSpec Loop()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "a:1" }, new() { Image = "b:1" }], InitContainers = [{|#1:new|}() { Image = "c:1" }] };
                    foreach (var container in spec.Containers)
                    {
                        container.ImagePullPolicy ??= "IfNotPresent";
                    }

                    return spec;
                }

                V1PodSpec ConditionalLoop()
                {
                    var spec = new V1PodSpec { Containers = [new() { Name = "a", Image = "a:1" }, new() { Name = "b", Image = "b:1" }] };
                    foreach (var container in spec.Containers)
                    {
                        if (container.Name == "a")
                        {
                            container.ImagePullPolicy = "Always";
                        }
                    }

                    return spec;
                }

                V1PodSpec ByPredicate()
                {
                    var spec = new V1PodSpec { Containers = [new() { Name = "a", Image = "a:1" }, new() { Name = "b", Image = "b:1" }] };
                    spec.Containers.First(c => c.Name == "b").ImagePullPolicy = "Always";
                    return spec;
                }

                V1PodSpec Aliased()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "a:1" }] };
                    var main = spec.Containers[0];
                    main.ImagePullPolicy = "IfNotPresent";
                    return spec;
                }
            }
            """,
            PolicyVerify.Diagnostic("KMA001").WithLocation(0).WithArguments("'IfNotPresent'"),
            PolicyVerify.Diagnostic("KMA001").WithLocation(1).WithArguments("'IfNotPresent'"));

    // A policy written on some paths only is defaulted by the API server on the others.
    [Fact]
    public Task PolicyOnSomePathsOnly_IsReported_OnEveryPath_IsNot() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container SomePaths(bool dev)
                {
                    var container = {|#0:new V1Container|} { Name = "app", Image = "nginx:1.27" };
                    if (dev)
                    {
                        container.ImagePullPolicy = "Always";
                    }

                    return container;
                }

                V1Container EarlyReturn(bool ready)
                {
                    var container = {|#1:new V1Container|} { Name = "app", Image = "nginx:1.27" };
                    if (!ready)
                    {
                        return container;
                    }

                    container.ImagePullPolicy = "IfNotPresent";
                    return container;
                }

                V1Container EveryPath(bool dev)
                {
                    var container = new V1Container { Name = "app", Image = "nginx:1.27" };
                    if (dev)
                    {
                        container.ImagePullPolicy = "Always";
                    }
                    else
                    {
                        container.ImagePullPolicy = "IfNotPresent";
                    }

                    return container;
                }

                V1Container Fallback(bool dev)
                {
                    var container = new V1Container { Name = "app", Image = "nginx:1.27" };
                    if (dev)
                    {
                        container.ImagePullPolicy = "Always";
                    }

                    container.ImagePullPolicy ??= "IfNotPresent";
                    return container;
                }

                V1Container InALambda(System.Action<System.Action> later)
                {
                    var container = new V1Container { Name = "app", Image = "nginx:1.27" };
                    later(() => container.ImagePullPolicy = "Always");
                    return container;
                }
            }
            """,
            PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_PullPolicyOnSomePaths).WithLocation(0).WithArguments("'IfNotPresent'"),
            PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_PullPolicyOnSomePaths).WithLocation(1).WithArguments("'IfNotPresent'"));

    // Half-typed code: no exception, whatever is reported.
    [Theory]
    [InlineData("ImagePullPolicy = policy ?? ")]
    [InlineData("ImagePullPolicy = dev ? \"Never\" : ")]
    [InlineData("ImagePullPolicy = env switch { \"dev\" => ")]
    [InlineData("ImagePullPolicy = Options.")]
    [InlineData("Image = Options.Policy + ")]
    [InlineData("Image = Worker(\"a\", ")]
    [InlineData("Image = Worker(")]
    [InlineData("Image = Pick(dev ? ")]
    public async Task HalfTypedValues_DoNotThrow(string fragment)
    {
        string source = $$"""
            using k8s.Models;

            static class Options { public static string Policy { get; set; } = "Never"; }

            class Manifests
            {
                static string Worker(string name, string image) => image;
                static string Pick(string image) => Pick(image);

                V1Container Build(string? policy, bool dev, string env)
                {
                    var c = new V1Container { Image = "nginx:1.27", {{fragment}} };
                    foreach (var x in new[] { c }) x.ImagePullPolicy ??= 
                    return c;
                }
            }
            """;
        var compilation = await KubernetesCompilation.OfAsync("HalfTyped", source, nullable: false, mustCompile: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerAnalyzer());
        var result = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(default), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false, analyzerExceptionFilter: null))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(result, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task ImagesWithUnknownParts_AreFollowedThroughLocalsBranchesFallbacksAndNesting()
    {
        var test = new ImageVerify.Test
        {
            TestCode = """
                using k8s.Models;

                public sealed class Options
                {
                    public string? Image { get; set; }
                    public string Repository { get; set; } = null!;
                }

                class Manifests
                {
                    const string Evil = "quay.io/evil";

                    V1Container Local(string tag)
                    {
                        var image = {|#0:$"{Evil}/miner:{tag}"|};
                        return new V1Container { Image = image, ImagePullPolicy = "Always" };
                    }

                    V1Container Nested(string app, string tag)
                    {
                        string name = $"quay.io/evil/{app}";
                        return new V1Container { Image = {|#1:$"{name}:{tag}"|}, ImagePullPolicy = "Always" };
                    }

                    V1Container Fallback(Options options) =>
                        new V1Container { Image = options.Image ?? {|#2:options.Repository + ":latest"|}, ImagePullPolicy = "Always" };

                    V1Container Branch(bool dev, string repo) =>
                        new V1Container { Image = dev ? {|#3:$"ghcr.io/acme/{repo}:latest"|} : $"ghcr.io/acme/{repo}:1.0", ImagePullPolicy = "Always" };

                    V1Container NumberHole(int version) => new V1Container { Image = {|#4:$"quay.io/evil/miner:{version}"|}, ImagePullPolicy = "Always" };

                    V1Container KnownAndUnknown(string? tag) => new V1Container { Image = {|#5:"ghcr.io/acme/api:" + (tag ?? "latest")|}, ImagePullPolicy = "Always" };

                    V1Container Allowed(string tag) => new V1Container { Image = $"ghcr.io/acme/api:{tag}", ImagePullPolicy = "Always" };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.allowed_registries = ghcr.io/acme\n"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic("KMA008").WithLocation(0).WithArguments("quay.io/evil/miner:{tag}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic("KMA008").WithLocation(1).WithArguments("quay.io/evil/{app}:{tag}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic("KMA005").WithLocation(2).WithArguments("{options.Repository}:latest", "uses the tag 'latest'"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic("KMA005").WithLocation(3).WithArguments("ghcr.io/acme/{repo}:latest", "uses the tag 'latest'"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic("KMA008").WithLocation(4).WithArguments("quay.io/evil/miner:{version}", "ghcr.io/acme"));
        test.ExpectedDiagnostics.Add(ImageVerify.Diagnostic("KMA005").WithLocation(5).WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'"));
        await test.RunAsync();
    }

    [Fact]
    public Task StringFormat_WithAlignmentOrFormat_StaysUnknown() =>
        ImageVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Aligned(string repo) => new V1Container { Image = string.Format("{0,-10}:latest", repo), ImagePullPolicy = "Always" };
                V1Container Formatted(System.DateTime day) => new V1Container { Image = string.Format("app:{0:yyyyMMdd}/latest", day), ImagePullPolicy = "Always" };
                V1Container Repeated(string repo) => new V1Container { Image = string.Format("{0}/{0}", repo), ImagePullPolicy = "Always" };
                V1Container OutOfRange(string repo) => new V1Container { Image = string.Format("{1}/app", repo), ImagePullPolicy = "Always" };
                V1Container Escaped(string repo) => new V1Container { Image = {|#0:string.Format("{0}/{{app}}", repo)|}, ImagePullPolicy = "Always" };
            }
            """,
            ImageVerify.Diagnostic("KMA004").WithLocation(0).WithArguments("{repo}/{app}", "'{' appears nowhere in an image reference"));

    [Fact]
    public Task FallbackAfterAnImageWithUnknownParts_CountsOnlyWhereTheLeftMayBeNull() =>
        ImageVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                // An interpolation is never null: the fallback is never used.
                V1Container NeverNull(string tag) => new V1Container { Image = $"ghcr.io/acme/api:{tag}" ?? "nginx:latest", ImagePullPolicy = "Always" };

                V1Container MaybeNull(bool pinned, string tag)
                {
                    string? image = pinned ? $"ghcr.io/acme/api:{tag}" : null;
                    return new V1Container { Image = image ?? {|#0:"nginx:latest"|}, ImagePullPolicy = "Always" };
                }
            }
            """,
            ImageVerify.Diagnostic("KMA005").WithLocation(0).WithArguments("nginx:latest", "uses the tag 'latest'"));
}
