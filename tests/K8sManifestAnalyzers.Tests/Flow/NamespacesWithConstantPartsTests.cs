using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Namespaces known in part or per call (issue 19): a reference from a computed namespace with constant parts
/// (<c>$"tenant-{id}"</c>) matches only objects in namespaces those parts allow; a Secret created by a factory whose
/// namespace is a parameter exists in the namespaces its calls pass, when every call is known.
/// </summary>
public sealed class NamespacesWithConstantPartsTests
{
    private const string Secrets = """
        using System.Collections.Generic;
        using k8s.Models;

        static class Secrets
        {
            public static V1Secret Database(string ns) => new()
            {
                Metadata = new() { Name = "db", NamespaceProperty = ns },
                StringData = new Dictionary<string, string> { ["password"] = System.Environment.GetEnvironmentVariable("DB")! },
            };

            public static V1Secret PlatformToken() => new()
            {
                Metadata = new() { Name = "platform-token", NamespaceProperty = "platform-system" },
                StringData = new Dictionary<string, string> { ["token"] = System.Environment.GetEnvironmentVariable("TOKEN")! },
            };

            public static V1Secret TenantToken(string id) => new()
            {
                Metadata = new() { Name = "tenant-token", NamespaceProperty = $"tenant-{id}" },
                StringData = new Dictionary<string, string> { ["token"] = System.Environment.GetEnvironmentVariable("TOKEN")! },
            };

            public static IEnumerable<V1Secret> All() => new[] { Database("shop"), Database("billing"), Database("search") };
        }
        """;

    private static string Pod(string method, string @namespace, string secret, string key) => $$"""
            static V1Pod {{method}}(string id) => new()
            {
                Metadata = new() { Name = "app", NamespaceProperty = {{@namespace}} },
                Spec = new()
                {
                    Containers = [new() { Name = "app", Image = "ghcr.io/acme/app:1.0", ImagePullPolicy = "Always", Env = [new() { Name = "X", ValueFrom = new() { SecretKeyRef = new() { Name = {{secret}}, Key = "{{key}}" } } }] }],
                },
            };
        """;

    [Fact]
    public async Task ReferencesFromNamespacesKnownInPart_AndFactoriesPerCall_MatchOnlyWhereTheObjectsCanBe()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Secrets);
        test.TestState.Sources.Add("using k8s.Models;\n\nstatic class Pods\n{\n"
            + Pod("Tenant", "$\"tenant-{id}\"", "{|#0:\"platform-token\"|}", "token")
            + Pod("TenantOwn", "$\"tenant-{id}\"", "\"tenant-token\"", "token")
            + Pod("Shop", "\"shop\"", "\"db\"", "password")
            + Pod("Payments", "\"payments\"", "{|#1:\"db\"|}", "password")
            + Pod("Platform", "\"platform-system\"", "\"platform-token\"", "token")
            + "}\n");
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(0).WithArguments("platform-token", "tenant-{id}", "platform-system"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(1).WithArguments("db", "payments", "billing"));
        await test.RunAsync();
    }

    // A factory used as a delegate, or whose calls are not all in view, may create its Secret in any namespace.
    [Fact]
    public async Task FactoriesWhoseCallsAreNotAllKnown_MayCreateInAnyNamespace()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(Secrets.Replace(
            "new[] { Database(\"shop\"), Database(\"billing\"), Database(\"search\") }",
            "new[] { \"shop\", \"billing\" }.Select(Database)").Replace("using System.Collections.Generic;", "using System.Collections.Generic;\nusing System.Linq;"));
        test.TestState.Sources.Add("using k8s.Models;\n\nstatic class Pods\n{\n" + Pod("Payments", "\"payments\"", "\"db\"", "password") + "}\n");
        await test.RunAsync();
    }
}
