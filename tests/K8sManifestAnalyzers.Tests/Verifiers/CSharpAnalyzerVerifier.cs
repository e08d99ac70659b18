using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>Analyzer-only verification against KubernetesClient 21 and C# 12 unless a test says otherwise.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>
    /// The rule's finding, with the message of its first descriptor. A rule with one descriptor per message shape
    /// (KMA003, KMA008, KMA103) takes the other shapes through <see cref="Diagnostic(DiagnosticDescriptor)"/>.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(System.Linq.Enumerable.First(new TAnalyzer().SupportedDiagnostics, d => d.Id == id));

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = KubernetesReferences.KubernetesClient21;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

        /// <summary>Runs the rules that are off by default (KMA113, KMA116) too; see <see cref="OptInRules"/>.</summary>
        public bool EnableOptInRules { get; set; }

        protected override Project ApplyCompilationOptions(Project project) =>
            EnableOptInRules ? base.ApplyCompilationOptions(project) : OptInRules.KeepOff(base.ApplyCompilationOptions(project), GetDiagnosticAnalyzers());

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            System.Linq.Enumerable.Select(base.GetDiagnosticAnalyzers(), analyzer => (DiagnosticAnalyzer)new OneDescriptorPerRule(analyzer));

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
