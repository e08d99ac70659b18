using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// One bad container (a mutable image from a private registry that is not allowed, <c>IfNotPresent</c>, no pull
/// secret) built in each common idiom: every rule that judges it must report it whatever the idiom, because the
/// rules read the same containers. KMA005 (mutable tag), KMA008 (registry not allowed), KMA003 (policy never pulls a
/// mutable tag) and KMA103 (private registry, no pull secret); with a malformed image and a misspelt policy, KMA004
/// and KMA002; with a pinned image from an allowed registry, nothing.
/// </summary>
public sealed class OneContainerEveryIdiomTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using k8s.Models;

        static class Images
        {
            public const string Const = "registry.shop.example/shop/app:latest";
            public static readonly string Field = "registry.shop.example/shop/app:latest";
        }

        sealed record Row(string Name, string Image);

        sealed class Options
        {
            public string? Image { get; set; }
            public string DefaultImage { get; set; } = "registry.shop.example/shop/app:latest";
            public static readonly string Fallback = "registry.shop.example/shop/app:latest";
        }

        static class Helpers
        {
            public static V1Container App() => new() { Name = "app", Image = Images.Const, ImagePullPolicy = "IfNotPresent" };
            public static V1Container Make(string image, string policy) => new() { Name = "app", Image = image, ImagePullPolicy = policy };
            public static void Configure(V1Container c) { c.Image = Images.Field; c.ImagePullPolicy = "IfNotPresent"; }
            public static V1Container WithImage(this V1Container c, string image) { c.Image = image; return c; }
            public static V1Container WithPolicy(this V1Container c, string policy) { c.ImagePullPolicy = policy; return c; }
        }

        """;

    private static readonly string[] All = { "KMA003", "KMA005", "KMA008", "KMA103" };

    public static TheoryData<string, string> Idioms() => new()
    {
        { "inline", """new V1PodSpec { Containers = [new() { Name = "app", Image = "registry.shop.example/shop/app:latest", ImagePullPolicy = "IfNotPresent" }] }""" },
        { "const field", """new V1PodSpec { Containers = [new() { Name = "app", Image = Images.Const, ImagePullPolicy = "IfNotPresent" }] }""" },
        { "static readonly field", """new V1PodSpec { Containers = [new() { Name = "app", Image = Images.Field, ImagePullPolicy = "IfNotPresent" }] }""" },
        { "option default behind ??", """new V1PodSpec { Containers = [new() { Name = "app", Image = options.Image ?? options.DefaultImage, ImagePullPolicy = "IfNotPresent" }] }""" },
        { "static default behind ??", """new V1PodSpec { Containers = [new() { Name = "app", Image = options.Image ?? Options.Fallback, ImagePullPolicy = "IfNotPresent" }] }""" },
        { "ternary, same arms", """new V1PodSpec { Containers = [new() { Name = "app", Image = flag ? Images.Const : Images.Field, ImagePullPolicy = flag ? "IfNotPresent" : "Never" }] }""" },
        { "switch arms", """new V1PodSpec { Containers = [new() { Name = "app", Image = name switch { "a" => Images.Const, _ => Images.Field }, ImagePullPolicy = "IfNotPresent" }] }""" },
        { "local image", """
            var image = Images.Field;
            return new V1PodSpec { Containers = [new() { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" }] };
            """ },
        { "local assigned on two paths", """
            string image;
            if (flag) image = Images.Const; else image = Images.Field;
            return new V1PodSpec { Containers = [new() { Name = "app", Image = image, ImagePullPolicy = "IfNotPresent" }] };
            """ },
        { "container in a local", """
            var app = new V1Container { Name = "app", Image = Images.Const, ImagePullPolicy = "IfNotPresent" };
            return new V1PodSpec { Containers = [app] };
            """ },
        { "container in a local, written later", """
            var app = new V1Container { Name = "app" };
            app.Image = Images.Field;
            app.ImagePullPolicy = "IfNotPresent";
            return new V1PodSpec { Containers = new List<V1Container> { app } };
            """ },
        { "later write through the spec", """
            var spec = new V1PodSpec { Containers = [new() { Name = "app" }] };
            spec.Containers[0].Image = Images.Const;
            spec.Containers[0].ImagePullPolicy = "IfNotPresent";
            return spec;
            """ },
        { "element access through the pod", """
            var pod = new V1Pod { Spec = new() { Containers = [new() { Name = "app" }] } };
            pod.Spec.Containers[0].Image = options.Image ?? options.DefaultImage;
            pod.Spec.Containers[0].ImagePullPolicy = "IfNotPresent";
            return pod.Spec;
            """ },
        { "deployment, container local", """
            var app = new V1Container { Name = "app", Image = Images.Field, ImagePullPolicy = "IfNotPresent" };
            var deployment = new V1Deployment { Spec = new() { Template = new() { Spec = new() { InitContainers = [app], Containers = [] } } } };
            return deployment.Spec.Template.Spec;
            """ },
        { "helper writes the container", """
            var app = new V1Container { Name = "app" };
            Helpers.Configure(app);
            return new V1PodSpec { Containers = [app] };
            """ },
        { "factory", """new V1PodSpec { Containers = [Helpers.App()] }""" },
        { "factory with arguments", """new V1PodSpec { Containers = [Helpers.Make(Images.Const, "IfNotPresent")] }""" },
        { "factory into a local", """
            var app = Helpers.Make(Images.Field, "IfNotPresent");
            return new V1PodSpec { Containers = [app] };
            """ },
        { "fluent extension builder", """new V1PodSpec { Containers = [new V1Container { Name = "app" }.WithImage(Images.Const).WithPolicy("IfNotPresent")] }""" },
        { "added later", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            spec.Containers.Add(new V1Container { Name = "app", Image = Images.Const, ImagePullPolicy = "IfNotPresent" });
            return spec;
            """ },
        { "list assigned later", """
            var app = new V1Container { Name = "app", Image = Images.Const, ImagePullPolicy = "IfNotPresent" };
            var spec = new V1PodSpec();
            spec.Containers = new List<V1Container> { app };
            return spec;
            """ },
        { "loop", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            foreach (var sidecar in new[] { "app", "log" })
            {
                spec.Containers.Add(new V1Container { Name = sidecar, Image = Images.Field, ImagePullPolicy = "IfNotPresent" });
            }

            return spec;
            """ },
        { "get-or-create", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            var c = spec.Containers.FirstOrDefault(x => x.Name == "app");
            if (c is null) spec.Containers.Add(c = new V1Container { Name = "app" });
            c.Image = options.Image ?? options.DefaultImage;
            c.ImagePullPolicy = "IfNotPresent";
            return spec;
            """ },
        { "get-or-create, added after", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            var c = spec.Containers.FirstOrDefault(x => x.Name == "app");
            if (c is null)
            {
                c = new V1Container { Name = "app" };
                spec.Containers.Add(c);
            }

            c.Image = Images.Field;
            c.ImagePullPolicy = "IfNotPresent";
            return spec;
            """ },
        { "foreach over the spec's containers", """
            var spec = new V1PodSpec { Containers = [new() { Name = "app" }] };
            foreach (var c in spec.Containers)
            {
                c.Image = Images.Const;
                c.ImagePullPolicy = "IfNotPresent";
            }

            return spec;
            """ },
        { "local function", """
            V1Container App() => new() { Name = "app", Image = Images.Field, ImagePullPolicy = "IfNotPresent" };
            return new V1PodSpec { Containers = [App()] };
            """ },
        { "static table of tuples", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            foreach (var job in Jobs)
            {
                spec.Containers.Add(new V1Container { Name = job.Name, Image = job.Image, ImagePullPolicy = "IfNotPresent" });
            }

            return spec;
            """ },
        { "static table, deconstructed", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            foreach (var (job, image, _) in Jobs)
            {
                spec.Containers.Add(new V1Container { Name = job, Image = image, ImagePullPolicy = "IfNotPresent" });
            }

            return spec;
            """ },
        { "static table of records", """
            var spec = new V1PodSpec { Containers = new List<V1Container>() };
            foreach (var row in Rows)
            {
                spec.Containers.Add(new V1Container { Name = row.Name, Image = row.Image, ImagePullPolicy = "IfNotPresent" });
            }

            return spec;
            """ },
        { "with copy", """new V1PodSpec { Containers = [Base with { Image = Images.Const, ImagePullPolicy = "IfNotPresent" }] }""" },
    };

    [Theory]
    [MemberData(nameof(Idioms))]
    public async Task EveryRule_ReportsTheContainer(string idiom, string build)
    {
        string source = Source(build);
        var ids = await ReportedIds(source, privateRegistries: "registry.shop.example, ghcr.io/acme");
        Assert.True(All.All(ids.Contains), $"{idiom}: expected {string.Join(", ", All)}, got {string.Join(", ", ids)}");
    }

    // The same idioms with a malformed image (uppercase path) and a misspelt policy: KMA004 and KMA002 on each.
    [Theory]
    [MemberData(nameof(Idioms))]
    public async Task EveryRule_ReportsTheMalformedContainer(string idiom, string build)
    {
        string source = Source(build)
            .Replace("registry.shop.example/shop/app:latest", "registry.shop.example/Shop/App:1.0", System.StringComparison.Ordinal)
            .Replace("\"IfNotPresent\"", "\"ifnotpresent\"", System.StringComparison.Ordinal);
        var ids = await ReportedIds(source, privateRegistries: "registry.shop.example");
        Assert.True(ids.Contains("KMA002") && ids.Contains("KMA004"), $"{idiom}: expected KMA002, KMA004, got {string.Join(", ", ids)}");
    }

    // A correct container in the same idioms: no rule reports it (a pinned tag from an allowed registry that needs no
    // pull secret).
    [Theory]
    [MemberData(nameof(Idioms))]
    public async Task NoRule_ReportsACorrectContainer(string idiom, string build)
    {
        string source = Source(build).Replace("registry.shop.example/shop/app:latest", "ghcr.io/acme/app:1.4.2", System.StringComparison.Ordinal).Replace("\"Never\"", "\"IfNotPresent\"", System.StringComparison.Ordinal);
        var ids = await ReportedIds(source, privateRegistries: "registry.shop.example");
        Assert.True(ids.IsEmpty, $"{idiom}: expected nothing, got {string.Join(", ", ids)}");
    }

    // The idiom as the body of a method that returns the pod spec.
    private static string Source(string build)
    {
        string body = build.Contains("return ", System.StringComparison.Ordinal) ? build : "return " + build + ";";
        return Prelude + $$"""
            static class Manifests
            {
                static readonly V1Container Base = new() { Name = "app", Image = "docker.io/library/busybox:1.36", ImagePullPolicy = "Always" };
                static readonly (string Name, string Image, string Schedule)[] Jobs = { ("report", Images.Const, "0 * * * *"), ("cleanup", Images.Field, "0 3 * * *") };
                static readonly Row[] Rows = [new("app", Images.Field), new Row("log", Images.Const)];

                public static V1PodSpec Build(Options options, bool flag, string name)
                {
            {{body}}
                }
            }
            """;
    }

    // On GeneratorHarness's compilation: each idiom is asked which rules fire, not where (the verifier wants every finding placed).
    private static async Task<ImmutableArray<string>> ReportedIds(string source, string privateRegistries)
    {
        var compilation = GeneratorHarness.Compilation(source, GeneratorHarness.Net80(withKubernetes: true));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuilderRulesTests.ConfigOptions(
            "k8s_manifests.private_registries = " + privateRegistries,
            "k8s_manifests.allowed_registries = ghcr.io/acme, docker.io/library"));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerAnalyzer(), new PullSecretAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(d => d.Id).Distinct().OrderBy(id => id).ToImmutableArray();
    }
}
