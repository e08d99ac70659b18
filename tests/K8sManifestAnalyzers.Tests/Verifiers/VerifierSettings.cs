using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// The settings every verifier of the family runs with, written once: KubernetesClient 21, C# 12, nullable on from
/// C# 8. The analyzer and fix verifier (<see cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}"/>) and the generator
/// verifier (<see cref="CSharpGeneratorVerifier{TGenerator}"/>) derive from different framework tests, so each applies
/// these in its constructor and option overrides, and adds only what is its own.
/// </summary>
internal static class VerifierSettings
{
    /// <summary>The references of a test that does not choose its own.</summary>
    public static ReferenceAssemblies ReferenceAssemblies => KubernetesReferences.KubernetesClient21;

    /// <summary>The language version of a test that does not choose its own.</summary>
    public const LanguageVersion LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12;

    /// <summary>The framework's parse options at the test's language version.</summary>
    public static ParseOptions ParseOptions(ParseOptions options, LanguageVersion version) =>
        ((CSharpParseOptions)options).WithLanguageVersion(version);

    /// <summary>
    /// The framework's compilation options with nullable on, as in a project of ours; below C# 8 a project cannot turn
    /// nullable on (CS8630), so it stays off there, as in such a project.
    /// </summary>
    public static CompilationOptions CompilationOptions(CompilationOptions options, LanguageVersion version) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(
            version.MapSpecifiedToEffectiveVersion() >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable);
}
