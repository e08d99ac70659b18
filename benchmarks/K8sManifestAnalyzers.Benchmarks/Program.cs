using BenchmarkDotNet.Running;
using K8sManifestAnalyzers.Benchmarks;

// `-- times [files]`: each analyzer's own execution time (Roslyn's logAnalyzerExecutionTime) over the corpus,
// all analyzers in one run, beside the bare compile. Otherwise BenchmarkDotNet with the given arguments.
if (args.Length > 0 && args[0] == "times")
{
    AnalyzerTimes.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return;
}

// `-- generator-loop [runs]`: the generator's re-run after one edit in a loop, to profile under dotnet-trace.
if (args.Length > 0 && args[0] == "generator-loop")
{
    var generator = new GeneratorBenchmarks();
    generator.Setup();
    int runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (int i = 0; i < runs; i++)
    {
        generator.RunAfterOneEdit();
    }

    Console.WriteLine($"{runs} re-runs after one edit: {watch.Elapsed.TotalMilliseconds / runs:F1} ms each");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
