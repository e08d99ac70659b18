using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// The robustness harness. Every manifest this test project feeds the rules (each string literal of a test source
/// that uses <c>k8s.Models</c>, markup removed) and the sample's files are broken the ways an editor and a careless
/// hand break them: evenly spaced prefixes (typing), single-token deletions, and seeded random token deletions,
/// duplications and swaps. Each variant is run through the generator and every analyzer, per document as the IDE
/// does and for the whole compilation (compilation-end rules included), with and without options. None may throw:
/// no analyzer exception, no AD0001, no generator exception. The variants are chosen deterministically, so a
/// failure names an input and a variant that reproduce it.
/// </summary>
public sealed partial class MutationTests(ITestOutputHelper output)
{
    private const int Shards = 4;
    private const int Prefixes = 10;
    private const int Deletions = 10;
    private const int RandomEdits = 6;

    /// <summary>Every analyzer of the package.</summary>
    internal static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ContainerAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly Lazy<IReadOnlyList<Input>> AllInputs = new(CollectInputs, LazyThreadSafetyMode.ExecutionAndPublication);

    // On GeneratorHarness: thousands of broken inputs with no expected findings, asserting only that nothing throws.
    // KubernetesClient, and Aspire.Hosting beside it, so that app-host sources are read with Aspire's types too.
    private static readonly Lazy<ImmutableArray<MetadataReference>> WithKubernetes = new(() =>
        GeneratorHarness.Net80(withKubernetes: true).Add(MetadataReference.CreateFromFile(Verifiers.KubernetesReferences.AspireHostingAssembly)));

    private static readonly Lazy<ImmutableArray<MetadataReference>> WithoutKubernetes = new(() => GeneratorHarness.Net80(withKubernetes: false));

    // The app-host sources of AspireKubernetesTests, which compile against Verifiers.AspireKubernetesStubs.
    internal const string AspireKubernetesUsing = "using Aspire.Hosting.Kubernetes";

    private static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    internal static readonly AnalyzerOptions SomeOptions = new(
        ImmutableArray<AdditionalText>.Empty,
        new BuilderRulesTests.ConfigOptions(
            "k8s_manifests.allowed_registries = registry.example.com, https://ghcr.io/acme/, docker.io",
            "k8s_manifests.private_registries = registry.example.com, ghcr.io",
            "k8s_manifests.external_pull_secrets = regcred, ,",
            "k8s_manifests.external_secrets = db",
            "k8s_manifests.external_config_maps = settings",
            "k8s_manifests.external_service_accounts = vault-agent",
            "k8s_manifests.mutable_tags = main, nightly-*, :bad",
            "k8s_manifests.secret_env_names = license key, ,",
            "k8s_manifests.property_defaults = false"));

    /// <summary>The sample's files and every manifest the test sources hold, markup removed.</summary>
    internal static IReadOnlyList<Input> Inputs() => AllInputs.Value;

    public static TheoryData<int> ShardNumbers() => ShardData(Shards);

    /// <summary>The theory rows 0 to <paramref name="shards"/> - 1 of a harness split into shards.</summary>
    internal static TheoryData<int> ShardData(int shards)
    {
        var data = new TheoryData<int>();
        for (int shard = 0; shard < shards; shard++)
        {
            data.Add(shard);
        }

        return data;
    }

    [Fact]
    public void TheHarness_FindsTheTestInputs()
    {
        var inputs = AllInputs.Value;
        Assert.True(inputs.Count >= 150, $"only {inputs.Count} inputs found");
        Assert.Contains(inputs, i => i.Origin.StartsWith("samples/", StringComparison.Ordinal));
        Assert.DoesNotContain(inputs, i => i.Source.Contains("{|", StringComparison.Ordinal) && i.Source.Contains("|}", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShardNumbers))]
    public async Task BrokenManifests_NeverCrashAnAnalyzerOrTheGenerator(int shard)
    {
        var inputs = AllInputs.Value;
        int variants = 0;
        int sources = 0;
        for (int index = shard; index < inputs.Count; index += Shards)
        {
            sources++;
            var input = inputs[index];
            foreach (var (name, text) in Variants(input.Source, seed: index))
            {
                variants++;
                await AnalyseAsync(text, variants % 2 == 0 ? SomeOptions : NoOptions, $"{input.Origin}, {name}");
            }
        }

        output.WriteLine($"shard {shard}: {sources} sources, {variants} variants, no exception");
        Assert.True(variants > sources * (Prefixes + Deletions));
    }

    /// <summary>The whole text, evenly spaced prefixes, single-token deletions and seeded random edits.</summary>
    internal static IEnumerable<(string Name, string Text)> Variants(string source, int seed)
    {
        yield return ("whole", source);
        for (int i = 1; i <= Prefixes; i++)
        {
            int cut = (int)((long)source.Length * i / (Prefixes + 1));
            yield return ($"prefix {cut}", source.Substring(0, cut));
        }

        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).Select(t => t.Span).ToList();
        if (tokens.Count < 2)
        {
            yield break;
        }

        for (int i = 1; i <= Deletions; i++)
        {
            var span = tokens[tokens.Count * i / (Deletions + 1)];
            yield return ($"delete token at {span.Start}", source.Remove(span.Start, span.Length));
        }

        var random = new Random(seed);
        for (int i = 0; i < RandomEdits; i++)
        {
            var text = new StringBuilder(source);
            int edits = 1 + random.Next(3);
            var names = new List<string>();
            for (int e = 0; e < edits; e++)
            {
                // Spans are taken from the original text; edits apply from the end so earlier spans stay valid.
                int at = random.Next(tokens.Count - 1);
                var span = tokens[at];
                var next = tokens[at + 1];
                if (span.End > text.Length || next.End > text.Length)
                {
                    continue;
                }

                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(span.Start, span.Length);
                        names.Add($"delete {span.Start}");
                        break;
                    case 1:
                        text.Insert(span.End, " " + source.Substring(span.Start, span.Length));
                        names.Add($"duplicate {span.Start}");
                        break;
                    default:
                        string first = source.Substring(span.Start, span.Length);
                        string second = source.Substring(next.Start, next.Length);
                        text.Remove(next.Start, next.Length).Insert(next.Start, first);
                        text.Remove(span.Start, span.Length).Insert(span.Start, second);
                        names.Add($"swap {span.Start}");
                        break;
                }

                // Later edits use the original spans: only edits that end before this one keep them exact, so
                // stop after an edit that changed the length before a later span (good enough for breaking code).
                if (text.Length != source.Length)
                {
                    break;
                }
            }

            yield return ($"random {seed}/{i} ({string.Join(", ", names)})", text.ToString());
        }
    }

    internal static Task AnalyseAsync(string text, string what) => AnalyseAsync(text, SomeOptions, what);

    /// <summary>The same, with or without options, and with or without the compilation-end analysis.</summary>
    internal static Task AnalyseAsync(string text, bool withOptions, bool compilationEnd, string what) =>
        AnalyseAsync(text, withOptions ? SomeOptions : NoOptions, what, compilationEnd);

    private static async Task AnalyseAsync(string text, AnalyzerOptions options, string what, bool compilationEnd = true)
    {
        // Sources that declare their own k8s.Models (the older KubernetesClient shapes) compile without the package.
        var references = text.Contains("namespace k8s.Models", StringComparison.Ordinal) ? WithoutKubernetes.Value : WithKubernetes.Value;
        var compilation = GeneratorHarness.Compilation(text, references);
        if (text.Contains(AspireKubernetesUsing, StringComparison.Ordinal) && !text.Contains("namespace Aspire.Hosting.Kubernetes", StringComparison.Ordinal))
        {
            // App hosts that use Aspire.Hosting.Kubernetes compile against its stubs, a second document after the input.
            compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Verifiers.AspireKubernetesStubs.Source, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "AspireKubernetesStubs.cs"));
        }

        var (generated, result) = GeneratorHarness.Run(compilation);
        foreach (var run in result.Results)
        {
            Assert.True(run.Exception is null, $"generator threw on {what}: {run.Exception}");
        }

        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = generated.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(options, (exception, _, _) => exceptions.Enqueue(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false));

        // The IDE's path first (one document, semantic then syntax), then the build's (everything, compilation end).
        var tree = generated.SyntaxTrees.First();
        var model = generated.GetSemanticModel(tree);
        var perDocument = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        var all = compilationEnd ? await withAnalyzers.GetAllDiagnosticsAsync() : ImmutableArray<Diagnostic>.Empty;

        Assert.True(exceptions.IsEmpty, $"analyzer threw on {what}: {exceptions.FirstOrDefault()}");
        Assert.DoesNotContain(perDocument.Concat(syntax).Concat(all), d => d.Id == "AD0001");
    }

    private static IReadOnlyList<Input> CollectInputs()
    {
        string root = RepositoryRoot();
        var inputs = new List<Input>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(root, "samples", "DeploymentSample"), "*.cs"))
        {
            string text = File.ReadAllText(file);
            if (seen.Add(text))
            {
                inputs.Add(new Input("samples/DeploymentSample/" + Path.GetFileName(file), text));
            }
        }

        string tests = Path.Combine(root, "tests", "K8sManifestAnalyzers.Tests");
        foreach (string file in Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/Robustness/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var node in CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes())
            {
                string value;
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    value = literal.Token.ValueText;
                }
                else if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax interpolated)
                {
                    // A template: each hole gets a short identifier-like word, valid in a string and in most code.
                    var text = new StringBuilder();
                    foreach (var content in interpolated.Contents)
                    {
                        text.Append(content is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax part ? part.TextToken.ValueText : "x1");
                    }

                    value = text.ToString();
                }
                else
                {
                    continue;
                }

                var token = node.GetFirstToken();
                if (!value.Contains("k8s.Models", StringComparison.Ordinal) && !value.Contains("ContainerImage", StringComparison.Ordinal)
                    && !value.Contains(AspireKubernetesUsing, StringComparison.Ordinal))
                {
                    continue;
                }

                string source = RemoveMarkup(value);
                if (seen.Add(source))
                {
                    int line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    inputs.Add(new Input($"{relative}:{line}", source));
                }
            }
        }

        return inputs;
    }

    /// <summary>Removes the test verifiers' markup: <c>{|KMA001:…|}</c>, <c>{|#0:…|}</c>, <c>[|…|]</c>.</summary>
    internal static string RemoveMarkup(string text) =>
        MarkupOpen().Replace(text, string.Empty).Replace("|}", string.Empty, StringComparison.Ordinal)
            .Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\{\|[A-Za-z0-9_#]+:")]
    private static partial Regex MarkupOpen();

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    internal sealed record Input(string Origin, string Source);
}
