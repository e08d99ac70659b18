using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.EnvironmentAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA117: a constant credential in an env var's value or a ConfigMap's data.</summary>
public sealed class KMA117_CredentialInEnvValueTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Env(int location, string name) =>
        VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValue).WithLocation(location).WithArguments(name);

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult EnvFrom(int location, string name, string from) =>
        VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValueFrom).WithLocation(location).WithArguments(name, from);

    [Fact]
    public Task ConstantCredentials_InEnvVars_AreReportedOnTheValue() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1Container Api() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar>
                    {
                        new() { Name = "DB_PASSWORD", Value = {|#0:"hunter2"|} },
                        new() { Name = "ApiKey", Value = {|#1:"sk_live_51H8"|} },
                        new V1EnvVar { Name = "GITHUB_TOKEN", Value = {|#2:"ghp_abc123"|} },
                        new() { Name = "ConnectionStrings__Default", Value = {|#3:"Host=db;Username=app;Password=s3cret"|} },
                        new() { Name = "ADMIN_PASSWORD", Value = {|#4:"changeme"|} },
                        new() { Name = "LOG_LEVEL", Value = "debug" },
                    },
                };
            }
            """,
            Env(0, "DB_PASSWORD"), Env(1, "ApiKey"), Env(2, "GITHUB_TOKEN"), Env(3, "ConnectionStrings__Default"), Env(4, "ADMIN_PASSWORD"));

    [Fact]
    public Task NamesAboutACredential_AreNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static List<V1EnvVar> Env() => new()
                {
                    new() { Name = "TOKEN_URL", Value = "https://auth.example.com/token" },
                    new() { Name = "PASSWORD_FILE", Value = "/run/secrets/db-password" },
                    new() { Name = "SECRET_NAME", Value = "shop-db" },
                    new() { Name = "TOKEN_TTL", Value = "3600" },
                    new() { Name = "KEY_PATH", Value = "/etc/tls/tls.key" },
                    new() { Name = "PASSWORD_MIN_LENGTH", Value = "12" },
                    new() { Name = "AWS_ACCESS_KEY_ID", Value = "AKIAIOSFODNN7EXAMPLE" },
                    new() { Name = "ConnectionStrings__Default", Value = "Server=db;Database=shop;Integrated Security=true" },
                };
            }
            """);

    [Fact]
    public Task PlaceholdersAndUnknownValues_AreNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static List<V1EnvVar> Env(string password, Func<string, string> config, string tenant) => new()
                {
                    new() { Name = "DB_PASSWORD", Value = password },
                    new() { Name = "DB_PASSWORD", Value = config("db:password") },
                    new() { Name = "DB_PASSWORD", Value = Environment.GetEnvironmentVariable("DB_PASSWORD") },
                    new() { Name = "DB_PASSWORD", Value = $"{tenant}-{password}" },
                    new() { Name = "DB_PASSWORD", Value = "" },
                    new() { Name = "DB_PASSWORD", Value = "   " },
                    new() { Name = "DB_PASSWORD", Value = "<password>" },
                    new() { Name = "DB_PASSWORD", Value = "${DB_PASSWORD}" },
                    new() { Name = "DB_PASSWORD", Value = "$(ROOT_PASSWORD)" },
                    new() { Name = "DB_PASSWORD", Value = "{{ .Values.db.password }}" },
                    new() { Name = "API_TOKEN", Value = "***" },
                    new() { Name = "API_TOKEN", Value = "xxx" },
                    new() { Name = "API_TOKEN", Value = "REPLACE_ME" },
                    new() { Name = "API_TOKEN", Value = "TODO" },
                    new() { Name = "API_TOKEN", Value = "<redacted>" },
                    new() { Name = "API_TOKEN", Value = "true" },
                    new() { Name = "API_TOKEN", Value = null },
                    new() { Name = "DB_PASSWORD", ValueFrom = new() { SecretKeyRef = new() { Name = "db", Key = "password" } } },
                    new() { Name = "DB_PASSWORD", Value = "hunter2", ValueFrom = new() { SecretKeyRef = new() { Name = "db", Key = "password" } } },
                };
            }
            """);

    [Fact]
    public Task ValuesThroughConstantsLocalsAndFallbacks_AreFollowed() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Secrets
            {
                public const string Admin = "s3cr3t-admin";
                public static readonly string Token = "tok_live_9";
            }

            static class Manifests
            {
                const string Local = "p@ss";

                public static V1EnvVar[] Env(string? configured, bool prod)
                {
                    var fallback = {|#0:"dev-password"|};
                    return new[]
                    {
                        new V1EnvVar { Name = "ADMIN_PASSWORD", Value = {|#1:Secrets.Admin|} },
                        new V1EnvVar { Name = "API_TOKEN", Value = {|#2:Secrets.Token|} },
                        new V1EnvVar { Name = "DB_PASSWORD", Value = configured ?? fallback },
                        new V1EnvVar { Name = "SMTP_PASSWORD", Value = prod ? configured : {|#3:"mailpass"|} },
                        new V1EnvVar { Name = "REDIS_PASSWORD", Value = {|#4:Local|} },
                    };
                }
            }
            """,
            Env(0, "DB_PASSWORD"),
            EnvFrom(1, "ADMIN_PASSWORD", "the value of Secrets.Admin"),
            EnvFrom(2, "API_TOKEN", "the value of Secrets.Token"),
            Env(3, "SMTP_PASSWORD"),
            EnvFrom(4, "REDIS_PASSWORD", "the value of Manifests.Local"));

    [Fact]
    public Task ValuesPassedToAHelper_AreReportedOnTheArgument() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                static V1EnvVar Env(string name, string value) => new V1EnvVar { Name = name, Value = value };

                static V1EnvVar Password(string name) => new() { Name = name, Value = "builtin-pass" };

                public static List<V1EnvVar> All(string configured) => new()
                {
                    Env("DB_PASSWORD", {|#0:"hunter2"|}),
                    Env("DB_PASSWORD", configured),
                    Env("DB_HOST", "db"),
                    Password({|#1:"ROOT_PASSWORD"|}),
                };
            }
            """,
            EnvFrom(0, "DB_PASSWORD", "passed to Manifests.Env"),
            EnvFrom(1, "ROOT_PASSWORD", "the value Manifests.Password writes"));

    [Fact]
    public Task RowsOfATable_PairNameAndValue() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                static readonly (string Name, string Value)[] Settings =
                {
                    ("LOG_LEVEL", "info"),
                    ("DB_PASSWORD", "hunter2"),
                };

                public static V1Container Api()
                {
                    var container = new V1Container { Name = "api", Image = "shop/api:1.0", Env = new List<V1EnvVar>() };
                    foreach (var (name, value) in Settings)
                    {
                        container.Env.Add(new V1EnvVar { Name = name, Value = {|#0:value|} });
                    }

                    return container;
                }
            }
            """,
            EnvFrom(0, "DB_PASSWORD", "row 2 of Settings"));

    [Fact]
    public Task ConfigMapData_IsChecked() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1ConfigMap Config() => new()
                {
                    Metadata = new() { Name = "shop" },
                    Data = new Dictionary<string, string>
                    {
                        ["DB_HOST"] = "db",
                        ["DB_PASSWORD"] = {|#0:"hunter2"|},
                        ["PASSWORD_FILE"] = "/run/secrets/db",
                        ["API_TOKEN"] = "${API_TOKEN}",
                    },
                };

                public static V1ConfigMap Other() => new()
                {
                    Metadata = new() { Name = "other" },
                    Data = new Dictionary<string, string> { { "ApiToken", {|#1:"tok_123"|} }, { "ApiTokenHeader", "X-Token" } },
                };
            }
            """,
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMap).WithLocation(0).WithArguments("DB_PASSWORD"),
            VerifyCS.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMap).WithLocation(1).WithArguments("ApiToken"));

    [Fact]
    public async Task OptionWords_AreAddedToTheDefaultNames()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                static class Manifests
                {
                    public static V1EnvVar[] Env() => new[]
                    {
                        new V1EnvVar { Name = "SMTP_PASS", Value = {|#0:"mailpass"|} },
                        new V1EnvVar { Name = "DB_PASSWORD", Value = {|#1:"hunter2"|} },
                        new V1EnvVar { Name = "LICENSE_ID", Value = "1234-abcd" },
                    };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            k8s_manifests.secret_env_names = pass, license_key
            """));
        test.ExpectedDiagnostics.Add(Env(0, "SMTP_PASS"));
        test.ExpectedDiagnostics.Add(Env(1, "DB_PASSWORD"));
        await test.RunAsync();
    }

    [Fact]
    public async Task KubernetesClient17Constructor_IsChecked()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                static class Manifests
                {
                    const string Password = "hunter2";

                    public static V1Container Api() => new V1Container("api", image: "shop/api:1.0", env: new List<V1EnvVar>
                    {
                        new V1EnvVar("DB_PASSWORD", {|#0:"hunter2"|}),
                        new V1EnvVar("ROOT_PASSWORD", {|#1:Password|}),
                        new V1EnvVar("DB_HOST", "db"),
                        new V1EnvVar("SMTP_PASSWORD"),
                    });
                }
                """,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.ExpectedDiagnostics.Add(Env(0, "DB_PASSWORD"));
        test.ExpectedDiagnostics.Add(EnvFrom(1, "ROOT_PASSWORD", "the value of Manifests.Password"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutKubernetesClient_NothingIsReported()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                class V1EnvVar { public string? Name { get; set; } public string? Value { get; set; } }
                static class Manifests { static object A() => new V1EnvVar { Name = "DB_PASSWORD", Value = "hunter2" }; }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task HalfTypedEnvVars_DoNotThrow() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Manifests
            {
                public static V1EnvVar A() => new() { Name = "DB_PASSWORD", Value = {|CS0103:hunter|} };
                public static V1EnvVar B() => new() { Name = {|CS0103:DB|}, Value = "hunter2" };
                public static V1EnvVar C() => new() { Name = "DB_PASSWORD", {|CS0117:Valu|} = "hunter2" };
            }
            """);
}
