using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenamePullSecretCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA101 (undefined pull secret) and KMA102 (unused docker-registry Secret).</summary>
public sealed class KMA101_KMA102_UndefinedPullSecretTests
{
    private const string RegistrySecret = """
        using System.Collections.Generic;
        using System.Text;
        using k8s.Models;

        static class Secrets
        {
            public static V1Secret Registry(string config) => new()
            {
                Metadata = new V1ObjectMeta { Name = "shop-registry", NamespaceProperty = "shop" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(config) },
            };
        }
        """;

    [Fact]
    public async Task MisspeltReference_IsReported_AndRenamedToTheClosestSecret()
    {
        var test = new VerifyCS.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using k8s.Models;

                    static class Pods
                    {
                        public static V1Pod Api() => new()
                        {
                            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                            Spec = new V1PodSpec
                            {
                                Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }],
                                ImagePullSecrets = [new() { Name = {|#0:"shop-regsitry"|} }],
                            },
                        };
                    }
                    """,
                    RegistrySecret.Replace("Name = \"shop-registry\"", "Name = {|#1:\"shop-registry\"|}"),
                },
                ExpectedDiagnostics =
                {
                    VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("shop-regsitry", " in namespace 'shop'", " (did you mean 'shop-registry'?)"),

                    // Until the reference is fixed, nothing uses the Secret.
                    VerifyCS.Diagnostic("KMA102").WithLocation(1).WithArguments("shop-registry"),
                },
            },
            FixedState =
            {
                InheritanceMode = StateInheritanceMode.Explicit,
                Sources =
                {
                    """
                    using k8s.Models;

                    static class Pods
                    {
                        public static V1Pod Api() => new()
                        {
                            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                            Spec = new V1PodSpec
                            {
                                Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }],
                                ImagePullSecrets = [new() { Name = "shop-registry" }],
                            },
                        };
                    }
                    """,
                    RegistrySecret,
                },
            },

            // Compilation-end diagnostics are not produced by analyzing one document alone.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        await test.RunAsync();
    }

    [Fact]
    public Task ReferenceToASecretInAnotherFile_IsNotReported() =>
        Run(new[]
        {
            """
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Api() => new()
                {
                    Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                    Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new V1LocalObjectReference { Name = "shop-registry" }] },
                };
            }
            """,
            RegistrySecret,
        });

    [Fact]
    public Task ReferenceFromAnotherNamespace_IsReported() =>
        Run(
            new[]
            {
                """
                using k8s.Models;

                static class Pods
                {
                    public static V1Deployment Api() => new()
                    {
                        Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "billing" },
                        Spec = new V1DeploymentSpec
                        {
                            Selector = new V1LabelSelector(),
                            Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = {|#0:"shop-registry"|} }] } },
                        },
                    };

                    // A pod with no namespace is applied wherever it goes: it may meet the Secret.
                    public static V1PodSpec Anywhere() => new() { Containers = [], ImagePullSecrets = [new() { Name = "shop-registry" }] };
                }
                """,
                RegistrySecret,
            },
            VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("shop-registry", " in namespace 'billing'", string.Empty));

    [Fact]
    public Task NamesThroughConstants_AreMatched() =>
        Run(new[]
        {
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Names
            {
                public const string Registry = "shop-" + "registry";
            }

            static class Manifests
            {
                public static V1Secret Secret() => new()
                {
                    Metadata = new() { Name = Names.Registry },
                    Type = "kubernetes.io/dockerconfigjson",
                    StringData = new Dictionary<string, string> { [".dockerconfigjson"] = System.Environment.GetEnvironmentVariable("REGISTRY_CONFIG")! },
                };

                public static V1PodSpec Spec() => new() { Containers = [], ImagePullSecrets = [new() { Name = $"{Names.Registry}" }] };
            }
            """,
        });

    [Fact]
    public Task ComputedNames_KeepBothRulesSilent() =>
        Run(new[]
        {
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                // A computed Secret name might be any name: no KMA101 for "team-registry".
                public static V1Secret Secret(string team) => new()
                {
                    Metadata = new() { Name = team + "-registry" },
                    Type = "kubernetes.io/dockerconfigjson",
                };

                // A computed reference might name any Secret: no KMA102 for "unused-looking".
                public static V1Secret Other() => new()
                {
                    Metadata = new() { Name = "unused-looking" },
                    Type = "kubernetes.io/dockerconfigjson",
                };

                public static V1PodSpec A() => new() { Containers = [], ImagePullSecrets = [new() { Name = "team-registry" }] };

                public static V1PodSpec B(string secret) => new() { Containers = [], ImagePullSecrets = [new() { Name = secret }] };
            }
            """,
        });

    [Fact]
    public Task ComputedNameOfANonRegistrySecret_DoesNotHideAnUndefinedReference() =>
        Run(
            new[]
            {
                """
                using k8s.Models;

                static class Manifests
                {
                    public static V1Secret Config(string app) => new() { Metadata = new() { Name = app + "-config" }, Type = "Opaque" };

                    public static V1PodSpec Spec() => new() { Containers = [], ImagePullSecrets = [new() { Name = {|#0:"team-registry"|} }] };

                    // Known to be empty: does not hide unused registry Secrets either.
                    public static V1PodSpec Other() => new() { Containers = [], ImagePullSecrets = System.Array.Empty<V1LocalObjectReference>() };

                    public static V1Secret Unused() => new() { Metadata = new() { Name = {|#1:"old-registry"|} }, Type = "kubernetes.io/dockerconfigjson", StringData = new System.Collections.Generic.Dictionary<string, string> { [".dockerconfigjson"] = System.Environment.GetEnvironmentVariable("X")! } };
                }
                """,
            },
            VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("team-registry", string.Empty, string.Empty),
            VerifyCS.Diagnostic("KMA102").WithLocation(1).WithArguments("old-registry"));

    [Fact]
    public Task ContainerImagePullSecret_IsAReference() =>
        Run(
            new[]
            {
                """
                using k8s.Models;

                namespace K8sManifests
                {
                    // As the generator emits it.
                    internal sealed class ContainerImageAttribute : System.Attribute
                    {
                        public ContainerImageAttribute(string repository) { }
                        public string? PullSecret { get; set; }
                    }
                }

                namespace Shop
                {
                    [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = "shop-registry")]
                    static partial class Api { }

                    [K8sManifests.ContainerImage("registry.example.com/shop/web", PullSecret = {|#0:"web-registry"|})]
                    static partial class Web { }

                    // No builder (not partial, KMA204): its pull secret puts nothing on pod specs.
                    [K8sManifests.ContainerImage("registry.example.com/shop/old", PullSecret = "old-registry")]
                    static class Old { }

                    // No builder either: its own Tag(string) collides with the builders' (KMA207).
                    [K8sManifests.ContainerImage("registry.example.com/shop/tools", PullSecret = "tools-registry")]
                    static partial class Tools { public static string Tag(string tag) => tag; }

                    static class Secrets
                    {
                        public static V1Secret Old() => new() { Metadata = new() { Name = {|#1:"old-registry"|}, NamespaceProperty = "shop" }, Type = "kubernetes.io/dockerconfigjson", StringData = new System.Collections.Generic.Dictionary<string, string> { [".dockerconfigjson"] = System.Environment.GetEnvironmentVariable("X")! } };
                        public static V1Secret Tools() => new() { Metadata = new() { Name = {|#2:"tools-registry"|}, NamespaceProperty = "shop" }, Type = "kubernetes.io/dockerconfigjson", StringData = new System.Collections.Generic.Dictionary<string, string> { [".dockerconfigjson"] = System.Environment.GetEnvironmentVariable("X")! } };
                    }
                }
                """,
                RegistrySecret,
            },
            VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("web-registry", string.Empty, string.Empty),
            VerifyCS.Diagnostic("KMA102").WithLocation(1).WithArguments("old-registry"),
            VerifyCS.Diagnostic("KMA102").WithLocation(2).WithArguments("tools-registry"));

    [Fact]
    public Task AddAfterCoalesceAssignment_IsAReference() =>
        Run(
            new[]
            {
                """
                using System.Collections.Generic;
                using k8s.Models;

                static class Manifests
                {
                    public static V1PodSpec Spec()
                    {
                        var spec = new V1PodSpec { Containers = [] };
                        spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                        spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                        spec.ImagePullSecrets.Add(new() { Name = {|#0:"missing"|} });
                        return spec;
                    }

                    public static void Patch(V1Pod pod) => pod.Spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = {|#1:"patched"|} });
                }
                """,
                RegistrySecret,
            },
            VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("missing", string.Empty, string.Empty),
            VerifyCS.Diagnostic("KMA101").WithLocation(1).WithArguments("patched", string.Empty, string.Empty));

    [Fact]
    public Task ReassignedLocal_AndNestedInitializer_AreEachReportedOnce() =>
        Run(
            new[]
            {
                """
                using k8s.Models;

                static class Manifests
                {
                    public static V1PodSpec Spec(bool other)
                    {
                        var spec = new V1PodSpec { Containers = [] };
                        if (other)
                        {
                            spec = new V1PodSpec { Containers = [] };
                        }

                        spec.ImagePullSecrets.Add(new() { Name = {|#0:"nope"|} });
                        return spec;
                    }

                    public static V1PodSpec Nested() => new() { Containers = [], ImagePullSecrets = { new V1LocalObjectReference { Name = {|#1:"nested"|} } } };
                }
                """,
            },
            VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("nope", string.Empty, string.Empty),
            VerifyCS.Diagnostic("KMA101").WithLocation(1).WithArguments("nested", string.Empty, string.Empty));

    [Fact]
    public Task ServiceAccountReferences_AreChecked() =>
        Run(
            new[]
            {
                """
                using k8s.Models;

                static class Accounts
                {
                    public static V1ServiceAccount Builder() => new()
                    {
                        Metadata = new() { Name = "builder", NamespaceProperty = "shop" },
                        ImagePullSecrets = [new() { Name = "shop-registry" }, new() { Name = {|#0:"ci-registry"|} }],
                    };
                }
                """,
                RegistrySecret,
            },
            VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("ci-registry", " in namespace 'shop'", string.Empty));

    [Theory]
    [InlineData("ci-registry, other")]
    [InlineData(" , ci-registry ,")]
    [InlineData("shop/ci-registry")]
    public async Task ExternalPullSecrets_AreNotReported(string option)
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Api() => new()
                {
                    Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                    Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = "ci-registry" }] },
                };
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\nk8s_manifests.external_pull_secrets = {option}\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ExternalPullSecretInAnotherNamespace_StillReported()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Api() => new()
                {
                    Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "shop" },
                    Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = {|#0:"ci-registry"|} }] },
                };
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.external_pull_secrets = billing/ci-registry\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("ci-registry", " in namespace 'shop'", string.Empty));
        await test.RunAsync();
    }

    [Fact]
    public Task UnusedRegistrySecret_IsInfo_OtherSecretsAreNot() =>
        Run(
            new[]
            {
                """
                using System.Collections.Generic;
                using k8s.Models;

                static class Secrets
                {
                    public static V1Secret Registry() => new()
                    {
                        Metadata = new() { Name = {|#0:"old-registry"|}, NamespaceProperty = "shop" },
                        Type = "kubernetes.io/dockercfg",
                        StringData = new Dictionary<string, string> { [".dockercfg"] = System.Environment.GetEnvironmentVariable("CFG")! },
                    };

                    public static V1Secret Database() => new()
                    {
                        Metadata = new() { Name = "db", NamespaceProperty = "shop" },
                        Type = "Opaque",
                    };
                }
                """,
            },
            // KMA113, the unused-Secret rule for other Secrets, is off by default.
            VerifyCS.Diagnostic("KMA102").WithLocation(0).WithArguments("old-registry"));

    // The closest name is a Secret the kubelet would ignore as a pull secret: the message says so, with KMA104's
    // advice, and no fix is offered (renaming would only trade KMA101 for KMA104).
    [Fact]
    public async Task MisspeltReference_CloseToASecretOfAnotherType_SaysItsType_AndOffersNoFix()
    {
        const string Source = """
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Opaque() => new() { Metadata = new() { Name = "corp-registry", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret Untyped() => new() { Metadata = new() { Name = "tls-registry" } };

                public static V1PodSpec Spec() => new()
                {
                    Containers = [new() { Name = "api", Image = "corp.example.com/api:1", ImagePullPolicy = "IfNotPresent" }],
                    ImagePullSecrets = [new() { Name = {|#0:"corp-regisrty"|} }, new() { Name = {|#1:"tls-regisrty"|} }],
                };
            }
            """;
        var test = new VerifyCS.Test { TestCode = Source, FixedCode = Source, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA101_UndefinedPullSecretClosestWrongType).WithLocation(0).WithArguments("corp-regisrty", string.Empty, "corp-registry", "Opaque"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA101_UndefinedPullSecretClosestWrongType).WithLocation(1).WithArguments("tls-regisrty", string.Empty, "tls-registry", "Opaque"));
        await test.RunAsync();
    }

    // A docker-registry Secret as close as one of another type is still the suggestion, with its fix; a Secret of
    // another type in a namespace the reference cannot see is no hint; a computed type is no hint either.
    [Fact]
    public async Task RegistrySecretsWin_OtherNamespacesAndComputedTypesGiveNoTypeHint()
    {
        const string Pod = """
            using k8s.Models;

            static class Objects
            {
                public static V1Secret Opaque() => new() { Metadata = new() { Name = "corp-registrx", NamespaceProperty = "shop" }, Type = "Opaque" };
                public static V1Secret Elsewhere() => new() { Metadata = new() { Name = "edge-registry", NamespaceProperty = "edge" }, Type = "Opaque" };
                public static V1Secret Computed(string type) => new() { Metadata = new() { Name = "ops-registry", NamespaceProperty = "shop" }, Type = type };

                public static V1Pod Pod() => new()
                {
                    Metadata = new() { Name = "api", NamespaceProperty = "shop" },
                    Spec = new()
                    {
                        Containers = [new() { Name = "api", Image = "corp.example.com/api:1", ImagePullPolicy = "IfNotPresent" }],
                        ImagePullSecrets = [new() { Name = NAME }, new() { Name = {|#1:"edge-regisrty"|} }, new() { Name = {|#2:"ops-regisrty"|} }],
                    },
                };
            }
            """;
        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(Pod.Replace("NAME", "{|#0:\"corp-regisrty\"|}"));
        test.TestState.Sources.Add(RegistrySecret.Replace("Name = \"shop-registry\"", "Name = {|#3:\"corp-registry\"|}"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("corp-regisrty", " in namespace 'shop'", " (did you mean 'corp-registry'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(1).WithArguments("edge-regisrty", " in namespace 'shop'", string.Empty));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(2).WithArguments("ops-regisrty", " in namespace 'shop'", string.Empty));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA102").WithLocation(3).WithArguments("corp-registry"));
        test.FixedState.Sources.Add(Pod.Replace("NAME", "\"corp-registry\""));
        test.FixedState.Sources.Add(RegistrySecret.Replace("shop-registry", "corp-registry"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(1).WithArguments("edge-regisrty", " in namespace 'shop'", string.Empty));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(2).WithArguments("ops-regisrty", " in namespace 'shop'", string.Empty));
        await test.RunAsync();
    }

    [Fact]
    public async Task KubernetesClient17Constructors_AreRead()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                const string PullSecretType = "kubernetes.io/dockerconfigjson";

                public static V1Secret Secret(IDictionary<string, byte[]> data) =>
                    new V1Secret("v1", data, type: PullSecretType, kind: "Secret", metadata: new V1ObjectMeta(name: "regcred", namespaceProperty: "edge"));

                public static V1Pod Pod() => new V1Pod(
                    metadata: new V1ObjectMeta(name: "agent", namespaceProperty: "edge"),
                    spec: new V1PodSpec(new List<V1Container>(), imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("regcred"), new V1LocalObjectReference({|#0:"regcrd"|}) }));
            }
            """);
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("regcrd", " in namespace 'edge'", " (did you mean 'regcred'?)"));
        test.FixedState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                const string PullSecretType = "kubernetes.io/dockerconfigjson";

                public static V1Secret Secret(IDictionary<string, byte[]> data) =>
                    new V1Secret("v1", data, type: PullSecretType, kind: "Secret", metadata: new V1ObjectMeta(name: "regcred", namespaceProperty: "edge"));

                public static V1Pod Pod() => new V1Pod(
                    metadata: new V1ObjectMeta(name: "agent", namespaceProperty: "edge"),
                    spec: new V1PodSpec(new List<V1Container>(), imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("regcred"), new V1LocalObjectReference("regcred") }));
            }
            """);
        test.FixedState.Sources.Add(KubernetesClient17Stubs.Source);
        await test.RunAsync();
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        var test = new CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>.Test
        {
            TestCode = """
                using k8s.Models;

                static class Manifests
                {
                    static V1Secret A() => new() { Metadata = new() { Name = }, Type = };
                    static V1Secret B() => new() { Metadata = , Data = new() { [] = } };
                    static V1PodSpec C() => new() { ImagePullSecrets = [new() { Name = }, , new()] };
                    static V1PodSpec D() => new() { ImagePullSecrets = [.. , new(] };
                    static void E(V1PodSpec s) { s.ImagePullSecrets.Add(); s.ImagePullSecrets = ; s.ImagePullSecrets.Add(new() { Name = 1 }); }
                    static V1ServiceAccount F() => new() { Metadata = new() { Name = "sa" }, ImagePullSecrets = new[] { } };
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    private static Task Run(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>.Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
