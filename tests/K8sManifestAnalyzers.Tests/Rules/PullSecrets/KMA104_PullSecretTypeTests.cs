using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.SetSecretTypeCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA104: a Secret used as a pull secret whose type or key the kubelet ignores.</summary>
public sealed class KMA104_PullSecretTypeTests
{
    private const string Pod = """
        using k8s.Models;

        static class Pods
        {
            public static V1PodSpec Spec() => new() { Containers = [], ImagePullSecrets = [new() { Name = "regcred" }] };
        }
        """;

    [Fact]
    public Task OpaqueSecretWithDockerConfigKey_GetsTheRightType() =>
        Run(
            """
            using System.Collections.Generic;
            using System.Text;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(string json) => new()
                {
                    Metadata = new() { Name = "regcred" },
                    Type = {|#0:"Opaque"|},
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
                };
            }
            """,
            """
            using System.Collections.Generic;
            using System.Text;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(string json) => new()
                {
                    Metadata = new() { Name = "regcred" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
                };
            }
            """,
            VerifyCS.Diagnostic("KMA104").WithLocation(0).WithArguments("regcred", "its type is 'Opaque': the kubelet ignores it and pulls without credentials"));

    [Fact]
    public Task SecretWithoutType_GetsOne() =>
        Run(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(string json) => {|#0:new V1Secret|}
                {
                    Metadata = new() { Name = "regcred" },
                    StringData = new Dictionary<string, string> { { ".dockerconfigjson", json } },
                };
            }
            """,
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(string json) => new V1Secret
                {
                    Metadata = new() { Name = "regcred" },
                    StringData = new Dictionary<string, string> { { ".dockerconfigjson", json } },
                    Type = "kubernetes.io/dockerconfigjson",
                };
            }
            """,
            VerifyCS.Diagnostic("KMA104").WithLocation(0).WithArguments("regcred", "it has no type, so it is Opaque: the kubelet ignores it and pulls without credentials"));

    [Fact]
    public Task TypeAndKeyDisagree_TypeFollowsTheKey() =>
        Run(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                const string LegacyType = "kubernetes.io/dockercfg";

                public static V1Secret Registry(byte[] config) => new()
                {
                    Metadata = new() { Name = "regcred" },
                    Type = {|#0:LegacyType|},
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = config },
                };
            }
            """,
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                const string LegacyType = "kubernetes.io/dockercfg";

                public static V1Secret Registry(byte[] config) => new()
                {
                    Metadata = new() { Name = "regcred" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = config },
                };
            }
            """,
            VerifyCS.Diagnostic("KMA104").WithLocation(0).WithArguments("regcred", "its type 'kubernetes.io/dockercfg' needs the data key '.dockercfg': the API server rejects the Secret without it"));

    [Fact]
    public Task WrongTypeWithoutARegistryKey_IsReportedWithoutFix() =>
        Run(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(string password) => new()
                {
                    Metadata = new() { Name = "regcred" },
                    Type = {|#0:"kubernetes.io/basic-auth"|},
                    StringData = new Dictionary<string, string> { ["username"] = "ci", ["password"] = password },
                };
            }
            """,
            null,
            VerifyCS.Diagnostic("KMA104").WithLocation(0).WithArguments("regcred", "its type is 'kubernetes.io/basic-auth': the kubelet ignores it and pulls without credentials"));

    [Theory]
    [InlineData("\"kubernetes.io/dockerconfigjson\"", "[\".dockerconfigjson\"] = config")]
    [InlineData("\"kubernetes.io/dockercfg\"", "[\".dockercfg\"] = config")]
    [InlineData("type", "[\".dockerconfigjson\"] = config")]
    [InlineData("\"kubernetes.io/dockerconfigjson\"", "[key] = config")]
    public Task RightOrUnknownTypeAndKey_IsNotReported(string type, string entry) =>
        Run(
            $$"""
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret Registry(string type, string key, byte[] config) => new()
                {
                    Metadata = new() { Name = "regcred" },
                    Type = {{type}},
                    Data = new Dictionary<string, byte[]> { {{entry}} },
                };
            }
            """,
            null);

    // KMA113 is off by default; turned on, it reports the Secret as unused.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnreferencedOpaqueSecret_IsNotKMA104_ButUnusedKMA113WhenTurnedOn(bool turnedOn)
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s.Models;

                static class Secrets
                {
                    public static V1Secret Database() => new() { Metadata = new() { Name = {|#0:"db"|} }, Type = "Opaque" };
                }
                """,
            EnableOptInRules = turnedOn,
        };
        if (turnedOn)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA113").WithLocation(0).WithArguments("db"));
        }

        await test.RunAsync();
    }

    private static async Task Run(string secret, string? fixedSecret, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.TestState.Sources.Add(secret);
        test.TestState.Sources.Add(Pod);
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.Add(fixedSecret ?? secret);
        test.FixedState.Sources.Add(Pod);
        if (fixedSecret is null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
        }

        await test.RunAsync();
    }
}
