using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// The two measurements of <c>-- compare</c> that run in process: one document's diagnostics the IDE's way, and the
/// generator's full run and re-run after one edit. Each is repeated and its median printed.
/// </summary>
internal static class InProcessMeasurements
{
    /// <summary>
    /// The IDE path: <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>
    /// for one document of about 200 lines (a worst-case file, full of findings) in a 1,000-file compilation bound
    /// beforehand. A <see cref="CompilationWithAnalyzers"/> works on its own copy of the compilation and binds the
    /// document again, so the wall time is mostly Roslyn's; our share is each analyzer's execution time as Roslyn
    /// logs it (<c>logAnalyzerExecutionTime</c>), summed over the package's analyzers.
    /// </summary>
    public static string IdePath(int runs)
    {
        int stacks = 1;
        string worst = OperatorCorpus.WorstCase(500, stacks);
        while (LineCount(worst) < 200)
        {
            worst = OperatorCorpus.WorstCase(500, ++stacks);
        }

        return IdePath(runs, worst, "full of mistakes") + "\n\n" + IdePath(runs, OperatorCorpus.CorrectDocument(500, 200), "correct");
    }

    private static string IdePath(int runs, string text, string kind)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
        var compilation = ManifestCorpus.Create(1000);

        var old = compilation.SyntaxTrees.First(t => t.FilePath == "Manifest500.cs");
        var document = CSharpSyntaxTree.ParseText(text, options, path: old.FilePath);
        compilation = compilation.ReplaceSyntaxTree(old, document);
        _ = compilation.GetDiagnostics();

        var ours = new List<double>();
        var each = AnalyzerTimes.All.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        var wall = new List<double>();
        var emptyWall = new List<double>();
        int findings = 0;
        for (int run = 0; run < runs + 3; run++)
        {
            var withAnalyzers = compilation.WithAnalyzers(AnalyzerTimes.All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var watch = Stopwatch.StartNew();
            findings = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(document), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult().Length;
            watch.Stop();
            double analyzers = 0;
            foreach (var analyzer in AnalyzerTimes.All)
            {
                double time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                analyzers += time;
                if (run >= 3)
                {
                    each[analyzer.GetType().Name].Add(time);
                }
            }

            var empty = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AnalyzerBenchmarks.EmptyOperationAnalyzer()));
            var emptyWatch = Stopwatch.StartNew();
            empty.GetAnalyzerSemanticDiagnosticsAsync(empty.Compilation.GetSemanticModel(document), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
            emptyWatch.Stop();

            // The first runs warm the JIT.
            if (run >= 3)
            {
                ours.Add(analyzers);
                wall.Add(watch.Elapsed.TotalMilliseconds);
                emptyWall.Add(emptyWatch.Elapsed.TotalMilliseconds);
            }
        }

        if ((findings == 0) != (kind == "correct"))
        {
            throw new InvalidOperationException($"a {kind} document with {findings} findings");
        }

        return Invariant($"""
            | One {kind} document, {LineCount(text)} lines, {findings} findings ({runs} runs) | Median | 90th percentile |
            |---|---:|---:|
            | Our analyzers' execution time (logAnalyzerExecutionTime, summed) | {Median(ours):F2} ms | {Percentile(ours, 0.9):F2} ms |
            | Wall time, every analyzer of the package (Roslyn binds the document again) | {Median(wall):F1} ms | {Percentile(wall, 0.9):F1} ms |
            | Wall time, an analyzer with the same actions and empty bodies | {Median(emptyWall):F1} ms | {Percentile(emptyWall, 0.9):F1} ms |

            Median per analyzer: {string.Join(", ", each.OrderByDescending(p => Median(p.Value)).Select(p => Invariant($"{p.Key} {Median(p.Value):F2} ms")))}
            """);
    }

    /// <summary>
    /// The generator on 1,000 <c>[ContainerImage]</c> declarations: a full run, and a warm driver's re-run after one
    /// declaration changed, each with a new compilation; beside a generator that only finds the same declarations.
    /// </summary>
    public static string Generator(int runs)
    {
        var benchmarks = new GeneratorBenchmarks();
        benchmarks.Setup();
        var full = Time(runs, () => benchmarks.FullRun());
        var rerun = Time(runs, () => benchmarks.RunAfterOneEdit());
        var floor = Time(runs, () => benchmarks.Floor_FindOnly_RunAfterOneEdit());
        var floorWithOutputs = Time(runs, () => benchmarks.Floor_FindAndEmitAFilePerDeclaration_RunAfterOneEdit());
        return Invariant($"""
            | Generator, 1,000 declarations ({runs} runs) | Median | 90th percentile |
            |---|---:|---:|
            | Full run (new driver) | {Median(full):F1} ms | {Percentile(full, 0.9):F1} ms |
            | Re-run of a warm driver after one declaration changed | {Median(rerun):F1} ms | {Percentile(rerun, 0.9):F1} ms |
            | Floor: a generator that finds the same declarations, re-run after the same edit | {Median(floor):F1} ms | {Percentile(floor, 0.9):F1} ms |
            | Floor with a file per declaration, re-run after the same edit | {Median(floorWithOutputs):F1} ms | {Percentile(floorWithOutputs, 0.9):F1} ms |
            """);
    }

    private static List<double> Time(int runs, Func<int> action)
    {
        var times = new List<double>();
        for (int run = 0; run < runs + 3; run++)
        {
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            if (run >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static int LineCount(string text) => text.Split('\n').Length;

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(fraction * (sorted.Count - 1) + 0.5))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
