using Microsoft.CodeAnalysis.Diagnostics;
using BenchmarkDotNet.Running;
using K8sManifestAnalyzers.Benchmarks;

// `-- times [files]`: each analyzer's own execution time (Roslyn's logAnalyzerExecutionTime) over the corpus,
// all analyzers in one run, beside the bare compile. Otherwise BenchmarkDotNet with the given arguments.
if (args.Length > 0 && args[0] == "times")
{
    AnalyzerTimes.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return 0;
}

// `-- compare [--quick] [--rounds N]`: real builds of generated projects, bare and with our analyzers beside
// NetAnalyzers(All), ReportAnalyzer on; prints the table docs/performance.md records.
if (args.Length > 0 && args[0] == "compare")
{
    return BuildComparison.Run(args);
}

// `-- in-process`: only the IDE-path and generator measurements of `compare`.
if (args.Length > 0 && args[0] == "in-process")
{
    Console.WriteLine(InProcessMeasurements.IdePath(50));
    Console.WriteLine();
    Console.WriteLine(InProcessMeasurements.Generator(20));
    return 0;
}

// `-- analyze-worst [files]`: every analyzer over the build comparison's worst case, in process, to profile under
// dotnet-trace.
if (args.Length > 0 && args[0] == "analyze-worst")
{
    int files = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
    for (int round = 1; round <= 2; round++)
    {
        var compilation = ManifestCorpus.CreateWorstCase(files);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = compilation.WithAnalyzers(AnalyzerTimes.All).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Console.WriteLine($"round {round}: {diagnostics.Length} findings in {watch.Elapsed.TotalMilliseconds:F0} ms (binding included)");
    }

    return 0;
}

// `-- analyze-realistic [rounds]`: every analyzer over the realistic mix, in process, each round on a new compilation
// whose trees are bound first (GetDiagnostics), so that a profile under dotnet-trace shows our callbacks, not binding.
if (args.Length > 0 && args[0] == "analyze-realistic")
{
    int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
    for (int round = 1; round <= rounds; round++)
    {
        Console.WriteLine($"round {round}: {AnalyzerTimes.MeasureBound(ManifestCorpus.CreateRealisticMix(), System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty)}");
    }

    return 0;
}

// `-- analyze-aspire [files] [rounds]`: every analyzer over an Aspire app-host corpus (AspireCorpus), in process, each
// round on a new compilation bound first; prints the findings, the time in all, our analyzers' own time and each one's.
if (args.Length > 0 && args[0] == "analyze-aspire")
{
    int files = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
    int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    for (int round = 1; round <= rounds; round++)
    {
        Console.WriteLine($"round {round}: {files} files ({(files + 1) / 2} app-host files), {AnalyzerTimes.MeasureBound(AspireCorpus.Create(files), System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty)}");
    }

    return 0;
}

// `-- analyze-yaml [files] [rounds]`: every analyzer over a project whose manifests are YAML files (AdditionalFiles)
// and KubernetesYaml strings (YamlCorpus), in process, each round on a new compilation bound first, beside the same C#
// without any YAML: what YAML costs, and that a project with neither pays nothing for it.
if (args.Length > 0 && args[0] == "analyze-yaml")
{
    int files = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
    int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    for (int round = 1; round <= rounds; round++)
    {
        foreach (bool withYaml in new[] { true, false })
        {
            var (compilation, additional) = YamlCorpus.Create(files, withYaml);
            string what = withYaml ? $"{files} C# files ({(files + 3) / 4} with a KubernetesYaml string) + {additional.Length} YAML files" : $"the same {files} C# files without YAML";
            Console.WriteLine($"round {round}: {what}: {AnalyzerTimes.MeasureBound(compilation, additional, listFrom: 0.5)}");
        }
    }

    return 0;
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
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
