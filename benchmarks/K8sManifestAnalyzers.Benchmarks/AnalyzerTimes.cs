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
    internal static readonly ImmutableArray<DiagnosticAnalyzer> All = typeof(ContainerAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// One in-process run of every analyzer over a compilation whose trees are bound first (so that a profile shows our
    /// callbacks, not binding): the findings, the time in all, our analyzers' own time and each analyzer's share (those
    /// of at least <paramref name="listFrom"/> ms).
    /// </summary>
    public static string MeasureBound(Compilation compilation, ImmutableArray<AdditionalText> additionalFiles, double listFrom = 0)
    {
        compilation.GetDiagnostics();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(All, options);
        var watch = Stopwatch.StartNew();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var ours = 0.0;
        var each = new System.Text.StringBuilder();
        foreach (var analyzer in All)
        {
            var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
            ours += time;
            if (time >= listFrom)
            {
                each.Append(FormattableString.Invariant($" {analyzer.GetType().Name} {time:F1}"));
            }
        }

        return FormattableString.Invariant($"{diagnostics.Length} findings, {elapsed:F0} ms in all, {ours:F0} ms our analyzers' own time;{each}");
    }

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
