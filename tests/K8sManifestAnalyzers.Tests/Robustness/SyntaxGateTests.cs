using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analysis.Syntax;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// The hosts that walk every body skip a body whose declaration names nothing a manifest is built from
/// (<see cref="ManifestLexicon"/>, issue 18). The pre-check may cost time, never a finding: the hosts report the same
/// diagnostics with it and without it, on every input of the harness and on sources whose models travel under names
/// declared in other files. And it does skip ordinary code.
/// </summary>
public sealed class SyntaxGateTests
{
    private static readonly ImmutableArray<MetadataReference> References = GeneratorHarness.Net80(withKubernetes: true);

    [Fact]
    public async Task TheHarnessInputs_AreReportedAlikeWithAndWithoutThePreCheck()
    {
        var inputs = MutationTests.Inputs();
        int reported = 0;
        foreach (var input in inputs)
        {
            if (input.Source.Contains(MutationTests.AspireKubernetesUsing, StringComparison.Ordinal))
            {
                // These compile against stubs added by the harness; the Aspire front-end does not walk bodies anyway.
                continue;
            }

            reported += await AssertAlikeAsync(input.Origin, input.Source);
        }

        // The inputs are the test sources' manifests: most of them report something, which the pre-check kept.
        Assert.True(reported > 300, $"only {reported} diagnostics over the harness inputs");
    }

    [Theory]
    [InlineData("a factory declared in another file", """
        using k8s.Models;
        public static class Factory
        {
            public static V1Container Create(string image) => new V1Container { Name = "app", Image = image };
        }
        """, """
        public static class Caller
        {
            public static object Build() => Factory.Create("nginx:latest");
        }
        """)]
    [InlineData("a global using alias in another file", """
        global using Box = k8s.Models.V1Container;
        public static class Factory
        {
            public static Box Create(string image, string policy) => new Box { Name = "app", Image = image, ImagePullPolicy = policy };
        }
        """, """
        public static class Caller
        {
            public static object Build() => Factory.Create("nginx:latest", "IfNotPresent");
        }
        """)]
    [InlineData("a type derived from a model type in another file", """
        using k8s.Models;
        public class AppContainer : V1Container { }
        public static class Factory
        {
            public static AppContainer Create(string image) => new AppContainer { Name = "app", Image = image };
        }
        """, """
        public static class Caller
        {
            public static object Build() => Factory.Create("nginx:latest");
        }
        """)]
    [InlineData("a helper that adds to a spec it is handed, through a primary constructor's parameter", """
        using k8s.Models;
        public static class Helpers
        {
            public static void AddApp(V1PodSpec spec, string image) => spec.Containers.Add(new V1Container { Name = "app", Image = image });
        }
        public partial class Deployer(V1PodSpec pod) { }
        """, """
        public partial class Deployer
        {
            public void Run() => Helpers.AddApp(pod, "registry.example.com/shop/app:latest");
        }
        """)]
    [InlineData("a docker config built from a constant declared in another file", """
        public static class Parts
        {
            public const string Auths = "{\"auths\":";
        }
        """, """
        public static class Caller
        {
            public static string Json() => Parts.Auths + "{\"registry.example.com\":{\"auth\":\"dXNlcjpwYXNzd29yZA==\"}}}";
        }
        """)]
    public async Task NamesDeclaredInAnotherFile_KeepTheBodyInView(string what, string declarations, string caller)
    {
        int reported = await AssertAlikeAsync(what, caller, declarations);
        Assert.True(reported > 0, $"{what}: nothing reported, so the test proves nothing");
    }

    [Fact]
    public void OrdinaryApplicationCode_IsNotWalked()
    {
        const string Application = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Text.Json;

            public sealed record Order(string Name, decimal Price, int Quantity);

            public sealed class OrderService
            {
                private readonly Dictionary<string, Order> _orders = new();

                public decimal Total(IEnumerable<Order> orders) => orders.Sum(o => o.Price * o.Quantity);

                public string Describe(Order order)
                {
                    var text = new StringBuilder();
                    text.Append(order.Name).Append(": ").Append(order.Price);
                    return text.ToString() + JsonSerializer.Serialize(order);
                }

                public void Add(Order order)
                {
                    if (!_orders.TryAdd(order.Name, order))
                    {
                        throw new InvalidOperationException($"{order.Name} is there already");
                    }
                }
            }
            """;
        const string Manifests = """
            using System.Collections.Generic;
            using k8s.Models;

            public static class Manifests
            {
                public static V1Container Api() => new V1Container { Name = "api", Image = "registry.example.com/api:1.0" };

                public static void AddApi(List<V1Container> containers) => containers.Add(Api());

                public static object Indirect() => Api();

                public static object Untyped() => new V1PodSpec();

                public static List<int> Numbers() => new() { 1, 2 };
            }
            """;
        var compilation = GeneratorHarness.Compilation(Application, References)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(Manifests, new CSharpParseOptions(LanguageVersion.Latest), path: "Manifests.cs"));
        var lexicon = ManifestLexicon.Create(compilation, CancellationToken.None);

        var concerned = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .ToDictionary(method => method.Identifier.ValueText, method => lexicon.MayConcern((SyntaxNode?)method.Body ?? method.ExpressionBody!, models: true));

        Assert.False(concerned["Total"]);
        Assert.False(concerned["Describe"]);
        Assert.False(concerned["Add"]);
        Assert.True(concerned["AddApi"]);
        Assert.True(concerned["Api"]);
        Assert.True(concerned["Indirect"]);
        Assert.True(concerned["Untyped"]);

        // A target-typed new() may be of a model type named nowhere in the body: it is looked at, whatever its type.
        Assert.True(concerned["Numbers"]);
    }

    [Fact]
    public void AConstantStringWithoutADockerConfig_IsNotLookedAtForKma105()
    {
        const string Source = """
            public static class Texts
            {
                public const string Greeting = "hello";
                public static string Json() => "{\"auths\":{}}";
                public static string Plain() => Greeting + " world";
                public static string Utf8() => System.Text.Encoding.UTF8.GetString("{\"auths\":{}}"u8);
            }
            """;
        var compilation = GeneratorHarness.Compilation(Source, References);
        var lexicon = ManifestLexicon.Create(compilation, CancellationToken.None);
        var methods = compilation.SyntaxTrees[0].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);

        Assert.True(lexicon.MayConcern(methods["Json"].ExpressionBody!, models: false));
        Assert.True(lexicon.MayConcern(methods["Utf8"].ExpressionBody!, models: false));
        Assert.False(lexicon.MayConcern(methods["Plain"].ExpressionBody!, models: false));
    }

    [Fact]
    public void AnEditInsideABody_KeepsTheLexicon_AndANewDeclarationMakesANewOne()
    {
        const string Helpers = """
            using k8s.Models;
            public static class Helpers
            {
                public static void AddApp(V1PodSpec spec) => spec.Containers.Add(new V1Container { Name = "app" });
            }
            """;
        const string Caller = """
            public static class Caller
            {
                public static int Count() => 1;
            }
            """;
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var first = GeneratorHarness.Compilation(Helpers, References).AddSyntaxTrees(CSharpSyntaxTree.ParseText(Caller, parse, path: "Caller.cs"));
        var lexicon = ManifestLexicon.For(first);

        // The IDE's next request: a new compilation, the caller's tree edited inside a body.
        var callerTree = first.SyntaxTrees.Single(t => t.FilePath == "Caller.cs");
        var edited = first.ReplaceSyntaxTree(callerTree, CSharpSyntaxTree.ParseText(Caller.Replace("=> 1;", "=> 2;"), parse, path: "Caller.cs"));
        Assert.Same(lexicon, ManifestLexicon.For(edited));

        // A new helper whose header names a model type is a new name the pre-check must know.
        var declared = first.ReplaceSyntaxTree(callerTree, CSharpSyntaxTree.ParseText(Caller.Replace("public static int Count() => 1;", "public static k8s.Models.V1Pod Pod() => new(); public static object Use() => Pod();"), parse, path: "Caller.cs"));
        var newLexicon = ManifestLexicon.For(declared);
        Assert.NotSame(lexicon, newLexicon);
        var use = declared.SyntaxTrees.Single(t => t.FilePath == "Caller.cs").GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Use");
        Assert.True(newLexicon.MayConcern(use.ExpressionBody!, models: true));
        Assert.False(lexicon.MayConcern(use.ExpressionBody!, models: true));
    }

    // Both hosts with the pre-check and without it, over the whole compilation (compilation end included), with the
    // harness's options; the diagnostics must be the same. Returns how many there were.
    // On GeneratorHarness: two analyses of one compilation are compared with each other, not with expected findings.
    private static async Task<int> AssertAlikeAsync(string what, string source, params string[] others)
    {
        var compilation = GeneratorHarness.Compilation(source, source.Contains("namespace k8s.Models", StringComparison.Ordinal) ? GeneratorHarness.Net80(withKubernetes: false) : References);
        for (int i = 0; i < others.Length; i++)
        {
            compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(others[i], (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: $"Other{i}.cs"));
        }

        var (output, _) = GeneratorHarness.Run(compilation);
        var gated = await DiagnosticsAsync(output, syntaxGate: true, what);
        var walked = await DiagnosticsAsync(output, syntaxGate: false, what);
        Assert.True(walked.SequenceEqual(gated), $"{what}: with the pre-check [{string.Join("; ", gated)}], without it [{string.Join("; ", walked)}]");
        return walked.Length;
    }

    private static async Task<ImmutableArray<string>> DiagnosticsAsync(Compilation compilation, bool syntaxGate, string what)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerAnalyzer(syntaxGate), new PullSecretAnalyzer(syntaxGate));
        var diagnostics = await compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(MutationTests.SomeOptions, (e, _, _) => exceptions.Enqueue(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, $"an analyzer threw on {what}: {exceptions.FirstOrDefault()}");
        return diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}
