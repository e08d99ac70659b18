using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// A compilation of one source with the verifiers' settings (<see cref="VerifierSettings"/>: KubernetesClient 21,
/// C# 12), for tests that read a model from it directly rather than through a verifier (the readers' facts,
/// half-typed code).
/// </summary>
internal static class KubernetesCompilation
{
    /// <summary>The compilation; with <paramref name="mustCompile"/>, the source is first checked to have no error.</summary>
    internal static async Task<CSharpCompilation> OfAsync(string name, string source, bool nullable = true, bool mustCompile = true)
    {
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(VerifierSettings.LanguageVersion)) },
            await VerifierSettings.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, default),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable));
        if (mustCompile)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        return compilation;
    }
}
