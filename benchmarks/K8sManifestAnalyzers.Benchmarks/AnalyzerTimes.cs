using System.Collections.Immutable;
using System.Diagnostics;
using K8sManifestAnalyzers.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// Every analyzer of the package in one <see cref="CompilationWithAnalyzers"/> run with execution times logged, so
/// each one's own share shows, next to the bare compile (binding every method body) of the same corpus. Three
/// rounds; the last is printed (the first ones warm up the JIT).
/// </summary>
internal static class AnalyzerTimes
{
    /// <summary>Every analyzer of the package.</summary>
    internal static readonly ImmutableArray<DiagnosticAnalyzer> All = typeof(PullPolicyAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static void Print(int files)
    {
        var analyzers = All;

        for (int round = 1; round <= 3; round++)
        {
            var compilation = ManifestCorpus.Create(files);
            var bare = Stopwatch.StartNew();
            int errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            bare.Stop();

            // A fresh compilation: the analysis binds again rather than reuse the bare compile's work.
            compilation = ManifestCorpus.Create(files);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var total = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            total.Stop();
            if (round < 3)
            {
                continue;
            }

            Console.WriteLine($"{files} manifest files + {files} ordinary files, {errors} compile errors, {diagnostics.Length} findings");
            Console.WriteLine($"bare compile (GetDiagnostics): {bare.Elapsed.TotalMilliseconds,8:F0} ms");
            Console.WriteLine($"analysis run, wall:            {total.Elapsed.TotalMilliseconds,8:F0} ms (binding included)");
            foreach (var analyzer in analyzers)
            {
                var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                Console.WriteLine($"  {analyzer.GetType().Name,-32} {info.ExecutionTime.TotalMilliseconds,8:F1} ms  ({info.OperationActionsCount} operation, {info.OperationBlockStartActionsCount} block-start, {info.SymbolActionsCount} symbol, {info.CompilationEndActionsCount} compilation-end actions)");
            }

            // Each alone, on a fresh compilation: the shared caches' work is then counted for each analyzer.
            Console.WriteLine("each analyzer alone:");
            foreach (var analyzer in analyzers)
            {
                var alone = ManifestCorpus.Create(files).WithAnalyzers(ImmutableArray.Create(analyzer), new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                alone.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                var info = alone.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                Console.WriteLine($"  {analyzer.GetType().Name,-32} {info.ExecutionTime.TotalMilliseconds,8:F1} ms");
            }
        }
    }
}
