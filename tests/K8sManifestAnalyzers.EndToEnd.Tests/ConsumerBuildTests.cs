using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace K8sManifestAnalyzers.EndToEnd.Tests;

/// <summary>The package as a user meets it: installed in fresh projects, built, configured, fixed from the command line.</summary>
[Collection("package")]
public sealed class ConsumerBuildTests(PackageFixture package)
{
    internal const string Mistakes = """
        using System.Collections.Generic;
        using k8s.Models;

        public sealed class OperatorOptions { public string DefaultImage { get; set; } = "datalust/seq:latest"; }

        public static class Manifests
        {
            public static List<V1Container> Containers(string image) =>
            [
                new() { Name = "a", Image = image },
                new() { Name = "b", Image = "nginx:1.27" },
                new() { Name = "c", Image = "nginx:1.27", ImagePullPolicy = "ifnotpresent" },
                new() { Name = "d", Image = "nginx:latest", ImagePullPolicy = "IfNotPresent" },
            ];

            public static V1Container Seq(string? image, OperatorOptions options) =>
                new() { Name = "seq", Image = image ?? options.DefaultImage, ImagePullPolicy = "Always" };
        }
        """;

    [Fact]
    public void Build_ReportsFindingsWithHelpLinks_AndWarningsAsErrorsFailsIt()
    {
        var consumer = package.NewConsumer("mistakes").Project().Write("Manifests.cs", Mistakes);
        var (exit, output) = consumer.Build();

        // KMA002 is an error by default: the API server would reject the object.
        Assert.NotEqual(0, exit);
        var findings = Consumer.Findings(output);
        Assert.Contains(findings, f => f.Contains("warning KMA001", StringComparison.Ordinal) && f.Contains("/docs/rules/KMA001.md", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("error KMA002", StringComparison.Ordinal) && f.Contains("'ifnotpresent'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA003", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA005", StringComparison.Ordinal) && f.Contains("the default of OperatorOptions.DefaultImage", StringComparison.Ordinal));

        var strict = consumer.Build("-p:TreatWarningsAsErrors=true");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error KMA001", strict.Output, StringComparison.Ordinal);

        // Without the error, warnings alone do not fail the build, until TreatWarningsAsErrors.
        consumer.Write("Manifests.cs", Mistakes.Replace("\"ifnotpresent\"", "\"IfNotPresent\"", StringComparison.Ordinal));
        Assert.Equal(0, consumer.Build().ExitCode);
        Assert.NotEqual(0, consumer.Build("-p:TreatWarningsAsErrors=true").ExitCode);
    }

    [Fact]
    public void Severities_Suppressions_AndOptions_AreHonoured()
    {
        var consumer = package.NewConsumer("config").Project()
            .Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KMA005.severity = none\nk8s_manifests.allowed_registries = registry.example.com\n")
            .Write("strict/.editorconfig", "[*.cs]\ndotnet_diagnostic.KMA001.severity = error\n")
            .Write("Manifests.cs", """
                using k8s.Models;

                public static class Manifests
                {
                    public static V1Container A() => new() { Name = "a", Image = "nginx:latest", ImagePullPolicy = "Always" };

                #pragma warning disable KMA008
                    public static V1Container B() => new() { Name = "b", Image = "quay.io/app:1", ImagePullPolicy = "Always" };
                #pragma warning restore KMA008

                    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "KMA008:Image is not from an allowed registry", Justification = "test")]
                    public static V1Container C() => new() { Name = "c", Image = "quay.io/app:2", ImagePullPolicy = "Always" };

                    // A compilation-end rule (KMA101): suppressed once by pragma, once by attribute, reported once.
                #pragma warning disable KMA101
                    public static V1PodSpec P() => new() { ImagePullSecrets = [new() { Name = "by-pragma" }], Containers = [] };
                #pragma warning restore KMA101

                    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "KMA101:Pull secret is not defined", Justification = "test")]
                    public static V1PodSpec Q() => new() { ImagePullSecrets = [new() { Name = "by-attribute" }], Containers = [] };

                    public static V1PodSpec R() => new() { ImagePullSecrets = [new() { Name = "reported" }], Containers = [] };
                }
                """)
            .Write("strict/Strict.cs", """
                using k8s.Models;

                public static class Strict
                {
                    public static V1Container D() => new() { Name = "d", Image = "registry.example.com/app:1" };
                }
                """);
        var (exit, output) = consumer.Build();
        var findings = Consumer.Findings(output);
        Assert.NotEqual(0, exit);
        Assert.DoesNotContain(findings, f => f.Contains("KMA005", StringComparison.Ordinal));
        Assert.Single(findings, f => f.Contains("KMA008", StringComparison.Ordinal) && f.Contains("nginx:latest", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("quay.io", StringComparison.Ordinal));
        Assert.Single(findings, f => f.Contains("KMA101", StringComparison.Ordinal) && f.Contains("'reported'", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("by-pragma", StringComparison.Ordinal) || f.Contains("by-attribute", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("Strict.cs", StringComparison.Ordinal) && f.Contains("error KMA001", StringComparison.Ordinal));
    }

    // The peer-linter checks, as a user turns them on: a moved registry (on by default), a team's mutable tags, and the
    // opt-in digest and Always rules.
    [Fact]
    public void PeerChecks_MovedRegistry_MutableTags_AndOptInRules_Report()
    {
        var consumer = package.NewConsumer("peers").Project()
            .Write(".editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.mutable_tags = main, nightly-*\ndotnet_diagnostic.KMA011.severity = warning\ndotnet_diagnostic.KMA012.severity = warning\n")
            .Write("Manifests.cs", """
                using k8s.Models;

                public static class Manifests
                {
                    public static V1Container Pause() => new() { Name = "pause", Image = "k8s.gcr.io/pause:3.9", ImagePullPolicy = "Always" };
                    public static V1Container Api() => new() { Name = "api", Image = "ghcr.io/acme/api:main", ImagePullPolicy = "IfNotPresent" };
                }
                """);
        var (_, output) = consumer.Build();
        var findings = Consumer.Findings(output);
        Assert.Contains(findings, f => f.Contains("warning KMA010", StringComparison.Ordinal) && f.Contains("'registry.k8s.io/pause:3.9'", StringComparison.Ordinal) && f.Contains("/docs/rules/KMA010.md", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA005", StringComparison.Ordinal) && f.Contains("tag 'main'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA003", StringComparison.Ordinal) && f.Contains("tag 'main'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA011", StringComparison.Ordinal) && f.Contains("k8s.gcr.io/pause:3.9", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA012", StringComparison.Ordinal) && f.Contains("'IfNotPresent'", StringComparison.Ordinal));
    }

    // An Aspire app host consuming the package: the images Aspire composes from AddContainer and WithImage* calls, and
    // WithImagePullPolicy, are checked with the same ids; correct containers stay silent.
    [Fact]
    public void AspireAppHost_ImagesAndPullPolicies_AreChecked()
    {
        var consumer = package.NewConsumer("apphost").AspireAppHost()
            .Write("AppHost.cs", """
                var builder = DistributedApplication.CreateBuilder(args);
                builder.AddContainer("seq", "datalust/seq");
                builder.AddContainer("worker", "ghcr.io/acme/worker:latest").WithImagePullPolicy(ImagePullPolicy.Missing);
                builder.AddContainer("pause", "k8s.gcr.io/pause", "3.9");
                builder.AddContainer("cache", "redis", "7.4.1").WithImagePullPolicy(ImagePullPolicy.Missing);
                builder.AddContainer("docs", "nginx").WithImageTag("1.27.3").WithImageRegistry("docker.io");
                builder.Build().Run();
                """);
        var (exit, output) = consumer.Build();
        var findings = Consumer.Findings(output);
        Assert.True(exit == 0, output);
        Assert.Contains(findings, f => f.Contains("warning KMA005", StringComparison.Ordinal) && f.Contains("'datalust/seq'", StringComparison.Ordinal) && f.Contains("Aspire uses 'latest'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA003", StringComparison.Ordinal) && f.Contains("ImagePullPolicy.Missing", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("warning KMA010", StringComparison.Ordinal) && f.Contains("k8s.gcr.io/pause:3.9", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("redis", StringComparison.Ordinal) || f.Contains("nginx", StringComparison.Ordinal));
    }

    // YAML manifests handed to the compiler as AdditionalFiles: YamlDotNet, packed beside the analyzer, loads in a fresh
    // consumer build (a YAML finding appears, with no AD0001 or CS8032), in a project without KubernetesClient too;
    // the file's options apply, and a .globalconfig's severities.
    [Fact]
    public void YamlManifests_InAdditionalFiles_AreChecked()
    {
        var consumer = package.NewConsumer("yaml").Project(kubernetesClient: null, extra: "</PropertyGroup><ItemGroup><AdditionalFiles Include=\"deploy/**/*.yaml\" /></ItemGroup><PropertyGroup>")
            .Write("Program.cs", "public static class Program { public static void Main() { } }\n")
            .Write(".editorconfig", "root = true\n\n[*.yaml]\nk8s_manifests.mutable_tags = main\n")
            .Write(".globalconfig", "is_global = true\ndotnet_diagnostic.KMA010.severity = error\n")
            .Write("deploy/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: api }
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: ghcr.io/acme/api:main
                          imagePullPolicy: IfNotPresent
                        - name: pause
                          image: k8s.gcr.io/pause:3.9
                          imagePullPolicy: Always
                        - name: web
                          image: nginx:1.27
                """)
            .Write("deploy/broken.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n")
            .Write("deploy/chart/templates/pod.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: {{ .Values.image }}\n");
        var (exit, output) = consumer.Build();
        var findings = Consumer.Findings(output);
        Assert.DoesNotContain("AD0001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", output, StringComparison.Ordinal);
        Assert.Contains(findings, f => f.Contains("app.yaml(9,", StringComparison.Ordinal) && f.Contains("warning KMA005", StringComparison.Ordinal) && f.Contains("tag 'main'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("app.yaml(10,", StringComparison.Ordinal) && f.Contains("warning KMA003", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("app.yaml(12,", StringComparison.Ordinal) && f.Contains("error KMA010", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("app.yaml(15,", StringComparison.Ordinal) && f.Contains("warning KMA001", StringComparison.Ordinal) && f.Contains("'IfNotPresent'", StringComparison.Ordinal));
        Assert.Single(findings, f => f.Contains("broken.yaml", StringComparison.Ordinal) && f.Contains("warning KMA301", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("pod.yaml", StringComparison.Ordinal));
        Assert.NotEqual(0, exit);
    }

    [Fact]
    public void GlobalConfig_AndPresets_Apply()
    {
        var consumer = package.NewConsumer("presets").Project(extra: "<K8sManifestAnalyzersAllErrors>true</K8sManifestAnalyzersAllErrors>")
            .Write("Manifests.cs", "using k8s.Models;\npublic static class M { public static V1Container A() => new() { Name = \"a\", Image = \"nginx:latest\", ImagePullPolicy = \"Always\" }; }\n");
        var all = consumer.Build();
        Assert.Contains("error KMA005", all.Output, StringComparison.Ordinal);

        // A user's global config wins over the preset.
        consumer.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.KMA005.severity = suggestion\n");
        var relaxed = consumer.Build();
        Assert.DoesNotContain("KMA005", string.Join("\n", Consumer.Findings(relaxed.Output)), StringComparison.Ordinal);

        var tests = package.NewConsumer("testproject").Project(extra: "<IsTestProject>true</IsTestProject>")
            .Write("Manifests.cs", "using k8s.Models;\npublic static class M { public static V1Container A() => new() { Name = \"a\", Image = \"nginx:latest\" }; }\n");
        var relaxedTests = Consumer.Findings(tests.Build().Output);
        Assert.DoesNotContain(relaxedTests, f => f.Contains("KMA001", StringComparison.Ordinal) || f.Contains("KMA005", StringComparison.Ordinal));
        var strictTests = Consumer.Findings(tests.Build("-p:K8sManifestAnalyzersRelaxTestProjects=false").Output);
        Assert.Contains(strictTests, f => f.Contains("warning KMA001", StringComparison.Ordinal));
    }

    // The preset files are older than any build output, so without the package's preset stamp CoreCompile stayed up to
    // date when only the preset changed, and the second build reported nothing.
    [Fact]
    public void Presets_TakeEffectOnAnIncrementalBuild()
    {
        var consumer = package.NewConsumer("incremental").Project()
            .Write("Manifests.cs", "using k8s.Models;\npublic static class M { public static V1Container A() => new() { Name = \"a\", Image = \"nginx:latest\", ImagePullPolicy = \"Always\" }; }\n");
        var first = consumer.Build(incremental: true);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("warning KMA005", first.Output, StringComparison.Ordinal);

        var strict = consumer.Build("-p:K8sManifestAnalyzersAllErrors=true", incremental: true);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("error KMA005", strict.Output, StringComparison.Ordinal);

        var again = consumer.Build(incremental: true);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("warning KMA005", again.Output, StringComparison.Ordinal);
    }

    // Each run used to leave k8smanifestanalyzers/0.1.0-e2e.* in the user's global packages folder.
    [Fact]
    public void Consumers_RestoreThePackageIntoTheRunsOwnFolder_AndReadOthersFromTheUsersFolder()
    {
        var consumer = package.NewConsumer("restore").Project();
        var restore = Consumer.Run(consumer.Folder, "dotnet", "restore", TimeSpan.FromMinutes(5));
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.True(Directory.Exists(Path.Combine(package.Packages, "k8smanifestanalyzers", package.Version)));
        Assert.False(Directory.Exists(package.PackageInUserPackages), package.PackageInUserPackages);

        // A package the user's folder has (KubernetesClient 21.0.8 is there once the solution is restored: the unit
        // tests reference it) is read from there, not downloaded again.
        if (Directory.Exists(Path.Combine(package.UserPackages, "kubernetesclient", "21.0.8")))
        {
            Assert.False(Directory.Exists(Path.Combine(package.Packages, "kubernetesclient", "21.0.8")));
        }
    }

    [Fact]
    public void ErrorLog_IsSarif21_WithRuleMetadata()
    {
        var consumer = package.NewConsumer("sarif").Project().Write("Manifests.cs", Mistakes);
        string log = Path.Combine(consumer.Folder, "findings.sarif");
        // The comma is escaped: on the command line it would end the property value.
        var (_, output) = consumer.Build($"\"-p:ErrorLog={log}%2Cversion=2.1\"");
        Assert.True(File.Exists(log), output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(log));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Contains(run.GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "KMA001");
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().First(r => r.GetProperty("id").GetString() == "KMA001");
        Assert.EndsWith("/docs/rules/KMA001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    // Issue: several rule ids in one run were fixed only sometimes. Three runs, each must fix them all.
    [Fact]
    public void DotnetFormat_FixesEveryRuleTogether_EveryTime()
    {
        for (int run = 0; run < 3; run++)
        {
            var consumer = package.NewConsumer("format").Project().Write("Manifests.cs", Mistakes);
            // The command the README gives.
            var format = consumer.Format(Readme.FormatArguments);
            Assert.True(format.ExitCode == 0, format.Output);
            string fixedText = consumer.Read("Manifests.cs");
            Assert.Contains("new() { Name = \"b\", Image = \"nginx:1.27\", ImagePullPolicy = \"IfNotPresent\" }", fixedText, StringComparison.Ordinal);
            Assert.Contains("new() { Name = \"c\", Image = \"nginx:1.27\", ImagePullPolicy = \"IfNotPresent\" }", fixedText, StringComparison.Ordinal);
            Assert.Contains("new() { Name = \"d\", Image = \"nginx:latest\", ImagePullPolicy = \"Always\" }", fixedText, StringComparison.Ordinal);
            Assert.Contains("new() { Name = \"a\", Image = image }", fixedText, StringComparison.Ordinal);

            var findings = Consumer.Findings(consumer.Build().Output);
            Assert.DoesNotContain(findings, f => f.Contains("KMA002", StringComparison.Ordinal) || f.Contains("KMA003", StringComparison.Ordinal));
            Assert.Single(findings, f => f.Contains("KMA001", StringComparison.Ordinal));
        }
    }

    // A test project that sees the main project's internals and declares its own image used to get CS0436 (an error
    // under warnings-as-errors) in generated files, both projects' generated types being visible to it.
    [Fact]
    public void TestProjectSeeingInternals_WithItsOwnImage_BuildsWithWarningsAsErrors()
    {
        string project(string extra) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KubernetesClient" Version="21.0.8" />
                <PackageReference Include="K8sManifestAnalyzers" Version="{package.Version}" PrivateAssets="all" />
                {extra}
              </ItemGroup>
            </Project>
            """;
        var consumer = package.NewConsumer("internals")
            .Write("Main/Main.csproj", project("""<InternalsVisibleTo Include="Tests" />"""))
            .Write("Main/Images.cs", """
                namespace Main;

                [K8sManifests.ContainerImage("ghcr.io/acme/api")]
                internal static partial class ApiImage;

                internal static class Pods
                {
                    internal static k8s.Models.V1Container Api() => ApiImage.Tag("1.0").ToContainer("api");
                }
                """)
            .Write("Tests/Tests.csproj", project("""<ProjectReference Include="../Main/Main.csproj" />"""))
            .Write("Tests/ToolImage.cs", """
                namespace Tests;

                [K8sManifests.ContainerImage("ghcr.io/acme/tool")]
                internal static partial class ToolImage;

                internal static class Use
                {
                    internal static string Run() => ToolImage.Tag("2.0").ToContainer("tool").Image + Main.Pods.Api().Image + Main.ApiImage.Repository;
                }
                """);
        var build = consumer.Build("Tests/Tests.csproj");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("CS0436", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Builders_AreGenerated_AndTheirDiagnosticsAppear()
    {
        var consumer = package.NewConsumer("builders").Project().Write("Images.cs", """
            using k8s.Models;
            using K8sManifests;

            [ContainerImage("busybox", PullSecret = "hub-mirror")]
            public static partial class Busybox;

            public static class Pods
            {
                public static V1PodSpec Spec()
                {
                    var spec = new V1PodSpec();
                    Busybox.Tag("1.36").AddInitContainerTo(spec, "wait");
                    Busybox.Tag("latest").AddTo(spec, "main");
                    return spec;
                }
            }
            """);
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.Contains(Consumer.Findings(output), f => f.Contains("warning KMA203", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("19.0.2", "net10.0")]
    [InlineData("21.0.8", "net8.0;net10.0")]
    public void KubernetesClientVersions_AndMultiTargeting_Work(string client, string frameworks)
    {
        var consumer = package.NewConsumer("client").Project(client, frameworks)
            .Write("Manifests.cs", "using k8s.Models;\npublic static class M { public static V1Container A() => new() { Name = \"a\", Image = \"nginx:1.27\" }; }\n");
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.Contains(Consumer.Findings(output), f => f.Contains("warning KMA001", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectWithoutKubernetesClient_GetsNoWarningFromUs()
    {
        var consumer = package.NewConsumer("plain").Project(kubernetesClient: null)
            .Write("Program.cs", "public static class Program { public const string Login = \"{\\\"username\\\":\\\"alice\\\",\\\"password\\\":\\\"hunter2\\\"}\"; public static void Main() { } }\n");
        var (exit, output) = consumer.Build("-p:TreatWarningsAsErrors=true");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("KMA", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8032", output, StringComparison.Ordinal);
    }
}

[CollectionDefinition("package")]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
}

/// <summary>The package itself: its exact file list and metadata.</summary>
[Collection("package")]
public sealed class PackageContentTests(PackageFixture package)
{
    [Fact]
    public void Package_HasExactlyTheseFiles()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package.Package);
        var files = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/services/", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "K8sManifestAnalyzers.nuspec",
                "README.md",
                "[Content_Types].xml",
                "_rels/.rels",
                "analyzers/dotnet/cs/K8sManifestAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/K8sManifestAnalyzers.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "build/K8sManifestAnalyzers.AllErrors.globalconfig",
                "build/K8sManifestAnalyzers.TestProjects.globalconfig",
                "build/K8sManifestAnalyzers.targets",
            }.OrderBy(n => n, StringComparer.Ordinal).ToArray(),
            files);

        using var nuspec = new StreamReader(zip.GetEntry("K8sManifestAnalyzers.nuspec")!.Open());
        string text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">Apache-2.0</license>", text, StringComparison.Ordinal);
        Assert.Contains("<repository type=\"git\" url=\"https://", text, StringComparison.Ordinal);
        Assert.Contains("<tags>", text, StringComparison.Ordinal);

        // The description names all three parts a user gets: the generator and the Secret/ConfigMap rules too.
        Assert.Contains("source generator", text, StringComparison.Ordinal);
        Assert.Contains("Secrets and ConfigMaps", text, StringComparison.Ordinal);

        // The license the package declares is the repository's.
        string license = File.ReadAllText(Path.Combine(PackageFixture.RepositoryRoot, "LICENSE"));
        Assert.Contains("Apache License\n                           Version 2.0, January 2004", license, StringComparison.Ordinal);
        Assert.Contains("Copyright 2026 K8sManifestAnalyzers contributors", license, StringComparison.Ordinal);
    }

    // A deterministic build marks its assemblies with a "reproducible" debug directory entry.
    [Theory]
    [InlineData("analyzers/dotnet/cs/K8sManifestAnalyzers.dll")]
    [InlineData("analyzers/dotnet/cs/K8sManifestAnalyzers.CodeFixes.dll")]
    public void Assemblies_AreBuiltDeterministically(string entry)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package.Package);
        using var stream = new MemoryStream();
        using (var source = zip.GetEntry(entry)!.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.Reproducible);
    }
}
