using System.Linq;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// <see cref="LiteralTextMap"/> alone: a position in a constant string's value back to the source that writes it,
/// through every literal kind, concatenation, constants and interpolation; a span it cannot place exactly is null.
/// The constant is the initializer of the field <c>V</c>; <c>[|…|]</c> marks where the searched text must map.
/// </summary>
public sealed class LiteralTextMapTests
{
    [Fact]
    public void RegularLiteral_EscapesAreMappedToTheirSource()
    {
        AssertMaps("""const string V = "kind: Pod\n  policy: [|\"Always\"|]\n";""", "\"Always\"");
        AssertMaps("""const string V = "kind: Pod\nimage: [|nginx|]\n";""", "nginx");
        AssertMaps("""const string V = "a[|\u0041b|]";""", "Ab");
        AssertMaps("""const string V = "a[|\x41BC|]d";""", "\u41BC");
        AssertMaps("""const string V = "a[|\U0001F600x|]";""", "\U0001F600x");
        AssertMaps("""const string V = "tab[|\t|]end";""", "\t");
    }

    [Fact]
    public void VerbatimLiteral_DoubledQuotesAreOneCharacter()
    {
        AssertMaps("const string V = @\"say [|\"\"hi\"\"|] now\";", "\"hi\"");
        AssertMaps("const string V = @\"kind: Pod\nspec:\n  image: [|nginx|]\n\";", "nginx");
        AssertMaps("const string V = @\"back\\slash [|\\n|]\";", "\\n");
    }

    [Fact]
    public void RawLiterals_SingleLine_AndMultiLineWithIndentationRemoved()
    {
        AssertMaps("const string V = \"\"\"a \"[|quoted|]\" b\"\"\";", "quoted");
        const string MultiLine = "class C\n{\n    const string V = \"\"\"\n        kind: Pod\n        spec:\n          containers:\n\n            - image: [|nginx:1.27|]\n        \"\"\";\n}";
        AssertMaps(MultiLine, "nginx:1.27");
        AssertMaps(MultiLine.Replace("\n", "\r\n"), "nginx:1.27");
        // A whitespace-only line shorter than the indentation, and one longer than it.
        AssertMaps("class C\n{\n    const string V = \"\"\"\n        a: 1\n  \n            \n        b: [|two|]\n        \"\"\";\n}", "two");
        AssertMaps("const string V = \"\"\"\"\n    say \"\"\"[|x|]\"\"\"\n    \"\"\"\";", "x");
    }

    [Fact]
    public void Concatenation_MapsEachPiece_NeverAcrossPieces()
    {
        const string Source = """const string V = "image: " + ("ngi" + "[|nx|]");""";
        AssertMaps(Source, "nx");
        AssertMaps("""const string V = "[|image|]: " + "nginx";""", "image");
        Assert.Null(MapOf(Source.Replace("[|", string.Empty).Replace("|]", string.Empty), "nginx"));
    }

    [Fact]
    public void ConstantsOfTheSameFile_MapToTheirDeclaration()
    {
        AssertMaps("""
            class C
            {
                const string Image = "[|nginx|]";
                const string V = "image: " + Image;
            }
            """, "nginx");
        AssertMaps("""
            class C
            {
                const string Image = "[|nginx|]";
                void M()
                {
                    const string V = $"image: {Image}";
                }
            }
            """, "nginx");
    }

    [Fact]
    public void ConstantsThatCannotBePlaced_AreKeptWithTheirLength()
    {
        const string Source = """
            class Foo
            {
                const string V = "name: " + nameof(Foo) + "[|!|]";
            }
            """;
        Assert.Null(MapOf(Source, "Foo"));
        AssertMaps(Source, "!");
    }

    [Fact]
    public void InterpolatedStrings_OfEveryKind()
    {
        AssertMaps(""""
            class C
            {
                const string Tag = "1.27";
                const string V = $"image: nginx:{Tag} [|{{x}}|]";
            }
            """", "{x}");
        AssertMaps(""""
            class C
            {
                const string Tag = "[|1.27|]";
                const string V = $@"image: ""nginx:{Tag}""";
            }
            """", "1.27");
        AssertMaps(""""
            class C
            {
                const string Tag = "1.27";
                const string V = $@"image: [|""nginx|]:{Tag}""";
            }
            """", "\"nginx");
        AssertMaps(""""
            class C
            {
                const string Tag = "1.27";
                const string V = $$"""
                    kind: Pod
                    image: nginx:{{Tag}} [|{x}|]
                    """;
            }
            """", "{x}");
        AssertMaps(""""
            class C
            {
                const string Tag = "[|1.27|]";
                const string V = $"""
                    image: nginx:{Tag}
                      policy: Always
                    """;
            }
            """", "1.27");
        // A span across a hole is not one piece of source.
        Assert.Null(MapOf(""""
            class C
            {
                const string Tag = "1.27";
                const string V = $"image: nginx:{Tag}";
            }
            """", "nginx:1.27"));
    }

    [Fact]
    public void EmptySpans_MapToAPosition()
    {
        var (map, source, _) = Build("""const string V = "a\nb";""");
        Assert.Equal(source.IndexOf("\\n", System.StringComparison.Ordinal), map.Map(new TextSpan(1, 0))!.Value.Start);
        Assert.Equal(source.LastIndexOf('"'), map.Map(new TextSpan(3, 0))!.Value.Start);
        Assert.Null(map.Map(new TextSpan(2, 5)));
    }

    private static void AssertMaps(string markedSource, string searched)
    {
        markedSource = Wrapped(markedSource);
        int open = markedSource.IndexOf("[|", System.StringComparison.Ordinal);
        int close = markedSource.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        Assert.True(open >= 0 && close >= open, "the source needs [|…|]");
        string source = markedSource.Replace("[|", string.Empty).Replace("|]", string.Empty);
        var mapped = MapOf(source, searched);
        Assert.NotNull(mapped);
        Assert.Equal(source.Substring(open, close - open), source.Substring(mapped!.Value.Start, mapped.Value.Length));
        Assert.Equal(TextSpan.FromBounds(open, close), mapped.Value);
    }

    private static TextSpan? MapOf(string source, string searched)
    {
        var (map, _, value) = Build(source);
        int at = value.IndexOf(searched, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{searched}' is not in the value '{value}'");
        return map.Map(new TextSpan(at, searched.Length));
    }

    private static string Wrapped(string source) =>
        source.TrimStart().StartsWith("class", System.StringComparison.Ordinal) ? source : "class C { " + source + " }";

    private static (LiteralTextMap Map, string Source, string Value) Build(string source)
    {
        string code = Wrapped(source);
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create("map", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var model = compilation.GetSemanticModel(tree);
        var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == "V");
        var expression = declarator.Initializer!.Value;
        string value = (string)model.GetConstantValue(expression).Value!;
        var map = LiteralTextMap.Build(
            expression,
            value,
            e => model.GetConstantValue(e).Value as string,
            e => model.GetSymbolInfo(e).Symbol is IFieldSymbol { IsConst: true } field
                && field.DeclaringSyntaxReferences.Single().GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                ? initializer
                : null);
        return (map, code, value);
    }
}
