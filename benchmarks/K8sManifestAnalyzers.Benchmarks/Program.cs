using BenchmarkDotNet.Running;
using K8sManifestAnalyzers.Benchmarks;

// `-- times [files]`: each analyzer's own execution time (Roslyn's logAnalyzerExecutionTime) over the corpus,
// all analyzers in one run, beside the bare compile. Otherwise BenchmarkDotNet with the given arguments.
if (args.Length > 0 && args[0] == "times")
{
    AnalyzerTimes.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
