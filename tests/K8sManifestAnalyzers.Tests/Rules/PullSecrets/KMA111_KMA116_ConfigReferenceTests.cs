using System.Threading.Tasks;
using K8sManifestAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA111-KMA116: references to Secrets and ConfigMaps, their keys, and objects nothing references.</summary>
public sealed class KMA111_KMA116_ConfigReferenceTests
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
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretClosest).WithLocation(0).WithArguments("db-credentials", "namespace 'shop'", "db-credential"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(1).WithArguments("db-credential", "pasword", " (did you mean 'password'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMapClosest).WithLocation(2).WithArguments("api-setings", "namespace 'shop'", "api-settings"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(3).WithArguments("api-settings", "LOGLEVEL", " (did you mean 'LOG_LEVEL'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInVolumeClosest).WithLocation(4).WithArguments("db-credentials", "namespace 'shop'", "db-credential"));
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

    // Controllers read the objects that well-known annotations name, and an optional reference uses the object when
    // it exists: all count as uses. `namespace/name` names the object of that namespace only.
    [Fact]
    public async Task AnnotationsAndOptionalReferences_AreUses()
    {
        var test = new VerifyCS.Test { EnableOptInRules = true };
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                public static V1Secret BasicAuth() => new() { Metadata = new() { Name = "basic-auth", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret ClientCa() => new() { Metadata = new() { Name = "client-ca", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret Upstream() => new() { Metadata = new() { Name = "upstream-ca", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret WebhookCa() => new() { Metadata = new() { Name = "webhook-ca", NamespaceProperty = "ops" }, Type = "kubernetes.io/tls" };
                public static V1Secret OtherNamespace() => new() { Metadata = new() { Name = {|#0:"client-ca"|}, NamespaceProperty = "billing" }, Type = "Opaque" };
                public static V1Secret Optional() => new() { Metadata = new() { Name = "feature-flags", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret OptionalVolume() => new() { Metadata = new() { Name = "extra-certs", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1ConfigMap Headers() => new() { Metadata = new() { Name = "auth-headers", NamespaceProperty = "shop" }, Data = new Dictionary<string, string> { ["X-Org"] = "shop" } };
                public static V1ConfigMap OptionalMap() => new() { Metadata = new() { Name = "tuning", NamespaceProperty = "shop" }, Data = new Dictionary<string, string> { ["a"] = "b" } };

                public static V1Ingress Ingress() => new()
                {
                    Metadata = new()
                    {
                        Name = "shop",
                        NamespaceProperty = "shop",
                        Annotations = new Dictionary<string, string>
                        {
                            ["nginx.ingress.kubernetes.io/auth-secret"] = "basic-auth",
                            ["nginx.ingress.kubernetes.io/auth-tls-secret"] = "shop/client-ca",
                            ["nginx.ingress.kubernetes.io/proxy-ssl-secret"] = "upstream-ca",
                            ["nginx.ingress.kubernetes.io/auth-proxy-set-headers"] = "shop/auth-headers",
                        },
                    },
                };

                public static V1ValidatingWebhookConfiguration Webhook() => new()
                {
                    Metadata = new() { Name = "shop-webhook", Annotations = new Dictionary<string, string> { { "cert-manager.io/inject-ca-from-secret", "ops/webhook-ca" } } },
                };

                public static V1Pod Pod() => new()
                {
                    Metadata = new() { Name = "api", NamespaceProperty = "shop" },
                    Spec = new()
                    {
                        Containers =
                        [
                            new()
                            {
                                Name = "api", Image = "a:1", ImagePullPolicy = "IfNotPresent",
                                EnvFrom = [new() { SecretRef = new() { Name = "feature-flags", Optional = true } }, new() { ConfigMapRef = new() { Name = "tuning", Optional = true } }],
                            },
                        ],
                        Volumes = [new() { Name = "certs", Secret = new() { SecretName = "extra-certs", Optional = true, Items = [new() { Key = "absent", Path = "ca.crt" }] } }],
                    },
                };
            }
            """);
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA113").WithLocation(0).WithArguments("client-ca"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("nginx.ingress.kubernetes.io/auth-secret", "basic-auth", true, null, "basic-auth")]
    [InlineData("nginx.ingress.kubernetes.io/auth-tls-secret", " shop/client-ca ", true, "shop", "client-ca")]
    [InlineData("nginx.ingress.kubernetes.io/auth-tls-secret", "/client-ca", true, null, "client-ca")]
    [InlineData("cert-manager.io/inject-ca-from-secret", "ops/webhook-ca", true, "ops", "webhook-ca")]
    [InlineData("nginx.ingress.kubernetes.io/custom-headers", "shop/headers", false, "shop", "headers")]
    [InlineData("nginx.ingress.kubernetes.io/auth-secret", "shop/", true, null, null)]
    [InlineData("nginx.ingress.kubernetes.io/auth-secret", "", true, null, null)]
    [InlineData("nginx.ingress.kubernetes.io/ssl-redirect", "true", false, null, null)]
    public void AnnotationValues_NameAnObject_AsNameOrNamespaceSlashName(string key, string value, bool secret, string? @namespace, string? name)
    {
        bool found = K8sManifestAnalyzers.Model.ObjectAnnotations.TryReadObjectName(key, value, out bool isSecret, out var readNamespace, out var readName);
        Assert.Equal(name is not null, found);
        if (found)
        {
            Assert.Equal(secret, isSecret);
            Assert.Equal(@namespace, readNamespace);
            Assert.Equal(name, readName);
        }
    }

    [Theory]
    [InlineData("cert-manager.io/cluster-issuer", "letsencrypt", true)]
    [InlineData("cert-manager.io/issuer", "ca", true)]
    [InlineData("kubernetes.io/tls-acme", "true", true)]
    [InlineData("kubernetes.io/tls-acme", "false", false)]
    [InlineData("cert-manager.io/common-name", "shop.example.com", false)]
    public void CertManagerAnnotations_IssueTheTlsSecrets(string key, string value, bool issues) =>
        Assert.Equal(issues, K8sManifestAnalyzers.Model.ObjectAnnotations.IssuesTlsSecrets(key, value));

    // Each kind of reference site says what the missing object does there, and every message names the option for
    // objects created outside this code.
    [Fact]
    public async Task EachReferenceSite_HasItsOwnMessage_NamingTheOption()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Defined() => new() { Metadata = new() { Name = "unrelated" }, Type = "Opaque" };
                public static V1ConfigMap DefinedMap() => new() { Metadata = new() { Name = "unrelated" }, Data = new Dictionary<string, string> { ["a"] = "b" } };

                public static V1PodSpec Spec() => new()
                {
                    Containers =
                    [
                        new()
                        {
                            Name = "api", Image = "a:1", ImagePullPolicy = "IfNotPresent",
                            Env =
                            [
                                new() { Name = "A", ValueFrom = new() { SecretKeyRef = new() { Name = {|#0:"db"|}, Key = "password" } } },
                                new() { Name = "B", ValueFrom = new() { ConfigMapKeyRef = new() { Name = {|#1:"settings"|}, Key = "level" } } },
                            ],
                            EnvFrom = [new() { SecretRef = new() { Name = {|#2:"api-env"|} } }],
                        },
                    ],
                    Volumes =
                    [
                        new() { Name = "tls", Secret = new() { SecretName = {|#3:"api-tls"|} } },
                        new() { Name = "all", Projected = new() { Sources = [new() { Secret = new() { Name = {|#4:"bundle"|} }, ConfigMap = new() { Name = {|#5:"bundle-map"|} } }] } },
                    ],
                };

                public static V1Ingress Ingress() => new() { Spec = new() { Tls = [new() { SecretName = {|#6:"shop-tls"|}, Hosts = ["shop.example.com"] }] } };

                public static V1ServiceAccount Account() => new() { Metadata = new() { Name = "builder", NamespaceProperty = "ci" }, Secrets = [new() { Name = {|#7:"builder-token"|} }] };
            }
            """);
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("db", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMap).WithLocation(1).WithArguments("settings", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(2).WithArguments("api-env", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInVolume).WithLocation(3).WithArguments("api-tls", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInVolume).WithLocation(4).WithArguments("bundle", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMapInVolume).WithLocation(5).WithArguments("bundle-map", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInIngressTls).WithLocation(6).WithArguments("shop-tls", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInServiceAccount).WithLocation(7).WithArguments("builder-token", "namespace 'ci'"));
        await test.RunAsync();

        foreach (var descriptor in new Analyzers.PullSecretAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id == "KMA111")
            {
                Assert.Contains("k8s_manifests.external_secrets", descriptor.MessageFormat.ToString(), System.StringComparison.Ordinal);
            }
            else if (descriptor.Id == "KMA114")
            {
                Assert.Contains("k8s_manifests.external_config_maps", descriptor.MessageFormat.ToString(), System.StringComparison.Ordinal);
            }
        }
    }

    // cert-manager creates the TLS Secrets of an Ingress annotated with an issuer (or tls-acme "true"); annotations
    // that cannot all be read may be such an annotation. Other annotations, and tls-acme "false", leave it reported.
    [Fact]
    public async Task IngressTlsSecrets_IssuedByCertManager_AreDefined()
    {
        var test = new VerifyCS.Test { EnableOptInRules = true };
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Ingresses
            {
                public static V1Secret Defined() => new() { Metadata = new() { Name = {|#2:"unrelated"|} }, Type = "Opaque" };

                // Used by the annotated Ingress: not unused (KMA113), though cert-manager would overwrite it.
                public static V1Secret Issued() => new() { Metadata = new() { Name = "api-tls", NamespaceProperty = "shop" }, Type = "kubernetes.io/tls" };

                public static V1Ingress ClusterIssuer() => new()
                {
                    Metadata = new() { Name = "shop", NamespaceProperty = "shop", Annotations = new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = "letsencrypt" } },
                    Spec = new() { Tls = [new() { SecretName = "shop-tls", Hosts = ["shop.example.com"] }, new() { SecretName = "api-tls", Hosts = ["api.example.com"] }] },
                };

                public static V1Ingress Issuer() => new()
                {
                    Metadata = new() { Name = "docs", Annotations = new Dictionary<string, string> { { "cert-manager.io/issuer", "ca" } } },
                    Spec = new() { Tls = [new() { SecretName = "docs-tls" }] },
                };

                public static V1Ingress Acme() => new()
                {
                    Metadata = new() { Name = "blog", Annotations = new Dictionary<string, string> { ["kubernetes.io/tls-acme"] = "true" } },
                    Spec = new() { Tls = [new() { SecretName = "blog-tls" }] },
                };

                public static V1Ingress Computed(Dictionary<string, string> annotations) => new()
                {
                    Metadata = new() { Name = "wiki", Annotations = annotations },
                    Spec = new() { Tls = [new() { SecretName = "wiki-tls" }] },
                };

                public static V1Ingress NoAcme() => new()
                {
                    Metadata = new() { Name = "shop", Annotations = new Dictionary<string, string> { ["kubernetes.io/tls-acme"] = "false" } },
                    Spec = new() { Tls = [new() { SecretName = {|#0:"mail-tls"|} }] },
                };

                public static V1Ingress Other() => new()
                {
                    Metadata = new() { Name = "shop", Annotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/ssl-redirect"] = "true" } },
                    Spec = new() { Tls = [new() { SecretName = {|#1:"status-tls"|} }] },
                };
            }
            """);
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInIngressTls).WithLocation(0).WithArguments("mail-tls", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInIngressTls).WithLocation(1).WithArguments("status-tls", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA113").WithLocation(2).WithArguments("unrelated"));
        await test.RunAsync();
    }

    // `billing-db` looked for in `billing` while one is defined in `shop`: the message says so, and no rename is offered.
    [Fact]
    public Task ObjectOfThatNameInAnotherNamespace_IsNamed_WithoutAFix() =>
        VerifyNoFix(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Db() => new() { Metadata = new() { Name = "billing-db", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret DbOps() => new() { Metadata = new() { Name = "billing-db", NamespaceProperty = "ops" }, Type = "Opaque" };
                public static V1ConfigMap Settings() => new() { Metadata = new() { Name = "billing-settings", NamespaceProperty = "shop" }, Data = new Dictionary<string, string> { ["a"] = "b" } };

                public static V1Pod Pod() => new()
                {
                    Metadata = new() { Name = "billing", NamespaceProperty = "billing" },
                    Spec = new()
                    {
                        Containers =
                        [
                            new()
                            {
                                Name = "api", Image = "a:1", ImagePullPolicy = "IfNotPresent",
                                EnvFrom = [new() { SecretRef = new() { Name = {|#0:"billing-db"|} } }],
                            },
                        ],
                        Volumes = [new() { Name = "conf", ConfigMap = new() { Name = {|#1:"billing-settings"|} } }],
                    },
                };
            }
            """,
            VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(0).WithArguments("billing-db", "billing", "ops"),
            VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMapInVolumeInOtherNamespace).WithLocation(1).WithArguments("billing-settings", "billing", "shop"));

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

    // Compilation-end findings are not local to a document: the fix verifier is told so.
    private static Task VerifyNoFix(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = source, FixedCode = source, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

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
