using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// The hosts read each body with one walk of their own at the block's end (<c>OperationBlocks</c>, each block's
/// <c>DescendantsAndSelf</c>) instead of registering operation actions. The walk must see the same operations, each once,
/// that Roslyn calls operation actions on: lambdas, local functions, field and property initializers, constructor
/// initializers (a primary constructor's included), parameter defaults, accessors and top-level statements. Checked by
/// one probe doing both on the same compilations, the harness's inputs and half-typed variants of them.
/// </summary>
public sealed class OperationWalkCoverageTests
{
    // The kinds PullSecretAnalyzer collects from, and ContainerAnalyzer's With.
    private static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.MethodReference, OperationKind.SimpleAssignment,
        OperationKind.CoalesceAssignment, OperationKind.With);

    private const string EveryPlace = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using k8s.Models;

        var top = new V1Secret { Type = "kubernetes.io/dockerconfigjson" };
        top.Metadata ??= new V1ObjectMeta();
        Console.WriteLine(Helpers.Make(top));
        void LocalInTopLevel() => top.Type = Helpers.Name();
        LocalInTopLevel();

        class Base
        {
            public Base(V1PodSpec spec) { }
            public Base() : this(new V1PodSpec { ServiceAccountName = Helpers.Name() }) { }
        }

        class Derived(V1Secret secret) : Base(new V1PodSpec { ImagePullSecrets = new List<V1LocalObjectReference> { new() { Name = secret.Name() } } })
        {
            private readonly V1Secret _field = new() { Type = Helpers.Name() };
            private static Func<V1Secret> s_factory = () => new V1Secret { Type = "Opaque" };
            public V1PodSpec Property { get; set; } = new() { ServiceAccountName = "builder" };
            public V1PodSpec Expression => new() { ServiceAccountName = Helpers.Name() };
            public string this[int i] { get => Helpers.Name(); set => _field.Type = value; }
            public event EventHandler? Changed { add => _field.Type = Helpers.Name(); remove => _field.Type ??= "x"; }
            public static Derived operator +(Derived a, Derived b) => new(new V1Secret { Type = Helpers.Name() });
            public Derived() : this(new V1Secret()) { Property.ServiceAccountName ??= Helpers.Name(); }
            ~Derived() { _field.Type = Helpers.Name(); }

            [Mark(Helpers.Constant, Name = nameof(Many))]
            public IEnumerable<string> Many(IEnumerable<V1Secret> secrets, string fallback = Helpers.Constant)
            {
                var names = secrets.Select(Helpers.Make).Select(s => s.Type = Helpers.Name()).ToList();
                Func<V1Secret, V1Secret> copy = delegate (V1Secret s) { return new V1Secret { Type = s.Type }; };
                var container = new V1Container { Image = "nginx" };
                var record = new Pair("a", new V1Secret()) with { Secret = new V1Secret { Type = Helpers.Name() } };
                int Local(V1Secret s) { s.Type = Helpers.Name(); return Helpers.Make(s).Type.Length; }
                static V1Secret StaticLocal() => new() { Type = Helpers.Name() };
                Local(StaticLocal());
                return names.Concat(new[] { copy(secret).Type, record.Secret.Type, fallback });
            }
        }

        record Pair(string Name, V1Secret Secret);

        static class Helpers
        {
            public const string Constant = "shop";
            public static string Name() => Constant;
            public static string Name(this V1Secret? secret) => secret?.Metadata?.Name ?? Name();
            public static V1Secret Make(V1Secret secret) { secret.Metadata ??= new(); return secret; }
        }

        [AttributeUsage(AttributeTargets.All)]
        sealed class MarkAttribute(string name) : Attribute { public string Name { get; set; } = name; }
        """;

    [Fact]
    public Task EveryPlaceCodeRuns_IsSeenByTheWalkAsByOperationActions() => AssertSameAsync(EveryPlace, expectAtLeast: 60, program: true);

    [Fact]
    public async Task TheHarnessInputsAndHalfTypedVariants_AreSeenByTheWalkAsByOperationActions()
    {
        var inputs = MutationTests.Inputs();
        for (int index = 0; index < inputs.Count; index++)
        {
            // The whole input, and a prefix and a token deletion of it (half-typed code: invalid operations, missing parts).
            foreach (var (name, text) in MutationTests.Variants(inputs[index].Source, seed: index).Where((_, i) => i is 0 or 5 or 15))
            {
                await AssertSameAsync(text, expectAtLeast: 0, program: false, $"{inputs[index].Origin}, {name}");
            }
        }
    }

    // BodyOperations lets the second host read the list the first one's walk made: that saves a walk only because Roslyn
    // hands every analyzer of a compilation the same operation tree of a body. Two analyzers, one compilation.
    [Fact]
    public async Task TwoAnalyzers_AreHandedTheSameOperationBlocks()
    {
        var compilation = GeneratorHarness.Compilation(EveryPlace, GeneratorHarness.Net80(withKubernetes: true));
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var first = new Probe();
        var second = new Probe();
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(first, second)).GetAnalyzerDiagnosticsAsync();

        var firstBlocks = first.Blocks.ToList();
        Assert.True(firstBlocks.Count > 10, $"only {firstBlocks.Count} blocks");
        Assert.Equal(firstBlocks.Count, second.Blocks.Count);
        Assert.All(firstBlocks, block => Assert.Contains(block, second.Blocks, ReferenceEqualityComparer.Instance));
    }

    // On GeneratorHarness: a probe records the operation blocks Roslyn hands analyzers; there are no findings to expect.
    private static async Task AssertSameAsync(string source, int expectAtLeast, bool program, string what = "the source")
    {
        var references = source.Contains("namespace k8s.Models", StringComparison.Ordinal)
            ? GeneratorHarness.Net80(withKubernetes: false)
            : GeneratorHarness.Net80(withKubernetes: true);
        var compilation = GeneratorHarness.Compilation(source, references);
        if (program)
        {
            // Top-level statements; the source compiles, so every place is bound as in a user's build.
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        var (output, _) = GeneratorHarness.Run(compilation);
        var probe = new Probe();
        var exceptions = new ConcurrentQueue<Exception>();
        await output.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(probe),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Enqueue(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, $"probe threw on {what}: {exceptions.FirstOrDefault()}");

        // The same operation objects (Roslyn hands both the same tree), each seen once by each.
        var byActions = probe.ByActions.ToList();
        var byWalk = probe.ByWalk.ToList();
        Assert.True(byActions.Count >= expectAtLeast, $"only {byActions.Count} operations in {what}");
        Assert.Equal(byActions.Count, byActions.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(byWalk.Count, byWalk.Distinct(ReferenceEqualityComparer.Instance).Count());
        // The hosts' shared list holds the same operations as the walk, in the same order.
        Assert.Equal(byWalk, probe.ByList.ToList(), ReferenceEqualityComparer.Instance);
        var missed = byActions.Except(byWalk, ReferenceEqualityComparer.Instance).Cast<IOperation>().Select(Describe).ToList();
        var extra = byWalk.Except(byActions, ReferenceEqualityComparer.Instance).Cast<IOperation>().Select(Describe).ToList();
        Assert.True(missed.Count == 0 && extra.Count == 0, $"{what}: not walked: [{string.Join("; ", missed)}], walked only: [{string.Join("; ", extra)}]");
    }

    private static string Describe(IOperation operation) => $"{operation.Kind} '{operation.Syntax}' at {operation.Syntax.GetLocation().GetLineSpan().StartLinePosition}";

#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS2008 // a probe, never shipped
    private sealed class Probe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("PROBE", "Never reported", "Never reported", "Probe", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public ConcurrentQueue<IOperation> ByActions { get; } = new();

        public ConcurrentQueue<IOperation> ByWalk { get; } = new();

        public ConcurrentQueue<IOperation> ByList { get; } = new();

        public ConcurrentQueue<IOperation> Blocks { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(c => ByActions.Enqueue(c.Operation), Kinds);
#pragma warning disable RS1013 // the hosts' shape
                start.RegisterOperationBlockStartAction(blockStart => blockStart.RegisterOperationBlockEndAction(block =>
                {
                    foreach (var root in block.OperationBlocks)
                    {
                        Blocks.Enqueue(root);
                        foreach (var operation in root.DescendantsAndSelf())
                        {
                            if (Kinds.Contains(operation.Kind))
                            {
                                ByWalk.Enqueue(operation);
                            }
                        }

                        // The hosts read the list the first of them to walk the block found (BodyOperations).
                        foreach (var operation in K8sManifestAnalyzers.Analysis.BodyOperations.Of(root))
                        {
                            if (Kinds.Contains(operation.Kind))
                            {
                                ByList.Enqueue(operation);
                            }
                        }
                    }
                }));
#pragma warning restore RS1013
            });
        }
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS2008
}
