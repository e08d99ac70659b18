using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>
/// KMA103 on pod specs reached under another name than the one they are created in: a second local
/// (<c>var s2 = spec;</c>).
/// </summary>
public sealed class KMA103_SpecsUnderOtherNamesTests
{
    private const string EditorConfig = "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.shop.example\n";

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

            public static void Secure(V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "shop-registry" }];

            public static V1PodSpec? Last;

            public static void Keep(V1PodSpec spec) => Last = spec;
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

    private static Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));

        // Undefined (KMA101), unused (KMA102) or incomplete (KMA104) Secrets, and undefined service accounts (KMA118), are
        // not the subject here.
        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104", "KMA118" });
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
