using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.RegistryCredentialAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA105: registry credentials in source.</summary>
public sealed class RegistryCredentialTests
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

                // The legacy .dockercfg shape has no "auths" wrapper.
                public static string Legacy() => {|#3:"{\"https://index.docker.io/v1/\":{\"auth\":\"Y2k6aHVudGVyMg==\",\"email\":\"ci@example.com\"}}"|};
            }
            """",
            VerifyCS.Diagnostic("KMA105").WithLocation(0).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(1).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(2).WithArguments(InConfig),
            VerifyCS.Diagnostic("KMA105").WithLocation(3).WithArguments(InConfig));

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
    public Task ConstantUnderARegistrySecretKey_IsReported() =>
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
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes({|#0:"eyJhdXRocyI6e319"|}) },
                };

                public static V1Secret B() => new()
                {
                    Metadata = new() { Name = "b" },
                    Type = "kubernetes.io/dockercfg",
                    StringData = new Dictionary<string, string> { { ".dockercfg", {|#1:"e30="|} } },
                };

                public static V1Secret C() => new()
                {
                    Metadata = new() { Name = "c" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Convert.FromBase64String({|#2:"e30="|}) },
                };

                // Reported once, by the docker-config rule.
                public static V1Secret D() => new()
                {
                    Metadata = new() { Name = "d" },
                    Type = "kubernetes.io/dockerconfigjson",
                    StringData = new Dictionary<string, string> { [".dockerconfigjson"] = {|#3:"{\"auths\":{\"r.example.com\":{\"auth\":\"eDp5\"}}}"|} },
                };
            }
            """,
            VerifyCS.Diagnostic("KMA105").WithLocation(0).WithArguments("The .dockerconfigjson of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(1).WithArguments("The .dockercfg of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(2).WithArguments("The .dockerconfigjson of a docker-registry Secret is a constant"),
            VerifyCS.Diagnostic("KMA105").WithLocation(3).WithArguments(InConfig));

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
