using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using K8sManifestAnalyzers.Analyzers;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// <c>-- compare</c>: writes real projects (the worst case at 200, 1,000 and 5,000 files, and the realistic mix), builds
/// each with <c>dotnet build</c> twice per round: once bare (<c>RunAnalyzers=false</c>: the compiler alone) and once
/// with this package's analyzers beside NetAnalyzers at <c>AnalysisMode=All</c> and <c>ReportAnalyzer=true</c>, so
/// every ratio comes from the same machine, compiler server and corpus. Times are the compiler's: the Csc task of
/// MSBuild's performance summary for a compile, ReportAnalyzer's per-assembly execution time (summed over the
/// compiler's threads) for the analyzers. The first round of each project only warms
/// the compiler server; the printed times are the median of the rounds after it.
/// </summary>
internal static partial class BuildComparison
{
    private sealed record Corpus(string Name, int ManifestFiles, int ContainersPerManifest, int ApplicationFiles, Func<int, string> Manifest);

    private sealed record BuildTimes(double BareCompileMs, double CompileWithAnalyzersMs, double NetAnalyzersSeconds, double OursSeconds, double OurGeneratorSeconds, int Findings, IReadOnlyDictionary<string, double> OurAnalyzers)
    {
        /// <summary>Each floor analyzer's time in the floors build of the same round (<c>LookupFloor</c>, <c>ActionFloor</c>, <c>ReportingFloor</c>).</summary>
        public IReadOnlyDictionary<string, double> Floors { get; init; } = new Dictionary<string, double>();

        public double FloorsSeconds => Floors.Values.Sum();

        public double Floor(string name) => Floors.TryGetValue(name, out double seconds) ? seconds : 0;
    }

    private static readonly string[] FloorNames = { "LookupFloor", "ActionFloor", "ReportingFloor" };

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        int rounds = Option(args, "--rounds", 2);
        var corpora = new List<Corpus>
        {
            new("worst case", 200, 10, 0, i => OperatorCorpus.WorstCase(i)),
            new("worst case", 1000, 10, 0, i => OperatorCorpus.WorstCase(i)),
            new("realistic mix", 100, 1, 900, OperatorCorpus.CorrectManifest),
        };
        if (!quick)
        {
            corpora.Add(new("worst case", 5000, 10, 0, i => OperatorCorpus.WorstCase(i)));
        }

        // `--only worst-case-1000` (or `realistic-mix-100`): one corpus, to measure a change quickly.
        int only = Array.IndexOf(args, "--only");
        if (only >= 0 && only + 1 < args.Length)
        {
            corpora = corpora.Concat(new[] { new Corpus("worst case", 5000, 10, 0, i => OperatorCorpus.WorstCase(i)) })
                .Where(c => Key(c) == args[only + 1]).Take(1).ToList();
        }

        string analyzer = typeof(ContainerAnalyzer).Assembly.Location;
        string floors = typeof(Floors.ReportingFloor).Assembly.Location;
        string root = Path.Combine(Path.GetTempPath(), $"k8sma-compare-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        string? nugetConfig = FindUp("nuget.config");
        if (nugetConfig is not null)
        {
            File.Copy(nugetConfig, Path.Combine(root, "nuget.config"), overwrite: true);
        }

        Console.WriteLine($"analyzer: {analyzer}");
        Console.WriteLine($"projects: {root}; {rounds} rounds each, the first a warm-up");
        var results = new List<(Corpus Corpus, BuildTimes Times)>();
        foreach (var corpus in corpora)
        {
            string project = WriteProject(root, corpus, analyzer, floors);
            Dotnet(project, "restore", "restore.log", Array.Empty<string>());
            var measured = new List<BuildTimes>();
            for (int round = 1; round <= rounds; round++)
            {
                var bare = Dotnet(project, "build", "bare.log", new[] { "--no-restore", "--no-incremental", "-p:RunAnalyzers=false" });
                var analyzed = Dotnet(project, "build", "analyzed.log", new[] { "--no-restore", "--no-incremental", "-p:ReportAnalyzer=true" });
                // The floors build: the same project with the floor analyzers in place of ours, reporting our findings.
                WriteFindings(project, analyzed);
                var floorLog = Dotnet(project, "build", "floors.log", new[] { "--no-restore", "--no-incremental", "-p:ReportAnalyzer=true", "-p:K8sFloors=true" });
                var times = Parse(bare, analyzed) with { Floors = FloorTimes(floorLog) };
                Console.WriteLine($"  {Label(corpus)}, round {round}: bare {times.BareCompileMs:F0} ms, NetAnalyzers {times.NetAnalyzersSeconds:F2} s, ours {times.OursSeconds:F3} s (+ generator {times.OurGeneratorSeconds:F3} s), {times.Findings} findings; floors {string.Join(", ", FloorNames.Select(n => Invariant($"{n} {times.Floor(n):F3} s")))}");
                if (round > 1 || rounds == 1)
                {
                    measured.Add(times);
                }
            }

            results.Add((corpus, Median(measured)));
        }

        Console.WriteLine();
        Console.WriteLine(Report(results));
        if (only < 0)
        {
            Console.WriteLine(InProcessMeasurements.IdePath(Option(args, "--ide-runs", 50)));
            Console.WriteLine();
            Console.WriteLine(InProcessMeasurements.Generator(Option(args, "--generator-runs", 20)));
        }

        return 0;
    }

    private static string Report(List<(Corpus Corpus, BuildTimes Times)> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| Corpus | Containers | Our findings | Bare compile | NetAnalyzers (All) | Our analyzers | Ours / bare | Ours / NetAnalyzers | Our generator |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (corpus, times) in results)
        {
            int containers = corpus.ManifestFiles * corpus.ContainersPerManifest;
            text.AppendLine(Invariant($"| {Label(corpus)} | {containers:N0} | {times.Findings:N0} | {times.BareCompileMs / 1000:F2} s | {times.NetAnalyzersSeconds:F2} s | {times.OursSeconds:F3} s | {100 * times.OursSeconds * 1000 / times.BareCompileMs:F2} % | {times.OursSeconds / times.NetAnalyzersSeconds:F3}× | {times.OurGeneratorSeconds:F3} s |"));
        }

        text.AppendLine();
        text.AppendLine("Our time above the floors (each floor alone in a build of the same project, same round; see docs/performance.md):");
        text.AppendLine();
        text.AppendLine("| Corpus | Our analyzers | Lookups floor | Actions floor | Reporting floor | Floors in all | Ours above the floors | Above the floors / bare | Above the reporting floor / bare |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (corpus, times) in results)
        {
            double above = times.OursSeconds - times.FloorsSeconds;
            double aboveReporting = times.OursSeconds - times.Floor("ReportingFloor");
            text.AppendLine(Invariant($"| {Label(corpus)} | {times.OursSeconds:F3} s | {times.Floor("LookupFloor"):F3} s | {times.Floor("ActionFloor"):F3} s | {times.Floor("ReportingFloor"):F3} s | {times.FloorsSeconds:F3} s | {above:F3} s | {100 * above * 1000 / times.BareCompileMs:F2} % | {100 * aboveReporting * 1000 / times.BareCompileMs:F2} % |"));
        }

        text.AppendLine();
        var worst = results.Where(r => r.Corpus.Name == "worst case").OrderBy(r => r.Corpus.ManifestFiles).ToList();
        for (int i = 1; i < worst.Count; i++)
        {
            var (smaller, larger) = (worst[i - 1], worst[i]);
            text.AppendLine(Invariant($"Growth {smaller.Corpus.ManifestFiles:N0} → {larger.Corpus.ManifestFiles:N0} files ({(double)larger.Corpus.ManifestFiles / smaller.Corpus.ManifestFiles:F0}× the files): our analyzers {larger.Times.OursSeconds / smaller.Times.OursSeconds:F2}×, bare compile {larger.Times.BareCompileMs / smaller.Times.BareCompileMs:F2}×"));
        }

        foreach (var (corpus, times) in results)
        {
            int containers = Math.Max(1, corpus.ManifestFiles * corpus.ContainersPerManifest);
            text.Append(Invariant($"{Label(corpus)}: {1_000_000 * times.OursSeconds / containers:F0} µs per container;"));
            foreach (var (name, seconds) in times.OurAnalyzers.OrderByDescending(p => p.Value))
            {
                text.Append(Invariant($" {name} {seconds:F3} s,"));
            }

            text.Length--;
            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Label(Corpus corpus) => corpus.ApplicationFiles == 0
        ? Invariant($"{corpus.Name}, {corpus.ManifestFiles:N0} files")
        : Invariant($"{corpus.Name}, {corpus.ManifestFiles:N0} manifest + {corpus.ApplicationFiles:N0} application files");

    private static string Key(Corpus corpus) => Invariant($"{corpus.Name.Replace(' ', '-')}-{corpus.ManifestFiles}");

    private static string WriteProject(string root, Corpus corpus, string analyzer, string floors)
    {
        string directory = Path.Combine(root, Key(corpus));
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <EnableNETAnalyzers>true</EnableNETAnalyzers>
                <AnalysisMode>All</AnalysisMode>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KubernetesClient" Version="21.0.8" />
              </ItemGroup>
              <ItemGroup Condition="'$(K8sFloors)' != 'true'">
                <Analyzer Include="{analyzer}" />
              </ItemGroup>
              <ItemGroup Condition="'$(K8sFloors)' == 'true'">
                <Analyzer Include="{floors}" />
                <AdditionalFiles Include="{Floors.ReportingFloor.FindingsFileName}" />
              </ItemGroup>
            </Project>
            """);
        for (int i = 0; i < corpus.ManifestFiles; i++)
        {
            File.WriteAllText(Path.Combine(directory, Invariant($"Manifest{i}.cs")), corpus.Manifest(i));
        }

        for (int i = 0; i < corpus.ApplicationFiles; i++)
        {
            File.WriteAllText(Path.Combine(directory, Invariant($"Application{i}.cs")), OperatorCorpus.ApplicationCode(i));
        }

        return directory;
    }

    private static string Dotnet(string directory, string verb, string logName, string[] extra)
    {
        string log = Path.Combine(directory, logName);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(verb);
        foreach (string argument in extra)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-noConsoleLogger");
        start.ArgumentList.Add($"-flp:logfile={log};verbosity=detailed;PerformanceSummary");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        // The worst case's own findings include errors (KMA002, KMA004), which fail the build after the compile: a
        // build counts when the compiler ran, whatever it reported.
        string text = File.Exists(log) ? File.ReadAllText(log) : "";
        if (verb == "restore" ? process.ExitCode != 0 : !CscLine().IsMatch(text))
        {
            throw new InvalidOperationException($"dotnet {verb} did not run the compiler in {directory} (see {log}):\n{output.Result}\n{error.Result}");
        }

        return text;
    }

    private static BuildTimes Parse(string bareLog, string analyzedLog)
    {
        double net = 0, ours = 0, generator = 0;
        var perAnalyzer = new Dictionary<string, double>(StringComparer.Ordinal);
        string section = "";
        string? assembly = null;
        var findings = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in analyzedLog.Split('\n'))
        {
            string line = NodePrefix().Replace(raw, "").TrimEnd('\r');
            if (line.Contains("Total analyzer execution time", StringComparison.Ordinal))
            {
                section = section.Length == 0 ? "analyzers" : "done";
                continue;
            }

            if (line.Contains("Total generator execution time", StringComparison.Ordinal))
            {
                section = section == "analyzers" ? "generators" : "done";
                continue;
            }

            if (FindingLine().Match(line) is { Success: true } finding)
            {
                findings.Add(finding.Value);
                continue;
            }

            if (section is not ("analyzers" or "generators") || TimeLine().Match(line) is not { Success: true } time)
            {
                continue;
            }

            double seconds = double.Parse(time.Groups["seconds"].Value, CultureInfo.InvariantCulture);
            string name = time.Groups["name"].Value;
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                assembly = name[..name.IndexOf(',', StringComparison.Ordinal)];
                if (assembly is "Microsoft.CodeAnalysis.NetAnalyzers" or "Microsoft.CodeAnalysis.CSharp.NetAnalyzers" && section == "analyzers")
                {
                    net += seconds;
                }
                else if (assembly == "K8sManifestAnalyzers")
                {
                    if (section == "analyzers")
                    {
                        ours += seconds;
                    }
                    else
                    {
                        generator += seconds;
                    }
                }
            }
            else if (assembly == "K8sManifestAnalyzers" && section == "analyzers")
            {
                string type = name.Split(' ')[0];
                perAnalyzer[type[(type.LastIndexOf('.') + 1)..]] = seconds;
            }
        }

        return new BuildTimes(CscMilliseconds(bareLog), CscMilliseconds(analyzedLog), net, ours, generator, findings.Count, perAnalyzer);
    }

    // The analysed build's findings, one per line (file, line, column, id), for the reporting floor.
    private static void WriteFindings(string project, string analyzedLog)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match finding in FindingLine().Matches(analyzedLog))
        {
            lines.Add(Invariant($"{Path.GetFileName(finding.Groups["file"].Value)}\t{finding.Groups["line"].Value}\t{finding.Groups["column"].Value}\t{finding.Groups["id"].Value}"));
        }

        File.WriteAllLines(Path.Combine(project, Floors.ReportingFloor.FindingsFileName), lines);
    }

    // Each floor analyzer's execution time in the floors build (ReportAnalyzer's lines under the floors assembly).
    private static Dictionary<string, double> FloorTimes(string floorLog)
    {
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        bool inFloors = false;
        foreach (string raw in floorLog.Split('\n'))
        {
            string line = NodePrefix().Replace(raw, "").TrimEnd('\r');
            if (line.Contains("Total generator execution time", StringComparison.Ordinal))
            {
                break;
            }

            if (TimeLine().Match(line) is not { Success: true } time)
            {
                continue;
            }

            string name = time.Groups["name"].Value;
            if (name.Contains(", Version=", StringComparison.Ordinal))
            {
                inFloors = name.StartsWith("K8sManifestAnalyzers.Floors,", StringComparison.Ordinal);
            }
            else if (inFloors)
            {
                string type = name.Split(' ')[0];
                type = type[(type.LastIndexOf('.') + 1)..];

                // One ActionFloor per analyzer of ours, added up.
                string floor = type.StartsWith("ActionFloor", StringComparison.Ordinal) ? "ActionFloor" : type;
                times[floor] = (times.TryGetValue(floor, out double sum) ? sum : 0) + double.Parse(time.Groups["seconds"].Value, CultureInfo.InvariantCulture);
            }
        }

        return times;
    }

    private static double CscMilliseconds(string log) =>
        CscLine().Match(log) is { Success: true } match
            ? double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("no Csc task time in the performance summary");

    private static BuildTimes Median(List<BuildTimes> runs)
    {
        double Of(Func<BuildTimes, double> value)
        {
            var sorted = runs.Select(value).OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var names = runs.SelectMany(r => r.OurAnalyzers.Keys).Distinct(StringComparer.Ordinal);
        return new BuildTimes(
            Of(r => r.BareCompileMs),
            Of(r => r.CompileWithAnalyzersMs),
            Of(r => r.NetAnalyzersSeconds),
            Of(r => r.OursSeconds),
            Of(r => r.OurGeneratorSeconds),
            runs[^1].Findings,
            names.ToDictionary(n => n, n => Of(r => r.OurAnalyzers.TryGetValue(n, out double s) ? s : 0), StringComparer.Ordinal))
        {
            Floors = FloorNames.ToDictionary(n => n, n => Of(r => r.Floor(n)), StringComparer.Ordinal),
        };
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? FindUp(string fileName)
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*\d+>")]
    private static partial Regex NodePrefix();

    [GeneratedRegex(@"^\s*(?<seconds>\d+\.\d+)\s+(?:<1|\d+)\s+(?<name>\S.*)$")]
    private static partial Regex TimeLine();

    [GeneratedRegex(@"(?<file>[^\s(]+)\((?<line>\d+),(?<column>\d+)\): (?:warning|error) (?<id>KMA\d{3}): .*")]
    private static partial Regex FindingLine();

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscLine();
}
