using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// Analyzer-only verification: the code-fix verifier (<see cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}"/>, the one
/// verifier family, with its references, language version and opt-in rules) with no fix, so a rule without a fix is
/// tested exactly like one with a fix.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <inheritdoc cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}.Diagnostic(string)"/>
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The family's test with no fix.</summary>
    public sealed class Test : CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Test
    {
    }
}
