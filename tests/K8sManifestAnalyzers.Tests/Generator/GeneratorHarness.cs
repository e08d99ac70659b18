using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sManifestAnalyzers.Tests.Generator;

/// <summary>
/// Runs the generator on in-memory compilations against restored reference assemblies, for what the verifier family
/// does not do: incrementality by the driver's step tracking, running the generated code, the output compilation's
/// symbols, two projects, and the robustness tests' many runs with no expected output. Each user says why.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly string PackageRoot = typeof(GeneratorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NuGetPackageRoot").Value!;

    /// <summary>net8.0 framework references, optionally with KubernetesClient 21.</summary>
    public static ImmutableArray<MetadataReference> Net80(bool withKubernetes) =>
        FromFolder(Path.Combine(PackageRoot, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0"))
            .AddRange(withKubernetes
                ? new[] { MetadataReference.CreateFromFile(Path.Combine(PackageRoot, "kubernetesclient", "21.0.8", "lib", "net8.0", "KubernetesClient.dll")) }
                : Array.Empty<MetadataReference>());

    /// <summary>netstandard2.0 references (KubernetesClient has no netstandard2.0 build).</summary>
    public static ImmutableArray<MetadataReference> NetStandard20() =>
        FromFolder(Path.Combine(PackageRoot, "netstandard.library", "2.0.3", "build", "netstandard2.0", "ref"));

    public static CSharpCompilation Compilation(string source, ImmutableArray<MetadataReference> references, LanguageVersion languageVersion = LanguageVersion.Latest) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(languageVersion), path: "Consumer.cs") },
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: languageVersion is >= LanguageVersion.CSharp8 or LanguageVersion.Latest or LanguageVersion.Preview ? NullableContextOptions.Enable : NullableContextOptions.Disable));

    public static GeneratorDriver Driver(CSharpCompilation compilation) =>
        CSharpGeneratorDriver.Create(
            new[] { new ContainerImageGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the output compilation and the generated sources by hint name.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Run(CSharpCompilation compilation)
    {
        var driver = Driver(compilation).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> FromFolder(string folder) =>
        Directory.GetFiles(folder, "*.dll").Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
}
