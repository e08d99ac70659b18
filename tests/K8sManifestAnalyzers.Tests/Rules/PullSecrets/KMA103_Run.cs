using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>
/// How the KMA103 tests run the compilation-end host: with the options given, and without the rules that are not their
/// subject (undefined, unused or incomplete Secrets: KMA101, KMA102, KMA104; undefined service accounts: KMA118).
/// </summary>
internal static class KMA103_Run
{
    /// <summary>The options of the tests whose private registry is <c>registry.shop.example</c>.</summary>
    internal const string ShopRegistry = "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.shop.example\n";

    internal static Task Analyzer(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Verifiers.CSharpAnalyzerVerifier<Analyzers.PullSecretAnalyzer>.Test();
        test.TestState.Sources.Add(source);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.DisabledDiagnostics.AddRange(new[] { "KMA101", "KMA102", "KMA104", "KMA118" });
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
