using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.RegistryCredentialAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA105: registry credentials in source.</summary>
public sealed class KMA105_RegistryCredentialTests
{
    private const string InConfig = "This docker config contains a registry credential";

    [Fact]
    public Task DockerConfigLiterals_WithCredentials_AreReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """"
            static class Config
            {
                public const string Auths = {|#0:"{\"auths\":{\"registry.example.com\":{\"auth\":\"Y2k6aHVudGVyMg==\"}}}"|};

                public static string Raw() => {|#1:"""
                    {
                      "auths": {
                        "registry.example.com": { "username": "ci", "password": "hunter2" }
                      }
                    }
                    """|};

                // Split over a constant concatenation: reported once, on the whole expression.
                public static string Split() => {|#2:"{\"auths\":{\"ghcr.io\":{" + "\"auth\":\"Y2k6aHVudGVyMg==\"}}}"|};

                // A UTF-8 literal is read like the string it encodes.
                public static byte[] Utf8() => {|#3:"{\"auths\":{\"ghcr.io\":{\"identitytoken\":\"tok\"}}}"u8|}.ToArray();
            }
            """",
            VerifyCS.Diagnostic("KMA105").WithLocation(0).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(1).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(2).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(3).WithArguments(InConfig));

    // The docker-config check needs no KubernetesClient: the one per-body host walks every body for constant strings
    // even where the Kubernetes types are absent, and meets them wherever operation actions met them (field, property and
    // parameter initializers, lambdas, local functions, constructor initializers, attributes), once each, on the outermost
    // constant. With and without KubernetesClient alike.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DockerConfigs_InInitializersLambdasAndLocalFunctions_AreReported_WithOrWithoutKubernetesClient(bool withKubernetes)
    {
        var test = new VerifyCS.Test
        {
            TestCode = """"
                using System;

                [Obsolete({|#0:"{\"auths\":{\"r.example.com\":{\"auth\":\"eDp5\"}}}"|})]
                class Registry(string config)
                {
                    private const string Host = "ghcr.io";
                    private static readonly string Field = {|#1:"{\"auths\":{\"" + Host + "\":{\"password\":\"p\"}}}"|};
                    public string Property { get; } = {|#2:$"{{\"auths\":{{\"{Host}\":{{\"auth\":\"eDp5\"}}}}}}"|};
                    public string Config { get; } = config;

                    public Registry() : this({|#3:"{\"auths\":{\"a.example.com\":{\"auth\":\"eDp5\"}}}"|})
                    {
                    }

                    public static string Defaulted(string config = {|#4:"{\"auths\":{\"b.example.com\":{\"auth\":\"eDp5\"}}}"|}) => config;

                    public static Func<string> Lambda() => () => {|#5:"{\"auths\":{\"c.example.com\":{\"auth\":\"eDp5\"}}}"|};

                    public static byte[] Local()
                    {
                        return Bytes();

                        static byte[] Bytes() => {|#6:"{\"auths\":{\"d.example.com\":{\"identitytoken\":\"t\"}}}"u8|}.ToArray();
                    }
                }
                """",
            ReferenceAssemblies = withKubernetes ? KubernetesReferences.KubernetesClient21 : KubernetesReferences.WithoutKubernetes,
        };
        for (int i = 0; i <= 6; i++)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA105").WithLocation(i).WithArguments(InConfig));
        }

        await test.RunAsync();
    }

    // Issue: ordinary JSON with a "password" member broke the build of projects that have nothing to do with
    // Kubernetes. Only a docker config (an "auths" object) is one.
    [Fact]
    public Task JsonThatIsNotADockerConfig_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """"
            static class Fixtures
            {
                public const string ValidLogin = "{\"username\":\"alice\",\"password\":\"hunter2\"}";
                public const string Token = """{ "identitytoken": "abc", "user": "bob" }""";
                public const string Nested = "{\"users\":[{\"name\":\"a\",\"password\":\"b\"}],\"auth\":\"x\"}";

                // Without the "auths" wrapper (the legacy .dockercfg shape) a map of hosts is not told apart from any
                // other JSON; under a docker-registry Secret's .dockercfg key it is reported.
                public const string Legacy = "{\"https://index.docker.io/v1/\":{\"auth\":\"Y2k6aHVudGVyMg==\"}}";
                public const string Broken = "{\"auths\":{\"r.example.com\":{\"auth\":\"x\"}}";
                public const string NotAnObject = "{\"auths\":[{\"auth\":\"x\"}]}";
                public static byte[] Utf8() => "{\"password\":\"hunter2\"}"u8.ToArray();
            }
            """");

    [Fact]
    public Task ConfigWithoutCredentials_OrBuiltAtRunTime_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;

            static class Config
            {
                public const string Empty = "{\"auths\":{\"registry.example.com\":{\"auth\":\"\"}}}";
                public const string Helper = "{\"credHelpers\":{\"123.dkr.ecr.eu-west-1.amazonaws.com\":\"ecr-login\"}}";
                public const string Prose = "set \"auth\": \"...\" in the config";

                public static string FromEnvironment(string auth) => "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + auth + "\"}}}";
                public static string Interpolated(string auth) => $"{{\"auths\":{{\"registry.example.com\":{{\"auth\":\"{auth}\"}}}}}}";
            }
            """);

    [Fact]
    public Task CredentialUnderARegistrySecretKey_IsReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Text;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret A() => new()
                {
                    Metadata = new() { Name = "a" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes({|#0:"eyJhdXRocyI6eyJyLmV4YW1wbGUuY29tIjp7ImF1dGgiOiJlRHA1In19fQ=="|}) },
                };

                // The legacy shape, a map of registries without "auths".
                public static V1Secret B() => new()
                {
                    Metadata = new() { Name = "b" },
                    Type = "kubernetes.io/dockercfg",
                    StringData = new Dictionary<string, string> { { ".dockercfg", {|#1:"{\"r.example.com\":{\"auth\":\"eDp5\"}}"|} } },
                };

                public static V1Secret C() => new()
                {
                    Metadata = new() { Name = "c" },
                    Type = "kubernetes.io/dockercfg",
                    Data = new Dictionary<string, byte[]> { [".dockercfg"] = Convert.FromBase64String({|#2:"eyJyLmV4YW1wbGUuY29tIjp7ImF1dGgiOiJlRHA1In19"|}) },
                };

                // Reported once, by the docker-config rule.
                public static V1Secret D() => new()
                {
                    Metadata = new() { Name = "d" },
                    Type = "kubernetes.io/dockerconfigjson",
                    StringData = new Dictionary<string, string> { [".dockerconfigjson"] = {|#3:"{\"auths\":{\"r.example.com\":{\"auth\":\"eDp5\"}}}"|} },
                };

                public static V1Secret E() => new()
                {
                    Metadata = new() { Name = "e" },
                    Type = "kubernetes.io/dockercfg",
                    Data = new Dictionary<string, byte[]> { [".dockercfg"] = {|#4:"{\"r.example.com\":{\"password\":\"p\"}}"u8.ToArray()|} },
                };

                public static V1Secret F() => new()
                {
                    Metadata = new() { Name = "f" },
                    Type = "kubernetes.io/dockercfg",
                    Data = new Dictionary<string, byte[]> { [".dockercfg"] = {|#5:new byte[] { 123, 34, 114, 34, 58, 123, 34, 97, 117, 116, 104, 34, 58, 34, 120, 34, 125, 125 }|} },
                };
            }
            """,
            VerifyCS.Diagnostic("KMA105").WithLocation(0).WithArguments("The .dockerconfigjson of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(1).WithArguments("The .dockercfg of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(2).WithArguments("The .dockercfg of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(3).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(4).WithArguments("The .dockercfg of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(5).WithArguments("The .dockercfg of a docker-registry Secret is a constant"));

    // Placeholders (every credential member empty) and data that is not a docker config carry no credential.
    [Fact]
    public Task PlaceholderUnderARegistrySecretKey_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Text;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret A() => new()
                {
                    Metadata = new() { Name = "a" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes("eyJhdXRocyI6e319") },
                };

                public static V1Secret B() => new()
                {
                    Metadata = new() { Name = "b" },
                    Type = "kubernetes.io/dockerconfigjson",
                    StringData = new Dictionary<string, string> { [".dockerconfigjson"] = "{\"auths\":{\"r.example.com\":{\"auth\":\"\",\"password\":\"\",\"identitytoken\":\"\"}}}" },
                };

                public static V1Secret C() => new()
                {
                    Metadata = new() { Name = "c" },
                    Type = "kubernetes.io/dockercfg",
                    Data = new Dictionary<string, byte[]> { [".dockercfg"] = Convert.FromBase64String("e30=") },
                };

                public static V1Secret D() => new()
                {
                    Metadata = new() { Name = "d" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = "{\"auths\":{}}"u8.ToArray() },
                };
            }
            """);

    [Fact]
    public Task DataFromTheEnvironment_OrOtherSecretTypes_IsNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Text;
            using k8s.Models;

            static class Secrets
            {
                public static V1Secret A() => new()
                {
                    Metadata = new() { Name = "a" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("REGISTRY_CONFIG")!) },
                };

                public static V1Secret B() => new()
                {
                    Metadata = new() { Name = "b" },
                    Type = "Opaque",
                    StringData = new Dictionary<string, string> { ["greeting"] = "hello" },
                };
            }
            """);
}
