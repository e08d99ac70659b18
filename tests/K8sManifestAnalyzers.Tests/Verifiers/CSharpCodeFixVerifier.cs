using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// The project's one verifier family: diagnostics, the single fix, iterated fixes and Fix All, in one call; the fixed
/// code must compile. Runs against KubernetesClient 21 and C# 12 unless a test says otherwise. Analyzer-only tests use
/// it with no fix (<see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>).
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// The rule's finding, with the message of its first descriptor. A rule with one descriptor per message shape
    /// (KMA003, KMA008, KMA103) takes the other shapes through <see cref="Diagnostic(DiagnosticDescriptor)"/>.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(System.Linq.Enumerable.First(new TAnalyzer().SupportedDiagnostics, d => d.Id == id));

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    /// <summary>Diagnostics only, for cases whose findings are not the point of the test's fix.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that no fix is offered: the diagnostics are reported and the code stays as it is.</summary>
    public static Task VerifyNoCodeFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, DiagnosticResult[]? expected = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        test.ExpectedDiagnostics.AddRange(expected ?? System.Array.Empty<DiagnosticResult>());
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// The family's settings (<see cref="VerifierSettings"/>: KubernetesClient 21, C# 12, nullable on), with what is the
    /// analyzers' own: opt-in rules off, one descriptor per rule, generators run first when a test names them.
    /// </summary>
    public class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = VerifierSettings.ReferenceAssemblies;
        }

        public LanguageVersion LanguageVersion { get; set; } = VerifierSettings.LanguageVersion;

        /// <summary>Runs the rules that are off by default (KMA113, KMA116) too; see <see cref="OptInRules"/>.</summary>
        public bool EnableOptInRules { get; set; }

        protected override Project ApplyCompilationOptions(Project project) =>
            EnableOptInRules ? base.ApplyCompilationOptions(project) : OptInRules.KeepOff(base.ApplyCompilationOptions(project), GetDiagnosticAnalyzers());

        protected override ParseOptions CreateParseOptions() => VerifierSettings.ParseOptions(base.CreateParseOptions(), LanguageVersion);

        protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            System.Linq.Enumerable.Select(base.GetDiagnosticAnalyzers(), analyzer => (DiagnosticAnalyzer)new OneDescriptorPerRule(analyzer));

        protected override CompilationOptions CreateCompilationOptions() => VerifierSettings.CompilationOptions(base.CreateCompilationOptions(), LanguageVersion);

        /// <summary>
        /// Source generators that run before the analyzers, for rules that judge code using what a generator writes
        /// (the image builders of <c>ContainerImageGenerator</c>). The generated files are not compared here: that is
        /// the generator verifier's part (<see cref="CSharpGeneratorVerifier{TGenerator}"/>).
        /// </summary>
        public System.Collections.Generic.List<System.Type> SourceGenerators { get; } = new();

        protected override System.Collections.Generic.IEnumerable<System.Type> GetSourceGenerators() =>
            System.Linq.Enumerable.Concat(base.GetSourceGenerators(), SourceGenerators);

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            if (SourceGenerators.Count > 0)
            {
                TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            }

            return base.RunImplAsync(cancellationToken);
        }
    }
}
