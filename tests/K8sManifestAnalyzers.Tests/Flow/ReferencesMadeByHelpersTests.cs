using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// References to Secrets and ConfigMaps made inside helpers (fluent builders, env and volume factories, and helpers
/// they call) are mapped back to the names and keys each call passes (issue 19): a missing object or key is reported
/// on the argument, and renamed there by the fix; what the helper writes itself is judged in the helper.
/// </summary>
public sealed class ReferencesMadeByHelpersTests
{
    private const string Helpers = """
        using System.Collections.Generic;
        using k8s.Models;

        public static class EnvHelpers
        {
            public static V1Container WithSecretEnv(this V1Container container, string env, string secret, string key)
            {
                container.Env ??= new List<V1EnvVar>();
                container.Env.Add(new V1EnvVar { Name = env, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } } });
                return container;
            }

            public static V1EnvVar ConfigEnv(string env, string map, string key, bool optional = false) =>
                new() { Name = env, ValueFrom = new() { ConfigMapKeyRef = new() { Name = map, Key = key, Optional = optional } } };

            public static V1Volume SecretVolume(string name, string secret) => new() { Name = name, Secret = new() { SecretName = secret } };

            public static V1Volume CertificateVolume(string secret) => SecretVolume("certificates", secret);

            public static V1EnvFromSource Everything(string secret) => new() { SecretRef = new() { Name = secret } };
        }

        public static class Objects
        {
            public static V1Secret Oidc() => new()
            {
                Metadata = new() { Name = "oidc" },
                StringData = new Dictionary<string, string> { ["client_id"] = "api", ["client_secret"] = System.Environment.GetEnvironmentVariable("OIDC")! },
            };

            public static V1Secret Tls() => new() { Metadata = new() { Name = "api-tls" }, Type = "kubernetes.io/tls", Data = new Dictionary<string, byte[]> { ["tls.crt"] = new byte[] { 1 }, ["tls.key"] = new byte[] { 2 } } };

            public static V1ConfigMap Settings() => new() { Metadata = new() { Name = "settings" }, Data = new Dictionary<string, string> { ["LOG_LEVEL"] = "info" } };
        }
        """;

    private static string Source(string secretKey, string secretName, string configKey, string volumeSecret) => $$"""
        using k8s.Models;

        class Manifests
        {
            V1Container Api() => new V1Container { Name = "api", Image = "ghcr.io/acme/api:1.0", ImagePullPolicy = "Always" }
                .WithSecretEnv("CLIENT_ID", "oidc", "client_id")
                .WithSecretEnv("CLIENT_SECRET", "oidc", {{secretKey}})
                .WithSecretEnv("SIGNING_KEY", {{secretName}}, "tls.key");

            V1Container Worker() => new V1Container
            {
                Name = "worker",
                Image = "ghcr.io/acme/worker:1.0",
                ImagePullPolicy = "Always",
                Env = [EnvHelpers.ConfigEnv("LOG_LEVEL", "settings", {{configKey}}), EnvHelpers.ConfigEnv("TRACE", "tracing", "level", optional: true)],
                EnvFrom = [EnvHelpers.Everything("oidc")],
            };

            V1Volume Certificates() => EnvHelpers.CertificateVolume({{volumeSecret}});
        }
        """;

    [Fact]
    public async Task MissingObjectsAndKeysPassedToHelpers_AreReportedOnTheArgument_AndRenamedThere()
    {
        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(Helpers);
        test.TestState.Sources.Add(Source("{|#0:\"client_scret\"|}", "{|#1:\"api-tsl\"|}", "{|#2:\"LOGLEVEL\"|}", "{|#3:\"api-tsl\"|}"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(0).WithArguments("oidc", "client_scret", " (did you mean 'client_secret'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretClosest).WithLocation(1).WithArguments("api-tsl", "any namespace", "api-tls"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(2).WithArguments("settings", "LOGLEVEL", " (did you mean 'LOG_LEVEL'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInVolumeClosest).WithLocation(3).WithArguments("api-tsl", "any namespace", "api-tls"));
        test.FixedState.Sources.Add(Helpers);
        test.FixedState.Sources.Add(Source("\"client_secret\"", "\"api-tls\"", "\"LOG_LEVEL\"", "\"api-tls\""));
        test.NumberOfFixAllIterations = 3;
        await test.RunAsync();
    }

    [Fact]
    public async Task CorrectReferencesThroughHelpers_AreSilent_AndKeepTheirObjectsInUse()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Helpers);
        test.TestState.Sources.Add(Source("\"client_secret\"", "\"api-tls\"", "\"LOG_LEVEL\"", "\"api-tls\""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.KMA113.severity = warning
            dotnet_diagnostic.KMA116.severity = warning
            """));
        await test.RunAsync();
    }
}
