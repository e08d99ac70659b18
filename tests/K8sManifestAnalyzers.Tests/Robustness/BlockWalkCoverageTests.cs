using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// The per-body host judges, in one walk of its own at each operation block's end (the blocks' operations,
/// <c>DescendantsAndSelf</c>), rules that were operation actions before (KMA105's constant strings anywhere, KMA106's
/// assignments, arguments and Adds, the environment rules). That is only the same if the walk meets every operation
/// the compiler hands operation actions, once each: field, property and parameter initializers, constructor
/// initializers, primary constructors, lambdas, local functions, top-level statements, attributes, enum members. This
/// runs both over one source and compares what each saw.
/// </summary>
public sealed class BlockWalkCoverageTests
{
    private static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary, OperationKind.Utf8String,
        OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.Invocation,
        OperationKind.Argument, OperationKind.With);

    [Fact]
    public async Task TheBlockWalk_SeesEveryOperationTheOperationActionsSee_OnceEach()
    {
        const string source = """"
            using System;
            using System.Collections.Generic;

            [assembly: System.Reflection.AssemblyMetadata("a", "{\"auths\":" + "{}}")]

            var top = "top-level" + 1;
            Console.WriteLine(top);
            Local();
            void Local() => Console.WriteLine($"local {top}");

            enum Mode { A = 1 + 2, B = A | 4 }

            [Obsolete("attribute" + " argument")]
            class Base(string name, int count = 1 + 1)
            {
                public const string Constant = "const" + "ant";
                public static readonly string Field = string.Concat("fi", "eld"), Second = "second";
                public string Property { get; set; } = "prop" + "erty";
                public string Arrow => $"arrow {Property}";
                public List<string> List { get; } = new() { "a" };
                public string Name { get; } = name;

                public Base() : this("ctor" + "init")
                {
                    var holder = new Holder { Text = "init" };
                    holder.Text ??= "coalesce";
                    Func<string, string> lambda = x => x + "lambda";
                    Action<string> statement = x => { var y = x + "statement lambda"; };
                    string Nested(string s = "default" + "value") => s + "nested";
                    Console.WriteLine(lambda(Nested()));
                    byte[] utf8 = "utf8"u8.ToArray();
                    var copy = new Rec("x") with { Value = "with" };
                }

                public Base(int n) : this($"{n}") => Console.WriteLine("expression" + n);

                public event EventHandler? Changed { add { Console.WriteLine("add"); } remove { } }

                public string this[int i] { get => "indexer" + i; set => Console.WriteLine(value + "set"); }

                public static implicit operator string(Base b) => "conversion" + b.Name;

                ~Base() { Console.WriteLine("finalizer"); }

                [return: System.ComponentModel.Description("return" + " attribute")]
                public void Parameters([System.ComponentModel.Description("parameter" + " attribute")] string p = "parameter" + "default") { }
            }

            class Derived() : Base("primary" + "base");

            record Rec(string Value = "record" + "default");

            class Holder { public string? Text { get; set; } }

            static class Switches
            {
                public static string Pick(int i) => i switch { 0 => "zero", _ => "other" + i };
            }
            """";

        var compilation = GeneratorHarness.Compilation(source, GeneratorHarness.Net80(withKubernetes: false))
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var recorder = new Recorder();
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(recorder)).GetAnalyzerDiagnosticsAsync();

        var byActions = recorder.ByActions.OrderBy(x => x).ToList();
        var byWalk = recorder.ByWalk.OrderBy(x => x).ToList();
        Assert.True(byActions.Count > 60, $"the source has the constructs: {byActions.Count} operations seen");
        Assert.Equal(byActions, byWalk);

        // The places the rules must reach, seen by both.
        foreach (var text in new[] { "\"const\"", "\"prop\"", "\"statement lambda\"", "\"nested\"", "\"parameter\" + \"default\"", "\"record\" + \"default\"", "\"ctor\" + \"init\"", "\"primary\" + \"base\"", "\"attribute\" + \" argument\"", "\"utf8\"u8", "Text ??= \"coalesce\"" })
        {
            Assert.Contains(byWalk, key => key.EndsWith(text, StringComparison.Ordinal));
        }
    }

#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS2008 // a probe, run by this test only
    private sealed class Recorder : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("PROBE", "Never", "Never", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public ConcurrentBag<string> ByActions { get; } = new();

        public ConcurrentBag<string> ByWalk { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(c => ByActions.Add(Key(c.Operation)), Kinds);
#pragma warning disable RS1013 // as the host registers it
            context.RegisterOperationBlockStartAction(start => start.RegisterOperationBlockEndAction(block =>
            {
                foreach (var root in block.OperationBlocks)
                {
                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        if (Kinds.Contains(operation.Kind))
                        {
                            ByWalk.Add(Key(operation));
                        }
                    }
                }
            }));
#pragma warning restore RS1013
        }

        private static string Key(IOperation operation) => $"{operation.Syntax.SpanStart:D5} {operation.Syntax.Span.Length:D4} {operation.Kind} {operation.Syntax.ToString().Replace("\n", " ", StringComparison.Ordinal)}";
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS2008
}
