using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>
/// KMA103 on pod specs reached under another name than the one they are created in: a second local
/// (<c>var s2 = spec;</c>), the local that keeps a pod or template given back by helpers
/// (<c>var pod = new V1Pod { Spec = … }.Also(…)</c>), and method groups bound to a receiver passed where a lambda
/// would be (<c>spec.With(options.AddSidecar)</c>).
/// </summary>
public sealed class KMA103_SpecsUnderOtherNamesTests
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

            public static void AddApp(V1PodSpec spec, string image) => spec.Containers.Add(new V1Container { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" });

            public static void AddDefault(V1PodSpec spec) =>
                spec.Containers.Add(new V1Container { Name = "default", Image = "registry.shop.example/shop/default:1", ImagePullPolicy = "IfNotPresent" });

            public static void Secure(V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "shop-registry" }];

            public static V1PodSpec? Last;

            public static void Keep(V1PodSpec spec) => Last = spec;

            public static void ConfigureThrough(V1PodSpec spec, Action<V1PodSpec> configure) => Configure(spec, configure);

            public static void Configure(V1PodSpec spec, Action<V1PodSpec> configure) => configure(spec);
        }

        sealed class Options
        {
            public string Registry { get; set; } = "registry.shop.example";
        }

        static class Registries
        {
            public const string Shop = "registry.shop.example";
        }

        // Extension methods meant to be bound to a receiver and passed where a lambda would be.
        static class Sidecars
        {
            public static void AddSidecar(this Options options, V1PodSpec spec) =>
                spec.Containers.Add(new V1Container { Name = "sidecar", Image = "registry.shop.example/shop/sidecar:1", ImagePullPolicy = "IfNotPresent" });

            public static void AddFrom(this string registry, V1PodSpec spec) =>
                spec.Containers.Add(new V1Container { Name = "app", Image = registry + "/shop/app:1", ImagePullPolicy = "IfNotPresent" });

            public static void Secure(this Options options, V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "shop-registry" }];

            public static void AsBuilder(this Options options, V1PodSpec spec) => spec.ServiceAccountName = "builder";

            public static void SecureHeld(this V1Pod pod, V1PodSpec spec) => pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];

            public static void KeepIn(this List<V1PodSpec> all, V1PodSpec spec) => all.Add(spec);
        }

        static class Pods
        {
            public static V1Pod WithName(this V1Pod pod, string name)
            {
                pod.Metadata.Name = name;
                return pod;
            }

            public static V1Pod Secured(this V1Pod pod)
            {
                pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                return pod;
            }

            public static void AddWorker(V1Pod pod) =>
                pod.Spec.Containers.Add(new V1Container { Name = "worker", Image = "registry.shop.example/shop/worker:1", ImagePullPolicy = "IfNotPresent" });

            public static void Secure(V1Pod pod) => pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
        }

        interface IPods { void Apply(V1Pod pod); }

        class Configurer
        {
            public V1PodSpec? Held;

            public void AddApp(V1PodSpec spec) =>
                spec.Containers.Add(new V1Container { Name = "app", Image = "registry.shop.example/shop/configured:1", ImagePullPolicy = "IfNotPresent" });

            public void SecureHeld(V1PodSpec spec) => Held!.ImagePullSecrets = [new() { Name = "shop-registry" }];

            public virtual void Maybe(V1PodSpec spec) =>
                spec.Containers.Add(new V1Container { Name = "app", Image = "registry.shop.example/shop/maybe:1", ImagePullPolicy = "IfNotPresent" });
        }

        """;

    // The spec under a second local, or a chain of them, assigned once or given null on the other paths: what the body
    // adds to its lists through that name, and the pod it is placed in through that name, are the spec's.
    [Fact]
    public Task SpecsCompletedThroughASecondLocal_AreReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1Pod PlacedThroughTheAlias()
                {
                    var spec = {|#1:new V1PodSpec|} { Containers = [new() { Image = {|#0:"registry.shop.example/shop/app:1.0"|}, ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    var pod = new V1Pod();
                    pod.Spec = s2;
                    return pod;
                }

                public static V1PodSpec CompletedThroughTheAlias()
                {
                    var spec = {|#3:new V1PodSpec|} { Containers = new List<V1Container>() };
                    var s2 = spec;
                    s2.Containers.Add(new V1Container { Image = {|#2:"registry.shop.example/shop/api:2"|}, ImagePullPolicy = "IfNotPresent" });
                    s2.InitContainers = [new() { Image = {|#4:"registry.shop.example/shop/init:2"|}, ImagePullPolicy = "IfNotPresent" }];
                    return spec;
                }

                public static V1PodSpec ThroughAChainOfAliases()
                {
                    var spec = {|#6:new V1PodSpec|} { Containers = new List<V1Container>() };
                    var a = spec;
                    var b = a;
                    V1PodSpec c;
                    c = b;
                    c.Containers.Add(new V1Container { Image = {|#5:"registry.shop.example/shop/api:3"|}, ImagePullPolicy = "IfNotPresent" });
                    return spec;
                }

                public static V1PodSpec OnSomePaths(bool flag)
                {
                    var spec = {|#8:new V1PodSpec|} { Containers = new List<V1Container>() };
                    V1PodSpec? s2 = null;
                    if (flag)
                    {
                        s2 = spec;
                    }

                    s2!.Containers.Add(new V1Container { Image = {|#7:"registry.shop.example/shop/api:4"|}, ImagePullPolicy = "IfNotPresent" });
                    return spec;
                }

                public static V1PodSpec ThroughAHelper()
                {
                    var spec = {|#10:new V1PodSpec|} { Containers = new List<V1Container>() };
                    var s2 = spec;
                    Specs.AddApp(s2, {|#9:"registry.shop.example/shop/api:5"|});
                    return spec;
                }

                public static V1PodSpec WrittenThroughTheAlias()
                {
                    var spec = {|#12:new V1PodSpec|} { Containers = [new() { Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    s2.Containers[0].Image = {|#11:"registry.shop.example/shop/api:6"|};
                    return spec;
                }
            }
            """,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/api:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(3).WithArguments("registry.shop.example/shop/init:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(5).WithLocation(6).WithArguments("registry.shop.example/shop/api:3", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(7).WithLocation(8).WithArguments("registry.shop.example/shop/api:4", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(9).WithLocation(10).WithArguments("registry.shop.example/shop/api:5", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(11).WithLocation(12).WithArguments("registry.shop.example/shop/api:6", "registry.shop.example", string.Empty));

    // Pull secrets or a service account given through the second name (written, added, by a helper), the second name
    // handed to a method that may keep it or is not followed, stored, or given another object on some path: silent.
    [Fact]
    public Task PullSecretsThroughASecondLocalOrItsEscape_AreNotReported() =>
        Run(
            Helpers + """
            interface ISecrets { void Apply(V1PodSpec spec); }

            static class Manifests
            {
                static V1PodSpec? _kept;

                public static V1PodSpec Written()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    s2.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1PodSpec Added()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    var a = spec;
                    var b = a;
                    b.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    b.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                    b.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                    return spec;
                }

                public static V1PodSpec Account()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    s2.ServiceAccountName = "builder";
                    return spec;
                }

                public static V1PodSpec ByAHelper()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    var s2 = spec;
                    Specs.AddApp(s2, "registry.shop.example/shop/app:1.0");
                    Specs.Secure(s2);
                    return spec;
                }

                public static V1PodSpec OnSomePaths(bool flag)
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    V1PodSpec? s2 = null;
                    if (flag)
                    {
                        s2 = spec;
                    }

                    s2!.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1PodSpec KeptByAHelper()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    Specs.Keep(s2);
                    return spec;
                }

                public static V1PodSpec HandedToAnInterface(ISecrets secrets)
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    secrets.Apply(s2);
                    return spec;
                }

                public static V1PodSpec StoredInAField()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    _kept = s2;
                    _kept.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1PodSpec StoredInAList()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    var all = new List<V1PodSpec> { s2 };
                    all[0].ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1PodSpec EitherSpec(bool flag)
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var other = new V1PodSpec { Containers = [] };
                    var s2 = spec;
                    if (flag)
                    {
                        s2 = other;
                    }

                    s2.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                public static V1PodSpec ThroughThePod()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var s2 = spec;
                    var pod = new V1Pod { Spec = s2 };
                    pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return spec;
                }

                // Containers added through a name that may hold another spec are not this spec's.
                public static V1PodSpec MayBeAnother(bool flag, V1PodSpec given)
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container>() };
                    var s2 = flag ? spec : given;
                    s2.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    var s3 = spec;
                    if (flag)
                    {
                        s3 = given;
                    }

                    s3.Containers.Add(new V1Container { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" });
                    return spec;
                }
            }
            """);

    // A method group passed where a lambda would be: a static method, an instance method bound to its object, an extension
    // method bound to its receiver (a local, a parameter, a field, a constant the image is made of), also handed on
    // through a helper. What it adds through the spec is the spec's, on the call that hands it the spec (or, for a
    // constant the receiver gives, on that constant).
    [Fact]
    public Task ContainersAddedByBoundMethodGroups_AreReported() =>
        Run(
            Helpers + """
            sealed class Manifests
            {
                private readonly Options _options = new();

                public static V1PodSpec OnALocal()
                {
                    var options = new Options();
                    return {|#0:{|#1:new V1PodSpec|} { Containers = [] }.With(options.AddSidecar)|};
                }

                public static V1PodSpec OnAParameter(Options options) => {|#2:{|#3:new V1PodSpec|} { Containers = [] }.Also(options.AddSidecar)|};

                public V1PodSpec OnAField() => {|#4:{|#5:new V1PodSpec|} { Containers = [] }.With(_options.AddSidecar)|};

                public static V1PodSpec InstanceBound(Configurer configurer) => {|#6:{|#7:new V1PodSpec|} { Containers = [] }.With(configurer.AddApp)|};

                public static V1PodSpec ImageFromTheReceiver() => {|#9:new V1PodSpec|} { Containers = [] }.With({|#8:Registries.Shop|}.AddFrom);

                public static V1PodSpec HandedOn(Options options)
                {
                    var spec = {|#11:new V1PodSpec|} { Containers = [] };
                    {|#10:Specs.ConfigureThrough(spec, options.AddSidecar)|};
                    return spec;
                }

                public static V1PodSpec Static() => {|#12:{|#13:new V1PodSpec|} { Containers = [] }.With(Specs.AddDefault)|};
            }
            """,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/sidecar:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/sidecar:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(5).WithArguments("registry.shop.example/shop/sidecar:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(6).WithLocation(7).WithArguments("registry.shop.example/shop/configured:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(8).WithLocation(9).WithArguments("registry.shop.example/shop/app:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(10).WithLocation(11).WithArguments("registry.shop.example/shop/sidecar:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(12).WithLocation(13).WithArguments("registry.shop.example/shop/default:1", "registry.shop.example", string.Empty));

    // A bound method group that gives pull secrets or a service account, that keeps the spec, a virtual one, one held in a
    // local, or one bound to an object that may hold the spec (and may write it through that object): silent.
    [Fact]
    public Task BoundMethodGroupsThatMaySupplyPullSecrets_AreNotReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1PodSpec Secured(Options options) =>
                    new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] }.With(options.Secure);

                public static V1PodSpec Account(Options options) =>
                    new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] }.Also(options.AsBuilder);

                public static V1PodSpec SecuredHandedOn(Options options)
                {
                    var spec = new V1PodSpec { Containers = [] };
                    Specs.ConfigureThrough(spec, options.AddSidecar);
                    Specs.ConfigureThrough(spec, options.Secure);
                    return spec;
                }

                public static V1PodSpec Kept(List<V1PodSpec> all) =>
                    new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] }.With(all.KeepIn);

                public static V1PodSpec Virtual(Configurer configurer) => new V1PodSpec { Containers = [] }.With(configurer.Maybe);

                public static V1PodSpec InALocal(Options options)
                {
                    Action<V1PodSpec> add = options.AddSidecar;
                    return new V1PodSpec { Containers = [] }.With(add);
                }

                public static V1PodSpec ReceiverHoldsTheSpec()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var pod = new V1Pod { Spec = spec };
                    spec.With(pod.SecureHeld);
                    return spec;
                }

                public static V1PodSpec InstanceReceiverHoldsTheSpec()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var configurer = new Configurer();
                    configurer.Held = spec;
                    spec.With(configurer.SecureHeld);
                    return spec;
                }

                public static V1Pod ReceiverIsTheHolder() =>
                    new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }
                        .Also(p => p.Spec.With(p.SecureHeld));
            }
            """);

    // The object that holds the spec (a pod, a template) handed through helpers that give it back, the result kept in a
    // local: the spec's images, those the helpers and lambdas of the chain add through the holder, and those the body
    // adds later through the local or hands it with to a helper; also a spec local placed in a pod that is chained.
    [Fact]
    public Task SpecsInAHolderGivenBackAndKept_AreReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                public static V1Pod Kept()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = {|#1:new V1PodSpec|} { Containers = [new() { Image = {|#0:"registry.shop.example/shop/app:1.0"|}, ImagePullPolicy = "IfNotPresent" }] } }
                        .Also(p => p.Metadata.Name = "app");
                    return pod;
                }

                public static V1Pod KeptAndCompleted()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = {|#3:new V1PodSpec|} { Containers = [] } }
                        .Also(p => p.Spec.Containers.Add(new V1Container { Image = {|#2:"registry.shop.example/shop/api:2"|}, ImagePullPolicy = "IfNotPresent" }))
                        .WithName("api")
                        .Also(p => p.Spec.InitContainers = [new() { Image = {|#4:"registry.shop.example/shop/init:2"|}, ImagePullPolicy = "IfNotPresent" }]);
                    pod.Spec.Containers.Add(new V1Container { Image = {|#5:"registry.shop.example/shop/later:2"|}, ImagePullPolicy = "IfNotPresent" });
                    return pod;
                }

                public static V1Pod SpecLocalInAKeptPod()
                {
                    var spec = {|#7:new V1PodSpec|} { Containers = [new() { Image = {|#6:"registry.shop.example/shop/app:3"|}, ImagePullPolicy = "IfNotPresent" }] };
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = spec }.WithName("app");
                    return pod;
                }

                public static V1Pod HandedOn()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = {|#9:new V1PodSpec|} { Containers = [] } }.WithName("app");
                    {|#8:Pods.AddWorker(pod)|};
                    return pod;
                }

                public static V1Deployment Template()
                {
                    var template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta(), Spec = {|#11:new V1PodSpec|} { Containers = [] } }.Also(t => t.Metadata.Name = "app");
                    template.Spec.Containers.Add(new V1Container { Image = {|#10:"registry.shop.example/shop/app:4"|}, ImagePullPolicy = "IfNotPresent" });
                    return new V1Deployment { Spec = new V1DeploymentSpec { Template = template } };
                }
            }
            """,
            VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.shop.example/shop/app:1.0", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.shop.example/shop/api:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(4).WithLocation(3).WithArguments("registry.shop.example/shop/init:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(5).WithLocation(3).WithArguments("registry.shop.example/shop/later:2", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(6).WithLocation(7).WithArguments("registry.shop.example/shop/app:3", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(8).WithLocation(9).WithArguments("registry.shop.example/shop/worker:1", "registry.shop.example", string.Empty),
            VerifyCS.Diagnostic("KMA103").WithLocation(10).WithLocation(11).WithArguments("registry.shop.example/shop/app:4", "registry.shop.example", string.Empty));

    // Pull secrets or a service account given through the kept holder, by a helper or a lambda of the chain, by a helper
    // the holder is handed to, an interface given the holder, the holder kept in a field or under yet another name, or
    // through the pod a factory returns and the caller keeps: silent.
    [Fact]
    public Task SpecsInAKeptHolderThatMayGetPullSecrets_AreNotReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                static V1Pod? _last;

                public static V1Pod SecretThroughTheKeptPod()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }.WithName("app");
                    pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return pod;
                }

                public static V1Pod SecretInTheLambda()
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }
                        .Also(p => p.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }]);
                    return pod;
                }

                public static V1Pod SecretInTheChain()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }.WithName("app").Secured();
                    return pod;
                }

                public static V1Pod AccountThroughTheKeptPod()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }.WithName("app");
                    pod.Spec.ServiceAccountName = "builder";
                    return pod;
                }

                public static V1Pod HandedOnToASecuringHelper()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }.WithName("app");
                    Pods.Secure(pod);
                    return pod;
                }

                public static V1Pod HandedToAnInterface(IPods pods)
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }.WithName("app");
                    pods.Apply(pod);
                    return pod;
                }

                public static V1Pod KeptInAField()
                {
                    _last = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } }.WithName("app");
                    _last.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return _last;
                }

                public static V1Pod SpecLocalSecuredThroughTheKeptPod()
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] };
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = spec }.WithName("app");
                    pod.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return pod;
                }

                public static V1Pod KeptUnderAnotherName()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } };
                    var named = pod.WithName("app");
                    named.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return pod;
                }

                // A factory that returns the pod in a chain, kept by the caller, which gives the pod's spec pull secrets or an account.
                static V1Pod MakeKept(string image)
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = image, ImagePullPolicy = "IfNotPresent" }] } }.WithName("app");
                    return pod;
                }

                public static V1Pod[] FactoryPodsCompletedByTheCaller()
                {
                    var kept = MakeKept("registry.shop.example/shop/app:2.0");
                    kept.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    var account = MakeKept("registry.shop.example/shop/app:3.0").WithName("other");
                    account.Spec.ServiceAccountName = "builder";
                    return [kept, account];
                }

                public static V1Pod ChainResultHandedOn()
                {
                    var pod = new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = "registry.shop.example/shop/app:1.0", ImagePullPolicy = "IfNotPresent" }] } };
                    Pods.Secure(pod.WithName("app"));
                    return pod;
                }
            }
            """);

    // The caller of a factory that returns a pod keeps the pod and gives its spec pull secrets or a service account
    // through it: the images the call passes are not reported.
    [Fact]
    public Task PodsAFactoryReturnsCompletedByTheCaller_AreNotReported() =>
        Run(
            Helpers + """
            static class Manifests
            {
                static V1Pod Make(string image) =>
                    new V1Pod { Metadata = new V1ObjectMeta(), Spec = new V1PodSpec { Containers = [new() { Image = image, ImagePullPolicy = "IfNotPresent" }] } };

                public static V1Pod[] Completed()
                {
                    var made = Make("registry.shop.example/shop/app:1.0");
                    made.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    var account = Make("registry.shop.example/shop/app:2.0");
                    account.Spec.ServiceAccountName = "builder";
                    return [made, account];
                }
            }
            """);

    private static Task Run(string source, params DiagnosticResult[] expected) => KMA103_Run.Analyzer(source, KMA103_Run.ShopRegistry, expected);
}
