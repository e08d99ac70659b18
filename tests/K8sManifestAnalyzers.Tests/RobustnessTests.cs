using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace K8sManifestAnalyzers.Tests;

/// <summary>
/// Half-typed code, as an IDE sees it on every keystroke: every analyzer and the generator run over the sample's
/// manifests cut off at many points, and none may throw (no AD0001, no generator failure).
/// </summary>
public sealed class RobustnessTests
{
    private static ImmutableArray<DiagnosticAnalyzer> Analyzers => Robustness.MutationTests.Analyzers;

    public static TheoryData<string> SampleFiles() => new() { "Program.cs", "Mistakes.cs" };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task TruncatedManifests_NeverCrashAnAnalyzerOrTheGenerator(string file)
    {
        string source = File.ReadAllText(Path.Combine(SampleFolder(), file));
        // On GeneratorHarness: half-typed code has no expected output; only that nothing throws is asserted, run after run.
        var references = GeneratorHarness.Net80(withKubernetes: true);
        // Every host the package ships is found (the per-body host, which judges [ContainerImage] declarations too, the compilation-end host, and YAML).
        Assert.Superset(
            new System.Collections.Generic.HashSet<string> { "ContainerAnalyzer", "PullSecretAnalyzer", "YamlManifestAnalyzer", "YamlLiteralAnalyzer" },
            new System.Collections.Generic.HashSet<string>(System.Linq.Enumerable.Select(Analyzers, a => a.GetType().Name)));

        for (int cut = 40; cut < source.Length; cut += 23)
        {
            string halfTyped = source.Substring(0, cut);
            var compilation = GeneratorHarness.Compilation(halfTyped, references);
            var (output, result) = GeneratorHarness.Run(compilation);
            Assert.All(result.Results, r => Assert.Null(r.Exception));

            var exceptions = new ConcurrentQueue<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await output.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync();
            Assert.True(exceptions.IsEmpty, $"cut at {cut}: {exceptions.FirstOrDefault()}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    private static string SampleFolder([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "samples", "DeploymentSample"));
}
