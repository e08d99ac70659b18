using System.Threading.Tasks;
using K8sManifestAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA111-KMA116: references to Secrets and ConfigMaps, their keys, and objects nothing references.</summary>
public sealed class ConfigReferenceTests
{
    private const string Objects = """
        using System.Collections.Generic;
        using k8s.Models;

        static class Objects
        {
            public static V1Secret Database() => new()
            {
                Metadata = new() { Name = "db-credential", NamespaceProperty = "shop" },
                Type = "Opaque",
                StringData = new Dictionary<string, string> { ["password"] = System.Environment.GetEnvironmentVariable("DB")!, ["user"] = "api" },
            };

            public static V1ConfigMap Settings() => new()
            {
                Metadata = new() { Name = "api-settings", NamespaceProperty = "shop" },
                Data = new Dictionary<string, string> { ["LOG_LEVEL"] = "info" },
                BinaryData = new Dictionary<string, byte[]> { ["logo.png"] = new byte[] { 1 } },
            };
        }
        """;

    [Fact]
    public async Task MissingObjectsAndKeys_AreReported_AndRenamed()
    {
        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(Source(
            "{|#0:\"db-credentials\"|}", "{|#1:\"pasword\"|}", "{|#2:\"api-setings\"|}", "{|#3:\"LOGLEVEL\"|}", "{|#4:\"db-credentials\"|}", "{|#5:\"logo.pgn\"|}"));
        test.TestState.Sources.Add(Objects);
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA111").WithLocation(0).WithArguments("db-credentials", " in namespace 'shop'", " (did you mean 'db-credential'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(1).WithArguments("db-credential", "pasword", " (did you mean 'password'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA114").WithLocation(2).WithArguments("api-setings", " in namespace 'shop'", " (did you mean 'api-settings'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(3).WithArguments("api-settings", "LOGLEVEL", " (did you mean 'LOG_LEVEL'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA111").WithLocation(4).WithArguments("db-credentials", " in namespace 'shop'", " (did you mean 'db-credential'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(5).WithArguments("api-settings", "logo.pgn", " (did you mean 'logo.png'?)"));
        test.FixedState.Sources.Add(Source("\"db-credential\"", "\"password\"", "\"api-settings\"", "\"LOG_LEVEL\"", "\"db-credential\"", "\"logo.png\""));
        test.FixedState.Sources.Add(Objects);

        // KMA111, KMA112, KMA114 and KMA115 are separate Fix All operations (one key per rule).
        test.NumberOfFixAllIterations = 4;
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionalExternalComputedAndOtherNamespaces_AreSilent()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Api(string secret, bool? optional) => new()
                {
                    Metadata = new() { Name = "api", NamespaceProperty = "shop" },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new()
                            {
                                Name = "api", Image = "registry.example.com/shop/api:1", ImagePullPolicy = "IfNotPresent",
                                Env =
                                [
                                    new() { Name = "A", ValueFrom = new() { SecretKeyRef = new() { Name = "vault-db", Key = "password", Optional = true } } },
                                    new() { Name = "B", ValueFrom = new() { SecretKeyRef = new() { Name = "sealed-db", Key = "password" } } },
                                    new() { Name = "C", ValueFrom = new() { SecretKeyRef = new() { Name = secret, Key = "password" } } },
                                    new() { Name = "D", ValueFrom = new() { SecretKeyRef = new() { Name = "other", Key = "password", Optional = optional } } },
                                    new() { Name = "E", ValueFrom = new() { ConfigMapKeyRef = new() { Name = "api-settings", Key = "LOG_LEVEL" } } },
                                ],
                            },
                        ],
                        Volumes = [new() { Name = "tls", Secret = new() { SecretName = "db-credential", Items = [new() { Key = "user", Path = "user" }] } }],
                    },
                };
            }
            """);
        test.TestState.Sources.Add(Objects);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.external_secrets = shop/sealed-db\n"));
        // BinaryData keys unused by any reference are fine; both objects are referenced.
        await test.RunAsync();
    }

    [Fact]
    public async Task ObjectsWithComputedOrLaterWrittenKeys_AreNotJudgedForKeys()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Computed(Dictionary<string, string> data) => new() { Metadata = new() { Name = "computed", NamespaceProperty = "shop" }, StringData = data };

                public static V1Secret Later()
                {
                    var secret = new V1Secret { Metadata = new() { Name = "later", NamespaceProperty = "shop" }, StringData = new Dictionary<string, string> { ["a"] = "1" } };
                    secret.StringData["token"] = "2";
                    return secret;
                }

                public static V1PodSpec Spec() => new()
                {
                    Containers =
                    [
                        new()
                        {
                            Name = "api", Image = "registry.example.com/shop/api:1", ImagePullPolicy = "IfNotPresent",
                            Env =
                            [
                                new() { Name = "A", ValueFrom = new() { SecretKeyRef = new() { Name = "computed", Key = "token" } } },
                                new() { Name = "B", ValueFrom = new() { SecretKeyRef = new() { Name = "later", Key = "token" } } },
                            ],
                        },
                    ],
                };
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task UnusedObjects_AreInfo_ReferencedOnesAndTokensAreNot()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Legacy() => new() { Metadata = new() { Name = {|#0:"legacy-key"|} }, Type = "Opaque" };
                public static V1Secret Token() => new() { Metadata = new() { Name = "builder-token" }, Type = "kubernetes.io/service-account-token" };
                public static V1Secret Tls() => new() { Metadata = new() { Name = "shop-tls" }, Type = "kubernetes.io/tls" };
                public static V1Secret Listed() => new() { Metadata = new() { Name = "listed" }, Type = "Opaque" };
                public static V1ConfigMap Old() => new() { Metadata = new() { Name = {|#1:"old-settings"|} }, Data = new Dictionary<string, string> { ["a"] = "b" } };
                public static V1ConfigMap Mounted() => new() { Metadata = new() { Name = "mounted" }, Data = new Dictionary<string, string> { ["a"] = "b" } };

                public static V1Ingress Ingress() => new() { Spec = new V1IngressSpec { Tls = [new() { SecretName = "shop-tls", Hosts = ["shop.example.com"] }] } };

                public static V1ServiceAccount Account() => new() { Metadata = new() { Name = "builder" }, Secrets = [new V1ObjectReference { Name = "listed" }] };

                public static V1PodSpec Spec() => new()
                {
                    Containers = [],
                    Volumes = [new() { Name = "conf", Projected = new() { Sources = [new() { ConfigMap = new() { Name = "mounted" } }] } }],
                };
            }
            """);
        // Off by default: turned on the way the rule pages say.
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KMA113.severity = suggestion\ndotnet_diagnostic.KMA116.severity = suggestion\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA113").WithLocation(0).WithArguments("legacy-key"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA116").WithLocation(1).WithArguments("old-settings"));
        await test.RunAsync();
    }

    [Fact]
    public Task UnusedObjects_AreNotReportedByDefault() =>
        VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Legacy() => new() { Metadata = new() { Name = "legacy-key" }, Type = "Opaque" };
                public static V1ConfigMap Old() => new() { Metadata = new() { Name = "old-settings" }, Data = new Dictionary<string, string> { ["a"] = "b" } };
            }
            """);

    // Without any Secret or ConfigMap in code, references name objects managed elsewhere: silent.
    [Fact]
    public Task ProjectsThatDoNotDefineObjects_AreSilent() =>
        VerifyCS.VerifyAnalyzerAsync("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Spec() => new()
                {
                    Containers = [new() { Name = "api", Image = "a:1", ImagePullPolicy = "IfNotPresent", EnvFrom = [new() { SecretRef = new() { Name = "db" }, ConfigMapRef = new() { Name = "settings" } }] }],
                };
            }
            """);

    private static string Source(string secret, string key, string map, string mapKey, string volumeSecret, string item) => $$"""
        using k8s.Models;

        static class Pods
        {
            public static V1Deployment Api() => new()
            {
                Metadata = new() { Name = "api", NamespaceProperty = "shop" },
                Spec = new V1DeploymentSpec
                {
                    Selector = new(),
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            Containers =
                            [
                                new()
                                {
                                    Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent",
                                    Env =
                                    [
                                        new() { Name = "DB_PASSWORD", ValueFrom = new() { SecretKeyRef = new() { Name = {{secret}}, Key = "password" } } },
                                        new() { Name = "DB_USER", ValueFrom = new() { SecretKeyRef = new() { Name = "db-credential", Key = {{key}} } } },
                                        new() { Name = "LOG_LEVEL", ValueFrom = new() { ConfigMapKeyRef = new() { Name = "api-settings", Key = {{mapKey}} } } },
                                    ],
                                    EnvFrom = [new() { ConfigMapRef = new() { Name = {{map}} } }],
                                },
                            ],
                            Volumes =
                            [
                                new() { Name = "db", Secret = new() { SecretName = {{volumeSecret}} } },
                                new() { Name = "logo", ConfigMap = new() { Name = "api-settings", Items = [new() { Key = {{item}}, Path = "logo.png" }] } },
                            ],
                        },
                    },
                },
            };
        }
        """;
}
