using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Benchmarks;

/// <summary>
/// The IDE's path: one manifest document's diagnostics from every analyzer, in a compilation of the 1,000-file
/// corpus that is already bound, as after a keystroke (a new <see cref="CompilationWithAnalyzers"/> each time, so
/// compilation-start work is paid, as it is for each new compilation).
/// </summary>
[MemoryDiagnoser]
public class IdePathBenchmarks
{
    private static ImmutableArray<DiagnosticAnalyzer> Analyzers => AnalyzerTimes.All;

    private CSharpCompilation _compilation = null!;
    private SyntaxTree _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = ManifestCorpus.Create(1000);
        _ = _compilation.GetDiagnostics();
        _document = _compilation.SyntaxTrees.First(t => t.FilePath == "Manifest500.cs");
    }

    /// <summary>The same path with an analyzer that registers the same actions with empty bodies: binding's share.</summary>
    [Benchmark(Baseline = true)]
    public int OneDocument_EmptyOperationAnalyzer() =>
        _compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AnalyzerBenchmarks.EmptyOperationAnalyzer()))
            .GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_document), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult().Length;

    [Benchmark]
    public int OneDocument_SemanticDiagnostics()
    {
        var withAnalyzers = _compilation.WithAnalyzers(Analyzers);
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(_compilation.GetSemanticModel(_document), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        if (diagnostics.Length == 0)
        {
            throw new InvalidOperationException("the document's findings are missing");
        }

        return diagnostics.Length;
    }
}

/// <summary>
/// The generator on 1,000 <c>[ContainerImage]</c> declarations: a full run, and the re-run after one edit, against two
/// floors that find the same declarations the same way. Every re-run gets a new compilation (as after each edit in an
/// IDE): reusing one compilation object would let its symbols keep their bound attributes from the previous
/// iteration and make a floor look free.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _original = null!;
    private SyntaxTree _replacement = null!;
    private GeneratorDriver _warm = null!;
    private CSharpCompilation _baseline = null!;
    private GeneratorDriver _findOnlyWarm = null!;
    private GeneratorDriver _emitConstantWarm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12);
        var trees = Enumerable.Range(0, 1000).Select(i => CSharpSyntaxTree.ParseText(Declaration(i, "api"), options, path: $"Image{i}.cs")).ToList();
        _compilation = CSharpCompilation.Create("Images", trees, ManifestCorpus.References(withKubernetes: true), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _original = trees[500];
        _replacement = CSharpSyntaxTree.ParseText(Declaration(500, "worker"), options, path: _original.FilePath);
        _warm = NewDriver(options).RunGenerators(_compilation);

        // The floors find the same declarations the same way; the attribute, which our generator emits itself, is
        // given to them as a source.
        var attribute = CSharpSyntaxTree.ParseText(
            "namespace K8sManifests { internal sealed class ContainerImageAttribute : System.Attribute { public ContainerImageAttribute(string repository) { } public string PullSecret { get; set; } } }",
            options,
            path: "Attribute.cs");
        _baseline = _compilation.AddSyntaxTrees(attribute);
        _findOnlyWarm = CSharpGeneratorDriver.Create(new[] { new FindOnlyGenerator(emit: false).AsSourceGenerator() }, parseOptions: options).RunGenerators(_baseline);
        _emitConstantWarm = CSharpGeneratorDriver.Create(new[] { new FindOnlyGenerator(emit: true).AsSourceGenerator() }, parseOptions: options).RunGenerators(_baseline);
    }

    /// <summary>Floor: finding the declarations again in the edited compilation (Roslyn binds their attributes), nothing more.</summary>
    [Benchmark]
    public int Floor_FindOnly_RunAfterOneEdit() =>
        _findOnlyWarm.RunGenerators(_baseline.ReplaceSyntaxTree(_original, _replacement)).GetRunResult().Results[0].TrackedSteps.Count;

    /// <summary>Floor with outputs: the same, plus one small file per declaration (Roslyn re-adds every cached output on each run).</summary>
    [Benchmark]
    public int Floor_FindAndEmitAFilePerDeclaration_RunAfterOneEdit() =>
        Count(_emitConstantWarm.RunGenerators(_baseline.ReplaceSyntaxTree(_original, _replacement)));

    [Benchmark]
    public int FullRun() => Count(NewDriver((CSharpParseOptions)_compilation.SyntaxTrees[0].Options).RunGenerators(_compilation.ReplaceSyntaxTree(_original, _replacement)));

    /// <summary>One declaration edited after a run: only its builder is made again.</summary>
    [Benchmark]
    public int RunAfterOneEdit() => Count(_warm.RunGenerators(_compilation.ReplaceSyntaxTree(_original, _replacement)));

    private static GeneratorDriver NewDriver(CSharpParseOptions options) =>
        CSharpGeneratorDriver.Create(new[] { new ContainerImageGenerator().AsSourceGenerator() }, parseOptions: options);

    private static int Count(GeneratorDriver driver)
    {
        int generated = driver.GetRunResult().GeneratedTrees.Length;
        if (generated < 1000)
        {
            throw new InvalidOperationException($"expected a file per declaration, got {generated} files");
        }

        return generated;
    }

    private static string Declaration(int i, string name) =>
        $$"""
        namespace Shop.Images{{i}}
        {
            [K8sManifests.ContainerImage("registry.example.com/shop/{{name}}{{i}}", PullSecret = "shop-registry")]
            internal static partial class Image{{i}} { }
        }
        """;
}

/// <summary>
/// Finds the <c>[ContainerImage]</c> classes as the real generator does; then only counts them, or emits one constant
/// file per declaration.
/// </summary>
internal sealed class FindOnlyGenerator(bool emit) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "K8sManifests.ContainerImageAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (attributeContext, _) => attributeContext.TargetSymbol.ContainingNamespace.Name + "." + attributeContext.TargetSymbol.Name);
        if (emit)
        {
            context.RegisterSourceOutput(names, static (output, name) => output.AddSource(name + ".g.cs", "// " + name));
        }
        else
        {
            context.RegisterSourceOutput(names.Collect(), static (_, _) => { });
        }
    }
}
