using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Secret and ConfigMap names computed with constant parts (<c>$"{tenant}-db"</c>, <c>"shared-" + env</c>) are
/// patterns (issue 19): a reference matches the objects its constant parts allow, on both sides; a missing object or
/// key is reported when no object those parts allow has it; an object no pattern can name stays unused.
/// </summary>
public sealed class NamesWithConstantPartsTests
{
    private const string Objects = """
        using System.Collections.Generic;
        using k8s.Models;

        static class Objects
        {
            public static V1Secret Database(string tenant) => new()
            {
                Metadata = new() { Name = $"{tenant}-db" },
                StringData = new Dictionary<string, string> { ["password"] = System.Environment.GetEnvironmentVariable("DB")!, ["user"] = "api" },
            };

            public static V1Secret Cache() => new() { Metadata = new() { Name = "shared-cache" }, StringData = new Dictionary<string, string> { ["url"] = "redis://cache" } };

            public static V1Secret Billing() => new() { Metadata = new() { Name = {|#9:"billing-api"|} }, StringData = new Dictionary<string, string> { ["token"] = "t" } };

            public static V1ConfigMap Settings(string tenant) => new() { Metadata = new() { Name = "settings-" + tenant }, Data = new Dictionary<string, string> { ["LOG_LEVEL"] = "info" } };
        }
        """;

    private static string Env(string passwordKey, string logKey) => $$"""
        using k8s.Models;

        static class Env
        {
            public static V1EnvVar[] For(string tenant, string environment) =>
            [
                new() { Name = "DB_USER", ValueFrom = new() { SecretKeyRef = new() { Name = $"{tenant}-db", Key = "user" } } },
                new() { Name = "DB_PASSWORD", ValueFrom = new() { SecretKeyRef = new() { Name = $"{tenant}-db", Key = {{passwordKey}} } } },
                new() { Name = "DB_URL", ValueFrom = new() { SecretKeyRef = new() { Name = {|#1:$"{tenant}-database"|}, Key = "url" } } },
                new() { Name = "CACHE", ValueFrom = new() { SecretKeyRef = new() { Name = "shared-" + environment, Key = "url" } } },
                new() { Name = "LOG_LEVEL", ValueFrom = new() { ConfigMapKeyRef = new() { Name = $"settings-{tenant}", Key = {{logKey}} } } },
                new() { Name = "TRACE", ValueFrom = new() { ConfigMapKeyRef = new() { Name = {|#3:$"tracing-{tenant}"|}, Key = "level" } } },
                new() { Name = "OPTIONAL", ValueFrom = new() { SecretKeyRef = new() { Name = $"{tenant}-extra", Key = "x", Optional = true } } },
            ];
        }
        """;

    [Fact]
    public async Task PatternReferences_AreJudgedAgainstTheObjectsTheirConstantPartsAllow()
    {
        // Compilation-end diagnostics: the fixes are checked as the build's fixers see them.
        var test = new VerifyCS.Test { CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(Objects);
        test.TestState.Sources.Add(Env("{|#0:\"pasword\"|}", "{|#2:\"LOGLEVEL\"|}"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KMA113.severity = warning\n"));
        // `billing-api` is a name no reference's constant parts allow; `shared-cache` is one `"shared-" + environment` may be.
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA113").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(9).WithArguments("billing-api"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(0).WithArguments("{tenant}-db", "pasword", " (did you mean 'password'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(1).WithArguments("{tenant}-database", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(2).WithArguments("settings-{tenant}", "LOGLEVEL", " (did you mean 'LOG_LEVEL'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMap).WithLocation(3).WithArguments("tracing-{tenant}", "any namespace"));

        // The key fixes apply; a missing object named by a pattern has no name to write.
        test.FixedState.Sources.Add(Objects);
        test.FixedState.Sources.Add(Env("\"password\"", "\"LOG_LEVEL\""));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA113").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(9).WithArguments("billing-api"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(1).WithArguments("{tenant}-database", "any namespace"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMap).WithLocation(3).WithArguments("tracing-{tenant}", "any namespace"));
        test.NumberOfFixAllIterations = 2;
        await test.RunAsync();
    }

    [Fact]
    public async Task NamesComputedWithoutConstantParts_KeepEveryObjectPossible()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Objects.Replace("{|#9:", "").Replace("\"billing-api\"|}", "\"billing-api\""));
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Env
            {
                // A name with no constant part may be any Secret: nothing is missing, nothing unused.
                public static V1EnvVar Any(string name) => new() { Name = "X", ValueFrom = new() { SecretKeyRef = new() { Name = name, Key = "anything" } } };

                public static V1EnvVar Settings(string tenant) => new() { Name = "LOG_LEVEL", ValueFrom = new() { ConfigMapKeyRef = new() { Name = "settings-" + tenant, Key = "LOG_LEVEL" } } };
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KMA113.severity = warning\n"));
        await test.RunAsync();
    }
}
