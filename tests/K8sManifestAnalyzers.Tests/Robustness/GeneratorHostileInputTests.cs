using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// The generator fed hostile <c>[ContainerImage]</c> inputs at every C# language version: huge strings, control
/// characters, lone surrogates, quotes and braces, non-constant and missing arguments, and one partial type spread
/// over many files. It never throws, and its output never holds an error of its own: an input it cannot turn into a
/// builder gets a diagnostic (or no builder), never broken code. The analyzers run on every input too.
/// </summary>
public sealed class GeneratorHostileInputTests(ITestOutputHelper output)
{
    private static readonly string[] Arguments =
    {
        "\"\"",
        "\" \"",
        "\"" + new string('a', 100_000) + "\"",
        "\"registry.example.com/" + string.Concat(Enumerable.Repeat("a/", 5_000)) + "app\"",
        "\"nginx\\0\\u0001\\u001b[31m\\r\\n\\t\"",
        "\"nginx\\ud800\"",
        "\"\\udc00nginx\"",
        "\"ngi\\\"nx\\\\\"",
        "\"{{nginx}}\"",
        "\"nginx\\u2028\\u2029\\u0085\"",
        "\"ΝGΙΝΧ\"",
        "\"*/ nginx /*\"",
        "\"#endregion\\n#error no\"",
        "@\"nginx\"\"\"",
        "null",
        "(string)null",
        "default",
        "Program.Image",
        "nameof(Program)",
        "1",
        "\"nginx\" + \"/x\"",
    };

    private static readonly string[] Declarations =
    {
        "[K8sManifests.ContainerImage({0})] internal static partial class Image {{ }}",
        "[K8sManifests.ContainerImage(\"nginx\", PullSecret = {0})] internal static partial class Image {{ }}",
        "[K8sManifests.ContainerImage({0}, PullSecret = {0})] internal partial struct Image {{ }}",
        "[K8sManifests.ContainerImage({0})] [K8sManifests.ContainerImage({0})] internal static partial class Image {{ }}",
        "[K8sManifests.ContainerImage({0})] internal static class Image {{ }}",
        "[K8sManifests.ContainerImage({0})] internal static partial class Image<T> {{ }}",
        "internal static partial class Outer {{ [K8sManifests.ContainerImage({0})] private partial class Image {{ }} }}",
        "[K8sManifests.ContainerImage({0})] internal static partial class",
        "[K8sManifests.ContainerImage({0}",
        "namespace {{ [K8sManifests.ContainerImage({0})] internal static partial class Image {{ }} }}",
        "namespace Shop. {{ [K8sManifests.ContainerImage({0})] internal static partial class Image {{ }} }}",
        "internal partial class {{ [K8sManifests.ContainerImage({0})] internal static partial class Image {{ }} }}",
    };

    // From C# 2, the floor of the generated code: Roslyn's EmbeddedAttribute definition is partial and uses `global::`.
    private static readonly LanguageVersion[] Versions = Enum.GetValues<LanguageVersion>()
        .Where(v => v is not LanguageVersion.LatestMajor and not LanguageVersion.Default and not LanguageVersion.CSharp1)
        .ToArray();

    [Fact]
    public async Task HostileAttributeInputs_AtEveryLanguageVersion_NeverBreakTheGenerator()
    {
        var references = GeneratorHarness.Net80(withKubernetes: true);
        int runs = 0;
        for (int a = 0; a < Arguments.Length; a++)
        {
            for (int d = 0; d < Declarations.Length; d++)
            {
                string source = "internal static class Program { internal const string Image = \"nginx\"; }\n"
                    + string.Format(System.Globalization.CultureInfo.InvariantCulture, Declarations[d], Arguments[a]);

                // Every version for a few shapes; otherwise a spread of versions, so each input meets several.
                foreach (var version in d < 2 ? Versions : new[] { Versions[(a + d) % Versions.Length], LanguageVersion.Latest })
                {
                    runs++;
                    Check(GeneratorHarness.Compilation(source, references, version), $"argument {a}, declaration {d}, {version}");
                }

                // The analyzers (KMA2xx among them) on the same input, per document and at compilation end.
                await MutationTests.AnalyseAsync(source, $"argument {a}, declaration {d}");
            }
        }

        output.WriteLine($"{runs} generator runs over {Arguments.Length} arguments × {Declarations.Length} declarations, no exception");
    }

    [Fact]
    public void OnePartialType_InManyFiles_NeverBreaksTheGenerator()
    {
        var trees = new List<SyntaxTree>();
        for (int i = 0; i < 200; i++)
        {
            string attribute = i % 3 == 0 ? $"[K8sManifests.ContainerImage(\"registry.example.com/app{i}\")] " : string.Empty;
            trees.Add(CSharpSyntaxTree.ParseText(
                $"namespace Shop {{ {attribute}internal static partial class Image {{ internal static int Part{i} => {i}; }} }}",
                new CSharpParseOptions(LanguageVersion.Latest),
                path: $"Part{i}.cs"));
        }

        var compilation = CSharpCompilation.Create("Consumer", trees, GeneratorHarness.Net80(withKubernetes: true), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Check(compilation, "one partial type in 200 files");
    }

    // On GeneratorHarness: thousands of runs with no expected output, asserting only that nothing throws or breaks.
    private static void Check(CSharpCompilation compilation, string what)
    {
        var (generated, result) = GeneratorHarness.Run(compilation);
        var run = result.Results.Single();
        Assert.True(run.Exception is null, $"generator threw on {what}: {run.Exception}");

        // No error inside generated code: the generator either emitted valid code or emitted nothing for the input.
        var generatedTrees = new HashSet<SyntaxTree>(result.GeneratedTrees);
        var errors = generated.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
        var builder = new StringBuilder();
        foreach (var error in errors.Take(3))
        {
            builder.AppendLine(error.ToString());
        }

        Assert.True(errors.Count == 0, $"generated code for {what} has errors:\n{builder}");
    }
}
