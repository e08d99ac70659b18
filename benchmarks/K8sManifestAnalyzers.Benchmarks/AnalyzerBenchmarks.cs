using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using K8sManifestAnalyzers.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// Analyzer cost on a compilation of <see cref="Files"/> manifest files and as many ordinary files, against a
/// baseline analyzer that registers nothing (NetAnalyzers' method). Each benchmark checks its finding count, so
/// an analyzer that broke cannot look fast.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _manifests = null!;
    private CSharpCompilation _noKubernetes = null!;

    [Params(1000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _manifests = ManifestCorpus.Create(Files);
        _noKubernetes = ManifestCorpus.Create(Files, withKubernetes: false);
        var errors = _manifests.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("the corpus does not compile: " + errors[0]);
        }
    }

    /// <summary>Registers nothing: Roslyn does not even bind the code. The floor, not a fair comparison.</summary>
    [Benchmark]
    public int Floor_EmptyAnalyzer() => Run(_manifests, new EmptyAnalyzer(), expected: 0);

    /// <summary>
    /// Registers the same kinds of actions as the rules, with empty bodies: binding and building operation trees,
    /// which any operation analyzer pays for. What the rules add is measured against this.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int Baseline_EmptyOperationAnalyzer() => Run(_manifests, new EmptyOperationAnalyzer(), expected: 0);

    /// <summary>
    /// The per-body host: the pull-policy, image, environment, registry-credential (KMA105) and pull-secret list (KMA106)
    /// rules, one read of each body for all of them.
    /// </summary>
    [Benchmark]
    public int ContainerAnalyzer() => Run(_manifests, new ContainerAnalyzer(), expected: Files * 4);

    /// <summary>
    /// The compilation-end host, whole-compilation matching: a Secret and a reference per file, every tenth reference
    /// misspelt (a KMA101 on it and a KMA102 on the Secret it missed); no options, so KMA009 finds nothing.
    /// </summary>
    [Benchmark]
    public int PullSecretAnalyzer() => Run(_manifests, new PullSecretAnalyzer(), expected: Files / 10 * 2);

    [Benchmark]
    public int AllAnalyzers_ProjectWithoutKubernetesClient() =>
        Run(_noKubernetes, new ContainerAnalyzer(), expected: 0);

    private static int Run(Compilation compilation, DiagnosticAnalyzer analyzer, int expected)
    {
        var diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        if (diagnostics.Length != expected)
        {
            throw new InvalidOperationException($"{analyzer.GetType().Name}: expected {expected} findings, got {diagnostics.Length}");
        }

        return diagnostics.Length;
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        // An analyzer without a supported diagnostic is skipped by the driver, so it needs one (never reported).
        private static readonly DiagnosticDescriptor Never = new("BENCH001", "Never reported", "Never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment);
            context.RegisterOperationBlockStartAction(block =>
            {
                block.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation, OperationKind.With);
                block.RegisterOperationBlockEndAction(_ => { });
            });
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}
