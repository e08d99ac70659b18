using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>
/// KMA103 on pod specs whose containers are added outside the expression that creates them: by a helper that gives the
/// spec back (<c>new V1PodSpec().Also(s => …)</c>, <c>.WithApp(…)</c>), by a lambda reached through nested helpers, or by
/// the caller of a factory that keeps the spec it returns and completes it.
/// </summary>
public sealed class KMA103_SpecsBuiltElsewhereTests
{
    private const string Helpers = """
        using System;
        using System.Collections.Generic;
        using k8s.Models;

        static class Specs
        {
            public static T Also<T>(this T self, Action<T> configure)
            {
                configure(self);
                return self;
            }

            public static V1PodSpec With(this V1PodSpec spec, Action<V1PodSpec> configure)
            {
                configure(spec);
                return spec;
            }

            public static V1PodSpec WithApp(this V1PodSpec spec, string image)
            {
                spec.Containers ??= new List<V1Container>();
                spec.Containers.Add(new V1Container { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" });
                return spec;
            }

            public static V1PodSpec WithLog(this V1PodSpec spec) => spec.Also(s => AddApp(s, "registry.shop.example/shop/log:1"));

            public static V1PodSpec WithAppThrough(this V1PodSpec spec, string image) => spec.Also(s => s.WithApp(image));

            public static void Configure(V1PodSpec spec, Action<V1PodSpec> configure) => configure(spec);

            public static void ConfigureThrough(V1PodSpec spec, Action<V1PodSpec> configure)
            {
                Configure(spec, configure);
            }

            public static void AddApp(V1PodSpec spec, string image) => spec.Containers.Add(new V1Container { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" });

            public static V1PodSpec NewSpec() => new V1PodSpec { Containers = new List<V1Container>() };

            public static V1PodSpec NewSpec(string image)
            {
                var spec = new V1PodSpec { Containers = new List<V1Container>() };
                spec.Containers.Add(new V1Container { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" });
                return spec;
            }

            // Pull secrets, a service account, the spec kept or handed on, recursion: each may supply what KMA103 looks for.
            public static V1PodSpec WithSecret(this V1PodSpec spec)
            {
                spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                return spec;
            }

            public static V1PodSpec AlsoSecured(this V1PodSpec spec, Action<V1PodSpec> configure)
            {
                configure(spec);
                spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                return spec;
            }

            public static V1PodSpec AsBuilder(this V1PodSpec spec)
            {
                spec.ServiceAccountName = "builder";
                return spec;
            }

            public static V1PodSpec? Last;

            public static V1PodSpec Keep(this V1PodSpec spec)
            {
                Last = spec;
                return spec;
            }

            public static V1PodSpec Again(this V1PodSpec spec, Action<V1PodSpec> configure, int times)
            {
                if (times > 0)
                {
                    spec.Again(configure, times - 1);
                }

                configure(spec);
                return spec;
            }

            public static V1PodSpec NewOuter() => NewSpec();

            public static V1PodSpec NewChained(string image) => NewSpec().WithApp(image);

            public static V1PodSpec NewOuterWithApp(string image)
            {
                var spec = NewOuter();
                spec.WithApp(image);
                return spec;
            }

            public static V1PodSpec NewOuterSecured()
            {
                var spec = NewSpec();
                spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                return spec;
            }

            public static V1PodSpec NewOuterHandedOn(ISecrets secrets)
            {
                var spec = NewSpec();
                secrets.Apply(spec);
                return spec;
            }

            public static V1PodSpec NewAppSpec(string image) => new V1PodSpec { Containers = [] }.WithApp(image);

            public static void Secure(V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "shop-registry" }];

            public static V1PodSpec NewSecuredSpec() => new V1PodSpec { Containers = new List<V1Container>(), ImagePullSecrets = [new() { Name = "shop-registry" }] };
        }

        interface ISecrets { void Apply(V1PodSpec spec); }

        """;

    // A spec handed through helpers that give it back: a generic `Also` or a `With` whose lambda adds the container (itself
    // or through another helper), a fluent `WithApp`, helpers written with such calls (`WithLog`, `WithAppThrough`),
    // a chain of them, and a local function; the caller's later writes through the local that keeps the result; a method
    // group or local function passed where a lambda would be.
    [Fact]
    public Task ContainersAddedThroughHelpersThatGiveTheSpecBack_AreReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1PodSpec Also() => {|#1:new V1PodSpec|} { Containers = new List<V1Container>() }
                    .Also(s => s.Containers.Add(new V1Container { Name = "app", Image = {|#0:"registry.shop.example/shop/app:1.0"|}, ImagePullPolicy = "IfNotPresent" }));

                public static V1Pod ThroughAHelperInTheLambda() => new V1Pod
                {
                    Spec = {|#3:new V1PodSpec|} { Containers = [] }.With(s => Specs.AddApp(s, {|#2:"registry.shop.example/shop/api:2"|})),
                };

                public static V1PodSpec Fluent()
                {
                    var spec = {|#5:new V1PodSpec|}().WithApp({|#4:"registry.shop.example/shop/api:3"|});
                    return spec;
                }

                public static V1PodSpec Nested() => {|#7:new V1PodSpec|} { Containers = [] }.WithAppThrough({|#6:"registry.shop.example/shop/api:4"|});

                public static V1PodSpec WrittenInTheHelper() => {|#8:{|#9:new V1PodSpec|} { Containers = [] }.WithLog()|};

                public static V1PodSpec Chained()
                {
                    var spec = {|#11:new V1PodSpec|} { Containers = [] }
                        .Also(s => s.RestartPolicy = "Always")
                        .WithApp({|#10:"registry.shop.example/shop/api:5"|})
                        .Also(s => s.InitContainers = [new() { Image = {|#12:"registry.shop.example/shop/init:5"|}, ImagePullPolicy = "IfNotPresent" }]);
                    spec.Containers.Add(new V1Container { Name = "later", Image = {|#13:"registry.shop.example/shop/later:5"|}, ImagePullPolicy = "IfNotPresent" });
                    var pod = new V1Pod { Spec = spec };
                    return pod.Spec;
                }

                public static V1PodSpec LocalFunction()
                {
                    return {|#14:Build({|#15:new V1PodSpec|} { Containers = [] })|};

                    static V1PodSpec Build(V1PodSpec spec)
                    {
                        spec.Containers.Add(new V1Container { Image = "registry.shop.example/shop/local:6", ImagePullPolicy = "IfNotPresent" });
                        return spec;
                    }
                }

                public static V1PodSpec MethodGroup() => {|#16:{|#17:new V1PodSpec|} { Containers = [] }.With(AddDefaults)|};

                static void AddDefaults(V1PodSpec spec) => spec.Containers.Add(new V1Container { Image = "registry.shop.example/shop/defaults:7", ImagePullPolicy = "IfNotPresent" });

                public static V1PodSpec LocalFunctionAsTheDelegate()
                {
                    var spec = {|#19:new V1PodSpec|} { Containers = [] };
                    {|#18:Specs.Configure(spec, Add)|};
                    return spec;

                    void Add(V1PodSpec s) => s.Containers.Add(new V1Container { Image = "registry.shop.example/shop/local:8", ImagePullPolicy = "IfNotPresent" });
                }

                public static V1PodSpec FluentInTheLambda() => {|#21:new V1PodSpec|} { Containers = [] }.Also(s => s.WithApp({|#20:"registry.shop.example/shop/api:9"|}));

                // A public image: silent.
                public static V1PodSpec Public() => new V1PodSpec { Containers = [] }.Also(s => Specs.AddApp(s, "nginx:1.27"));
            }
            """,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/api:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(5).WithArguments("registry.shop.example/shop/api:3", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(6).WithLocation(7).WithArguments("registry.shop.example/shop/api:4", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(8).WithLocation(9).WithArguments("registry.shop.example/shop/log:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(10).WithLocation(11).WithArguments("registry.shop.example/shop/api:5", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(12).WithLocation(11).WithArguments("registry.shop.example/shop/init:5", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(13).WithLocation(11).WithArguments("registry.shop.example/shop/later:5", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(14).WithLocation(15).WithArguments("registry.shop.example/shop/local:6", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(16).WithLocation(17).WithArguments("registry.shop.example/shop/defaults:7", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(18).WithLocation(19).WithArguments("registry.shop.example/shop/local:8", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(20).WithLocation(21).WithArguments("registry.shop.example/shop/api:9", "registry.shop.example", string.Empty));

    // The caller's own spec handed with a lambda to a helper that invokes it: the lambda adds the container through
    // another helper, or the helper hands the lambda on to the helper that invokes it.
    [Fact]
    public Task LambdasReachedThroughNestedHelpers_AreReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1PodSpec HelperInTheLambda(string tag)
                {
                    var spec = {|#1:new V1PodSpec|} { Containers = new List<V1Container>() };
                    Specs.Configure(spec, s => Specs.AddApp(s, {|#0:"registry.shop.example/shop/app:1.0"|}));
                    return spec;
                }

                public static V1PodSpec HandedOn()
                {
                    var spec = {|#3:new V1PodSpec|} { Containers = new List<V1Container>() };
                    Specs.ConfigureThrough(spec, s => s.Containers.Add(new V1Container { Image = {|#2:"registry.shop.example/shop/api:2"|}, ImagePullPolicy = "IfNotPresent" }));
                    return spec;
                }

                public static V1Pod ThroughThePod()
                {
                    var pod = new V1Pod { Spec = {|#5:new V1PodSpec|} { Containers = [] } };
                    Specs.ConfigureThrough(pod.Spec, s => Specs.AddApp(s, {|#4:"registry.shop.example/shop/api:3"|}));
                    return pod;
                }
            }
            """,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/api:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(5).WithArguments("registry.shop.example/shop/api:3", "registry.shop.example", string.Empty));

    // A spec a factory returns, kept by the caller under its own local and completed there (containers added, image
    // passed, the spec placed in a pod later), or completed through a helper that gives it back, also where the factory
    // gets the spec from another factory: reported at the call.
    [Fact]
    public Task SpecsReturnedByAFactoryAndCompletedByTheCaller_AreReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1Pod Completed()
                {
                    var spec = {|#1:Specs.NewSpec()|};
                    spec.Containers.Add(new V1Container { Name = "app", Image = {|#0:"registry.shop.example/shop/app:1.0"|}, ImagePullPolicy = "IfNotPresent" });
                    var pod = new V1Pod { Spec = spec };
                    return pod;
                }

                public static V1Pod Passed()
                {
                    var spec = {|#3:Specs.NewSpec({|#2:"registry.shop.example/shop/app:1.0"|})|};
                    spec.Containers.Add(new V1Container { Name = "sidecar", Image = {|#4:"registry.shop.example/shop/log:1"|}, ImagePullPolicy = "IfNotPresent" });
                    return new V1Pod { Spec = spec };
                }

                public static V1PodSpec ThroughAHelper()
                {
                    var spec = {|#6:Specs.NewSpec()|};
                    Specs.AddApp(spec, {|#5:"registry.shop.example/shop/api:2"|});
                    return spec;
                }

                public static V1PodSpec GivenBack() => {|#8:Specs.NewSpec()|}.Also(s => s.Containers.Add(new V1Container { Image = {|#7:"registry.shop.example/shop/api:3"|}, ImagePullPolicy = "IfNotPresent" }));

                public static V1Pod InThePod()
                {
                    var pod = new V1Pod { Spec = {|#10:Specs.NewSpec()|} };
                    pod.Spec.Containers.Add(new V1Container { Image = {|#9:"registry.shop.example/shop/api:4"|}, ImagePullPolicy = "IfNotPresent" });
                    return pod;
                }

                public static V1Pod PlacedLater()
                {
                    var pod = new V1Pod();
                    var spec = {|#21:Specs.NewSpec()|};
                    spec.Containers.Add(new V1Container { Image = {|#20:"registry.shop.example/shop/app:1.0"|} });
                    pod.Spec = spec;
                    return pod;
                }

                public static V1PodSpec[] MadeByAnotherFactory()
                {
                    var spec = {|#15:Specs.NewOuter()|};
                    spec.Containers.Add(new V1Container { Image = {|#14:"registry.shop.example/shop/outer:6"|}, ImagePullPolicy = "IfNotPresent" });
                    var chained = {|#17:Specs.NewChained({|#16:"registry.shop.example/shop/chained:7"|})|};
                    var third = {|#19:Specs.NewOuterWithApp({|#18:"registry.shop.example/shop/third:8"|})|};
                    return [spec, chained, third];
                }

                public static V1PodSpec MadeByAChain()
                {
                    var spec = {|#12:Specs.NewAppSpec({|#11:"registry.shop.example/shop/api:5"|})|};
                    spec.InitContainers = [new() { Image = {|#13:"registry.shop.example/shop/init:5"|}, ImagePullPolicy = "IfNotPresent" }];
                    return spec;
                }
            }
            """,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(3).WithArguments("registry.shop.example/shop/log:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(5).WithLocation(6).WithArguments("registry.shop.example/shop/api:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(7).WithLocation(8).WithArguments("registry.shop.example/shop/api:3", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(9).WithLocation(10).WithArguments("registry.shop.example/shop/api:4", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(11).WithLocation(12).WithArguments("registry.shop.example/shop/api:5", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(13).WithLocation(12).WithArguments("registry.shop.example/shop/init:5", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(14).WithLocation(15).WithArguments("registry.shop.example/shop/outer:6", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(16).WithLocation(17).WithArguments("registry.shop.example/shop/chained:7", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(18).WithLocation(19).WithArguments("registry.shop.example/shop/third:8", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(20).WithLocation(21).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty));

    // Pull secrets or a service account written by a helper of the chain, by the lambda, or by the caller afterwards:
    // silent.
    [Fact]
    public Task PullSecretsOrAnAccountFromTheHelperTheLambdaOrTheCaller_AreNotReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1PodSpec HelperInTheChain() => new V1PodSpec { Containers = [] }.WithApp("registry.shop.example/shop/app:1.0").WithSecret();

                public static V1PodSpec HelperThatInvokesTheLambda() => new V1PodSpec { Containers = [] }.AlsoSecured(s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0"));

                public static V1PodSpec AccountInTheChain() => new V1PodSpec { Containers = [] }.AsBuilder().WithApp("registry.shop.example/shop/app:1.0");

                public static V1PodSpec SecretInTheLambda() => new V1PodSpec { Containers = [] }.Also(s =>
                {
                    s.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    s.ImagePullSecrets = [new() { Name = "shop-registry" }];
                });

                public static V1PodSpec AccountInTheLambda() => new V1PodSpec { Containers = [] }.With(s =>
                {
                    Specs.AddApp(s, "registry.shop.example/shop/app:1.0");
                    s.ServiceAccountName = "builder";
                });

                public static V1PodSpec SecretInTheHandedOnLambda()
                {
                    var spec = new V1PodSpec { Containers = [] };
                    Specs.ConfigureThrough(spec, s =>
                    {
                        Specs.AddApp(s, "registry.shop.example/shop/app:1.0");
                        s.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    });
                    return spec;
                }

                public static V1PodSpec SecretByTheCaller()
                {
                    var spec = new V1PodSpec { Containers = [] }.Also(s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0"));
                    spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1Pod SecretThroughThePod()
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [] }.WithApp("registry.shop.example/shop/app:1.0") };
                    pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return pod;
                }

                public static V1Pod FactorySecretByTheCaller()
                {
                    var spec = Specs.NewSpec();
                    spec.Containers.Add(new V1Container { Name = "app", Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return new V1Pod { Spec = spec };
                }

                public static V1Pod FactorySecretThroughThePod()
                {
                    var pod = new V1Pod();
                    var spec = Specs.NewSpec();
                    spec.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0" });
                    pod.Spec = spec;
                    pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return pod;
                }

                public static V1PodSpec FactoryAccountByTheCaller()
                {
                    var spec = Specs.NewSpec("registry.shop.example/shop/app:1.0");
                    spec.ServiceAccountName = "builder";
                    return spec;
                }

                public static V1PodSpec FactorySecuredByAHelper()
                {
                    var spec = Specs.NewSpec();
                    Specs.AddApp(spec, "registry.shop.example/shop/app:1.0");
                    Specs.Secure(spec);
                    return spec;
                }

                public static V1PodSpec[] FactoryOnTheWaySecures(ISecrets secrets)
                {
                    var secured = Specs.NewOuterSecured();
                    secured.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    var handed = Specs.NewOuterHandedOn(secrets);
                    handed.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    return [secured, handed];
                }

                public static V1PodSpec FactoryWithSecret()
                {
                    var spec = Specs.NewSecuredSpec();
                    spec.Containers.Add(new V1Container { Name = "app", Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    return spec;
                }

                public static V1PodSpec FluentSecretInTheLambda() => new V1PodSpec { Containers = [] }.Also(s => s.WithApp("registry.shop.example/shop/app:1.0").WithSecret());

                public static V1PodSpec SecretByAMethodGroup() =>
                    new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] }.With(Specs.Secure);

                public static V1PodSpec SecretByALocalFunction()
                {
                    return new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] }.With(Secure);

                    static void Secure(V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                }

                public static V1PodSpec FactoryMadeByAChainSecuredByTheCaller()
                {
                    var spec = Specs.NewAppSpec("registry.shop.example/shop/api:5");
                    spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1PodSpec FactorySecretThroughTheChain() =>
                    Specs.NewSpec().Also(s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0")).WithSecret();
            }
            """);

    // The spec kept by a helper, handed to a method that is not followed, to a lambda held in a local, or to a helper that
    // calls itself: whether it gets pull secrets is not decided here. Silent.
    [Fact]
    public Task SpecsThatEscapeOrRecurse_AreNotReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1PodSpec KeptByAHelper() => new V1PodSpec { Containers = [] }.WithApp("registry.shop.example/shop/app:1.0").Keep();

                public static V1PodSpec KeptByTheLambda(List<V1PodSpec> all) => new V1PodSpec { Containers = [] }.Also(s =>
                {
                    Specs.AddApp(s, "registry.shop.example/shop/app:1.0");
                    all.Add(s);
                });

                public static V1PodSpec HandedToAnInterface(ISecrets secrets)
                {
                    var spec = new V1PodSpec { Containers = [] }.WithApp("registry.shop.example/shop/app:1.0");
                    secrets.Apply(spec);
                    return spec;
                }

                public static V1PodSpec FactoryHandedToAnInterface(ISecrets secrets)
                {
                    var spec = Specs.NewSpec();
                    spec.Containers.Add(new V1Container { Name = "app", Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    secrets.Apply(spec);
                    return spec;
                }

                public static V1PodSpec LambdaInALocal()
                {
                    Action<V1PodSpec> configure = s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0");
                    return new V1PodSpec { Containers = [] }.With(configure);
                }

                public static V1PodSpec Recursive() => new V1PodSpec { Containers = [] }.Again(s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0"), 2);

                public static V1PodSpec RecursiveInTheCaller(int depth) =>
                    depth == 0 ? new V1PodSpec { Containers = [] } : RecursiveInTheCaller(depth - 1).WithApp("registry.shop.example/shop/app:1.0");

                public static V1PodSpec Delegate(Func<V1PodSpec, V1PodSpec> finish) => finish(new V1PodSpec { Containers = [] }.WithApp("registry.shop.example/shop/app:1.0"));
            }
            """);

    // Half-typed code: a lambda or a chain still being written, a helper without a body. No exception; a container whose
    // private image is already written is reported as the finished code would be.
    [Fact]
    public async Task HalfTypedChains_DoNotThrow()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Helpers + """
                static class Manifests
                {
                    public static V1PodSpec A() => {|#1:new V1PodSpec|} { Containers = [] }.Also(s => s.Containers.Add(new V1Container { Image = {|#0:"registry.shop.example/shop/app:1.0"|} );
                    public static V1PodSpec B() => new V1PodSpec { Containers = [] }.Also(s => );
                    public static V1PodSpec C() => new V1PodSpec { Containers = [] }.Also(;
                    public static V1PodSpec D() => {|#3:new V1PodSpec|} { Containers = [] }.WithApp({|#2:"registry.shop.example/shop/app:1.0"|}).;
                    public static V1PodSpec E() => Specs.NewSpec().Missing(s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0"));
                    public static V1PodSpec F() { var spec = Specs.NewSpec(; spec.Containers.Add(new V1Container { Image = }); return spec; }
                    public static V1PodSpec G() => Partial(new V1PodSpec { Containers = [] }, s => Specs.AddApp(s, "registry.shop.example/shop/app:1.0"));
                    static partial V1PodSpec Partial(V1PodSpec spec, Action<V1PodSpec> configure);
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", KMA103_Run.ShopRegistry));
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104", "KMA118" });
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty));
        await test.RunAsync();
    }

    // KubernetesClient 17 and older: constructors with arguments, in the chain and in the lambda.
    [Fact]
    public Task ChainsOnKubernetesClient17_AreFollowed()
    {
        var test = new VerifyCS.Test { ReferenceAssemblies = K8sManifestAnalyzers.Tests.Verifiers.KubernetesReferences.WithoutKubernetes };
        test.TestState.Sources.Add("""
            using System;
            using System.Collections.Generic;
            using k8s.Models;

            static class Specs
            {
                public static T Also<T>(this T self, Action<T> configure)
                {
                    configure(self);
                    return self;
                }

                public static V1PodSpec NewSpec() => new V1PodSpec(new List<V1Container>());
            }

            static class Manifests
            {
                public static V1PodSpec Reported() =>
                    {|#1:new V1PodSpec|}(new List<V1Container>()).Also(s => s.Containers.Add(new V1Container("app", image: {|#0:"registry.shop.example/shop/app:1.0"|}, imagePullPolicy: "IfNotPresent")));

                public static V1PodSpec Completed()
                {
                    var spec = {|#3:Specs.NewSpec()|};
                    spec.Containers.Add(new V1Container("app", image: {|#2:"registry.shop.example/shop/api:2"|}, imagePullPolicy: "IfNotPresent"));
                    return spec;
                }

                public static V1PodSpec ListedInTheConstructor() =>
                    new V1PodSpec(new List<V1Container>(), imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("shop-registry") })
                        .Also(s => s.Containers.Add(new V1Container("app", image: "registry.shop.example/shop/app:1.0", imagePullPolicy: "IfNotPresent")));

                public static V1PodSpec ListedInTheLambda() =>
                    new V1PodSpec(new List<V1Container>()).Also(s =>
                    {
                        s.Containers.Add(new V1Container("app", image: "registry.shop.example/shop/app:1.0", imagePullPolicy: "IfNotPresent"));
                        s.ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference("shop-registry") };
                    });
            }
            """);
        test.TestState.Sources.Add(K8sManifestAnalyzers.Tests.Verifiers.KubernetesClient17Stubs.Source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", KMA103_Run.ShopRegistry));
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104", "KMA118" });
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/api:2", "registry.shop.example", string.Empty));
        return test.RunAsync();
    }

    // A spec handed to the constructor of an object that is not a model may be kept there and given pull secrets by a
    // later call on that object, which names no spec: stay silent (a false report costs more than a missed one).
    [Fact]
    public Task ASpecHandedToAnObjectsConstructor_IsNotReported() =>
        Run("""
            using System.Collections.Generic;
            using k8s.Models;

            sealed class PodBuilder
            {
                private readonly V1PodSpec _spec;

                public PodBuilder(V1PodSpec spec) => _spec = spec;

                public V1PodSpec Secure()
                {
                    _spec.ImagePullSecrets = new List<V1LocalObjectReference> { new() { Name = "shop-registry" } };
                    return _spec;
                }
            }

            static class Manifests
            {
                public static V1PodSpec Inline() => new PodBuilder(new V1PodSpec
                {
                    Containers = new List<V1Container> { new() { Name = "app", Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" } },
                }).Secure();

                public static V1PodSpec ThroughALocal()
                {
                    var spec = new V1PodSpec
                    {
                        Containers = new List<V1Container> { new() { Name = "app", Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" } },
                    };
                    var builder = new PodBuilder(spec);
                    return builder.Secure();
                }
            }
            """);

    private static Task Run(string source, params DiagnosticResult[] expected) => KMA103_Run.Analyzer(source, KMA103_Run.ShopRegistry, expected);
}
