using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA118: a pod spec names a service account the compilation never creates in a compatible namespace.</summary>
public sealed class KMA118_UndefinedServiceAccountTests
{
    private const string Accounts = """
        using k8s.Models;

        static class Accounts
        {
            public static V1ServiceAccount Runner() => new() { Metadata = new() { Name = "ci-runner", NamespaceProperty = "shop" } };

            public static V1ServiceAccount Builder() => new() { Metadata = new() { Name = "image-builder", NamespaceProperty = "shop" } };

            public static V1ServiceAccount Anywhere() => new() { Metadata = new() { Name = "metrics-reader" } };
        }
        """;

    private static string Deployment(string method, string @namespace, string account) => $$"""
            public static V1Deployment {{method}}() => new()
            {
                Metadata = new() { Name = "api", NamespaceProperty = {{@namespace}} },
                Spec = new V1DeploymentSpec
                {
                    Selector = new(),
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            ServiceAccountName = {{account}},
                            Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:1.0", ImagePullPolicy = "IfNotPresent" }],
                        },
                    },
                },
            };

        """;

    private static string Workloads(params string[] members) => "using k8s.Models;\n\nstatic class Workloads\n{\n" + string.Concat(members) + "}\n";

    [Fact]
    public async Task MisspeltAccounts_AreReported_AndRenamedToTheClosest()
    {
        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(Accounts);
        test.TestState.Sources.Add(Workloads(
            Deployment("Api", "\"shop\"", "{|#0:\"ci-runer\"|}"),
            Deployment("Builds", "\"shop\"", "{|#1:\"image-bilder\"|}"),
            Deployment("Deploys", "\"shop\"", "{|#2:\"deployer\"|}")));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(0).WithArguments("ci-runer", "namespace 'shop'", "ci-runner"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(1).WithArguments("image-bilder", "namespace 'shop'", "image-builder"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("deployer", "namespace 'shop'"));

        test.FixedState.Sources.Add(Accounts);
        test.FixedState.Sources.Add(Workloads(
            Deployment("Api", "\"shop\"", "\"ci-runner\""),
            Deployment("Builds", "\"shop\"", "\"image-builder\""),
            Deployment("Deploys", "\"shop\"", "{|#2:\"deployer\"|}")));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("deployer", "namespace 'shop'"));
        await test.RunAsync();
    }

    // Without any service account in code, the accounts come from elsewhere (Helm, a platform team, the cluster).
    [Fact]
    public Task ProjectsThatDoNotCreateServiceAccounts_AreSilent() =>
        VerifyCS.VerifyAnalyzerAsync(Workloads(Deployment("Api", "\"shop\"", "\"ci-runer\"")));

    [Fact]
    public async Task DefaultDefinedUnknownNamespaceListedAndComputedNames_AreSilent()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Accounts);
        test.TestState.Sources.Add(Workloads(
            Deployment("Default", "\"shop\"", "\"default\""),
            Deployment("Unset", "\"shop\"", "\"\""),
            Deployment("Defined", "\"shop\"", "\"ci-runner\""),
            Deployment("AccountWithoutNamespace", "\"billing\"", "\"metrics-reader\""),
            Deployment("PodWithoutNamespace", "null", "\"image-builder\""),
            Deployment("Listed", "\"shop\"", "\"vault-agent\""),
            Deployment("ListedAnywhere", "\"billing\"", "\"argo-workflow\""),
            Deployment("Computed", "\"shop\"", "System.Environment.GetEnvironmentVariable(\"ACCOUNT\")")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.external_service_accounts = shop/vault-agent, argo-workflow\n"));
        await test.RunAsync();
    }

    // `ci-runner` looked for in `billing` while it is defined in `shop`: the message says so, and no rename is offered.
    [Fact]
    public Task AccountOfThatNameInAnotherNamespace_IsNamed_WithoutAFix() =>
        VerifyNoFix(
            [Accounts, Workloads(Deployment("Billing", "\"billing\"", "{|#0:\"ci-runner\"|}"))],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountInOtherNamespace).WithLocation(0).WithArguments("ci-runner", "billing", "shop"));

    // The deprecated serviceAccount counts when it is written alone; serviceAccountName wins over it.
    [Fact]
    public Task DeprecatedServiceAccountField_IsJudgedWhenWrittenAlone() =>
        VerifyNoFix(
            [Accounts, """
                using k8s.Models;

                static class Pods
                {
                    public static V1Pod Old() => new()
                    {
                        Metadata = new() { Name = "old", NamespaceProperty = "shop" },
                        Spec = new() { ServiceAccount = {|#0:"legacy"|}, Containers = [] },
                    };

                    public static V1Pod Both() => new()
                    {
                        Metadata = new() { Name = "both", NamespaceProperty = "shop" },
                        Spec = new() { ServiceAccountName = "ci-runner", ServiceAccount = "legacy", Containers = [] },
                    };
                }
                """],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(0).WithArguments("legacy", "namespace 'shop'"));

    // Names read through constants, static readonly fields and locals; a write after creation is judged in any namespace
    // and keeps the creation's own name from being judged.
    [Fact]
    public Task NamesThroughConstantsFieldsLocalsAndLaterWrites_AreFollowed() =>
        VerifyNoFix(
            [Accounts, """
                using k8s.Models;

                static class Pods
                {
                    const string Runner = "ci-runer";
                    static readonly string Builder = "image-bilder";

                    public static V1PodSpec Constant() => new() { ServiceAccountName = {|#0:Runner|}, Containers = [] };

                    public static V1PodSpec Field() => new() { ServiceAccountName = {|#1:Builder|}, Containers = [] };

                    public static V1PodSpec Local()
                    {
                        var account = "deployer";
                        return new V1PodSpec { ServiceAccountName = {|#2:account|}, Containers = [] };
                    }

                    public static V1Pod Later()
                    {
                        var pod = new V1Pod { Metadata = new() { Name = "x", NamespaceProperty = "billing" }, Spec = new() { ServiceAccountName = "overwritten", Containers = [] } };
                        pod.Spec.ServiceAccountName = {|#3:"auditor"|};
                        return pod;
                    }
                }
                """],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(0).WithArguments("ci-runer", "any namespace", "ci-runner"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(1).WithArguments("image-bilder", "any namespace", "image-builder"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("deployer", "any namespace"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(3).WithArguments("auditor", "any namespace"));

    // A later write replaces the name the creation writes whatever reaches the spec: an element of an array, a foreach
    // variable, a lambda, the deprecated field. Only the names written later are judged, in any namespace (the
    // deprecated one is not: whether serviceAccountName is also set is not known there).
    [Fact]
    public Task LaterWritesThroughElementsLoopsAndLambdas_ReplaceTheCreationsName() =>
        VerifyNoFix(
            [Accounts, """
                using System;
                using System.Collections.Generic;
                using k8s.Models;

                static class Pods
                {
                    public static V1Pod[] Element()
                    {
                        var pods = new[] { new V1Pod { Metadata = new() { Name = "a", NamespaceProperty = "shop" }, Spec = new() { ServiceAccountName = "overwritten", Containers = [] } } };
                        pods[0].Spec.ServiceAccountName = {|#0:"auditor"|};
                        return pods;
                    }

                    public static V1Pod Loop()
                    {
                        var pod = new V1Pod { Metadata = new() { Name = "b", NamespaceProperty = "shop" }, Spec = new() { ServiceAccountName = "overwritten", Containers = [] } };
                        foreach (var each in new List<V1Pod> { pod })
                        {
                            each.Spec.ServiceAccountName = {|#1:"deployer"|};
                        }

                        return pod;
                    }

                    public static V1PodSpec Lambda()
                    {
                        var spec = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        Action reset = () => spec.ServiceAccountName = {|#2:"janitor"|};
                        reset();
                        return spec;
                    }

                    public static V1PodSpec Deprecated()
                    {
                        var spec = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        spec.ServiceAccount = "legacy";
                        return spec;
                    }
                }
                """],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(0).WithArguments("auditor", "any namespace"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(1).WithArguments("deployer", "any namespace"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("janitor", "any namespace"));

    // A helper of the compilation handed the spec that sets its account replaces the name the creation writes: only
    // the name the helper is given is judged.
    [Fact]
    public Task HelperThatSetsTheAccount_ReplacesTheCreationsName() =>
        VerifyNoFix(
            [Accounts, """
                using k8s.Models;

                static class Specs
                {
                    public static void Use(V1PodSpec spec, string account) => spec.ServiceAccountName = account;

                    public static void Nested(V1PodSpec spec) => Use(spec, "ci-runner");

                    public static V1PodSpec Replaced()
                    {
                        var spec = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        Use(spec, "ci-runner");
                        return spec;
                    }

                    public static V1PodSpec ReplacedDeeper()
                    {
                        var spec = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        Nested(spec);
                        return spec;
                    }

                    public static V1PodSpec Undefined()
                    {
                        var spec = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        Use(spec, {|#0:"deployer"|});
                        return spec;
                    }
                }
                """],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(0).WithArguments("deployer", "any namespace"));

    // A later write or helper call concerns only the objects it can reach: a spec handed to a helper that sets the account,
    // or whose account is written later, leaves another spec of the body judged (and a factory's spec beside it). A write
    // through a local that may hold the spec, or a spec stored where another path may reach it, keeps it silent.
    [Fact]
    public Task WritesToOneSpec_LeaveAnotherJudged() =>
        VerifyNoFix(
            [Accounts, """
                using k8s.Models;

                static class Specs
                {
                    public static void Use(V1PodSpec spec, string account) => spec.ServiceAccountName = account;

                    public static V1PodSpec Make(string account) => new() { ServiceAccountName = account, Containers = [] };

                    public static V1PodSpec[] HandedToAHelper()
                    {
                        var first = new V1PodSpec { ServiceAccountName = {|#0:"deployer"|}, Containers = [] };
                        var second = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        Use(second, "ci-runner");
                        return [first, second];
                    }

                    public static V1Pod[] WrittenLater()
                    {
                        var api = new V1Pod { Spec = new() { ServiceAccountName = {|#1:"auditor"|}, Containers = [] } };
                        var worker = new V1Pod { Spec = new() { ServiceAccountName = "overwritten", Containers = [] } };
                        worker.Spec.ServiceAccountName = "ci-runner";
                        return [api, worker];
                    }

                    public static V1PodSpec[] BesideAFactory()
                    {
                        var made = Make({|#2:"janitor"|});
                        var other = new V1PodSpec { Containers = [] };
                        other.ServiceAccountName = "ci-runner";
                        return [made, other];
                    }

                    public static V1PodSpec[] Either(bool flag)
                    {
                        var first = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        var second = new V1PodSpec { Containers = [] };
                        var either = flag ? first : second;
                        either.ServiceAccountName = "ci-runner";
                        return [first, second];
                    }

                    public static V1PodSpec Stored()
                    {
                        var spec = new V1PodSpec { ServiceAccountName = "overwritten", Containers = [] };
                        var pod = new V1Pod { Spec = spec };
                        pod.Spec.ServiceAccountName = "ci-runner";
                        return spec;
                    }

                    public static V1PodSpec FactoryCompleted()
                    {
                        var made = Make("overwritten");
                        made.ServiceAccountName = "ci-runner";
                        return made;
                    }
                }
                """],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(0).WithArguments("deployer", "any namespace"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(1).WithArguments("auditor", "any namespace"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("janitor", "any namespace"));

    // Names a call passes to a pod spec factory or to a helper that sets the account are judged at the argument, and
    // renamed there.
    [Fact]
    public async Task NamesPassedToFactoriesAndHelpers_AreReportedOnTheArgument()
    {
        const string Helpers = """
            using k8s.Models;

            static class Specs
            {
                public static V1PodSpec For(string account) => new() { ServiceAccountName = account, Containers = [] };

                public static void Use(V1PodSpec spec, string account) => spec.ServiceAccountName = account;

                public static V1PodSpec Nested(string account) => For(account);
            }
            """;
        static string Calls(string first, string second, string third) => $$"""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec A() => Specs.For({{first}});

                public static V1PodSpec B()
                {
                    var spec = new V1PodSpec { Containers = [] };
                    Specs.Use(spec, {{second}});
                    return spec;
                }

                public static V1PodSpec C() => Specs.Nested({{third}});

                public static V1PodSpec D() => Specs.For("ci-runner");
            }
            """;

        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(Accounts);
        test.TestState.Sources.Add(Helpers);
        test.TestState.Sources.Add(Calls("{|#0:\"ci-runer\"|}", "{|#1:\"image-bilder\"|}", "{|#2:\"metrics-readr\"|}"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(0).WithArguments("ci-runer", "any namespace", "ci-runner"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(1).WithArguments("image-bilder", "any namespace", "image-builder"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(2).WithArguments("metrics-readr", "any namespace", "metrics-reader"));
        test.FixedState.Sources.Add(Accounts);
        test.FixedState.Sources.Add(Helpers);
        test.FixedState.Sources.Add(Calls("\"ci-runner\"", "\"image-builder\"", "\"metrics-reader\""));
        await test.RunAsync();
    }

    // Accounts a factory creates per call exist in the namespaces its calls pass; a name with constant parts matches the
    // accounts its parts allow, on both sides, and is reported naming the pattern, without a fix, when none can be it.
    [Fact]
    public Task FactoryMadeAccountsAndNamesWithConstantParts_AreMatched() =>
        VerifyNoFix(
            ["""
                using System.Collections.Generic;
                using k8s.Models;

                static class Accounts
                {
                    static V1ServiceAccount Runner(string ns) => new() { Metadata = new() { Name = "runner", NamespaceProperty = ns } };

                    static V1ServiceAccount Worker(string tenant) => new() { Metadata = new() { Name = $"{tenant}-worker", NamespaceProperty = "jobs" } };

                    public static IEnumerable<V1ServiceAccount> All() => new[] { Runner("shop"), Runner("billing"), Worker("x") };

                    public static V1ServiceAccount Acme() => new() { Metadata = new() { Name = "acme-agent", NamespaceProperty = "jobs" } };
                }
                """,
             Workloads(
                Deployment("Shop", "\"shop\"", "\"runner\""),
                Deployment("Payments", "\"payments\"", "{|#0:\"runner\"|}"),
                Deployment("Worker", "\"jobs\"", "\"x-worker\""),
                Deployment("AnyWorker", "\"jobs\"", "$\"{System.Environment.MachineName}-worker\""),
                Deployment("Agent", "\"jobs\"", "$\"{System.Environment.MachineName}-agent\""),
                Deployment("Missing", "\"jobs\"", "{|#1:$\"{System.Environment.MachineName}-builder\"|}"))],
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountInOtherNamespace).WithLocation(0).WithArguments("runner", "payments", "billing"),
            VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(1).WithArguments("{System.Environment.MachineName}-builder", "namespace 'jobs'"));

    // A factory used as a delegate (or a public one of a library) may create its account with any name or namespace.
    [Fact]
    public async Task FactoriesWhoseCallsAreNotAllKnown_KeepTheRuleSilent()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using System.Linq;
            using k8s.Models;

            static class Accounts
            {
                static V1ServiceAccount Named(string name) => new() { Metadata = new() { Name = name, NamespaceProperty = "shop" } };

                static V1ServiceAccount In(string ns) => new() { Metadata = new() { Name = "runner", NamespaceProperty = ns } };

                public static IEnumerable<V1ServiceAccount> All() => new[] { "ci-runner" }.Select(Named).Concat(new[] { "shop" }.Select(In));
            }
            """);
        test.TestState.Sources.Add(Workloads(Deployment("Shop", "\"shop\"", "\"deployer\""), Deployment("Payments", "\"payments\"", "\"runner\"")));
        await test.RunAsync();
    }

    [Fact]
    public async Task KubernetesClient17Constructors_AreRead()
    {
        static string Source(string account) => $$"""
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1ServiceAccount Agent() => new V1ServiceAccount("v1", kind: "ServiceAccount", metadata: new V1ObjectMeta(name: "edge-agent", namespaceProperty: "edge"));

                public static V1Pod Pod() => new V1Pod(
                    metadata: new V1ObjectMeta(name: "agent", namespaceProperty: "edge"),
                    spec: new V1PodSpec(new List<V1Container>(), serviceAccountName: {{account}}));
            }
            """;
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.Sources.Add(Source("{|#0:\"edge-agnt\"|}"));
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(0).WithArguments("edge-agnt", "namespace 'edge'", "edge-agent"));
        test.FixedState.Sources.Add(Source("\"edge-agent\""));
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
                    static V1ServiceAccount A() => new() { Metadata = new() { Name = }, };
                    static V1ServiceAccount B() => new() { Metadata = , };
                    static V1PodSpec C() => new() { ServiceAccountName = , ServiceAccount = };
                    static V1PodSpec D(string a) => new() { ServiceAccountName = $"{a}-" + , Containers = [] };
                    static void E(V1PodSpec s) { s.ServiceAccountName = ; s.ServiceAccount = 1; s.ServiceAccountName = F(; }
                    static V1PodSpec F(string account) => new() { ServiceAccountName = account };
                    static V1PodSpec G() => F();
                    static V1PodSpec H() => F("runer", );
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    // Compilation-end findings are not local to a document: the fix verifier is told so.
    private static Task VerifyNoFix(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
            test.FixedState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
