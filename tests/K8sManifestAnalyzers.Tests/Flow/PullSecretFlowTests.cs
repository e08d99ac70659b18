using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using ListVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullSecretListAnalyzer>;
using SecretVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;
using PolicyFix = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.AddPullPolicyCodeFix>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>Pull-secret lists completed after the pod spec is created, through a path to it.</summary>
public sealed class PullSecretFlowTests
{
    private const string EditorConfig = "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.example.com\n";

    // Issue: `spec.ImagePullSecrets ??= new(); spec.ImagePullSecrets.Add(…)` through pod.Spec gave a false KMA103.
    [Fact]
    public async Task PullSecretsAddedThroughAPath_CountForTheSpec()
    {
        var test = new SecretVerify.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Added()
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/api:1", ImagePullPolicy = "IfNotPresent" }] } };
                    pod.Spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                    pod.Spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                    return pod;
                }

                public static V1Deployment Assigned()
                {
                    var deployment = new V1Deployment
                    {
                        Spec = new V1DeploymentSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/api:1", ImagePullPolicy = "IfNotPresent" }] } } },
                    };
                    deployment.Spec.Template.Spec.ImagePullSecrets = [new() { Name = "shop-registry" }];
                    return deployment;
                }

                public static V1Pod Emptied()
                {
                    var pod = new V1Pod { Spec = {|#1:new V1PodSpec|} { Containers = [new() { Image = {|#0:"registry.example.com/shop/api:1"|}, ImagePullPolicy = "IfNotPresent" }] } };
                    pod.Spec.ImagePullSecrets = [];
                    return pod;
                }

                public static V1Pod Other(V1Pod other)
                {
                    var pod = new V1Pod { Spec = {|#3:new V1PodSpec|} { Containers = [new() { Image = {|#2:"registry.example.com/shop/api:1"|}, ImagePullPolicy = "IfNotPresent" }] } };
                    other.Spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                    return pod;
                }
            }

            static class Secrets
            {
                public static V1Secret Shop(byte[] config) => new()
                {
                    Metadata = new() { Name = "shop-registry" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = config },
                };
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.ExpectedDiagnostics.Add(SecretVerify.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/api:1", "registry.example.com", string.Empty));
        test.ExpectedDiagnostics.Add(SecretVerify.Diagnostic("KMA103").WithLocation(2).WithLocation(3).WithArguments("registry.example.com/shop/api:1", "registry.example.com", string.Empty));
        await test.RunAsync();
    }

    // Issue: a duplicate added with Add was not KMA106.
    [Fact]
    public Task NamesAddedTwice_AreKMA106() =>
        ListVerify.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Pods
            {
                public static V1Pod Build(string name)
                {
                    var pod = new V1Pod { Spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = "shop-registry" }] } };
                    pod.Spec.ImagePullSecrets.Add({|#0:new V1LocalObjectReference { Name = "shop-registry" }|});
                    pod.Spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "ci-registry" });
                    pod.Spec.ImagePullSecrets.Add({|#1:new V1LocalObjectReference { Name = "ci-registry" }|});
                    pod.Spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = name });
                    return pod;
                }

                public static V1PodSpec Separate(V1PodSpec a, V1PodSpec b)
                {
                    a.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                    b.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "shop-registry" });
                    return a;
                }
            }
            """,
            ListVerify.Diagnostic("KMA106").WithLocation(0).WithArguments("The pull secret 'shop-registry' is listed twice"),
            ListVerify.Diagnostic("KMA106").WithLocation(1).WithArguments("The pull secret 'ci-registry' is listed twice"));

    [Fact]
    public Task PolicyOnSomePaths_FixWritesTheDefaultInTheInitializer() =>
        PolicyFix.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(bool dev)
                {
                    var container = {|#0:new V1Container|} { Name = "app", Image = "nginx:1.27" };
                    if (dev)
                    {
                        container.ImagePullPolicy = "Always";
                    }

                    return container;
                }
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Container Build(bool dev)
                {
                    var container = new V1Container { Name = "app", Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" };
                    if (dev)
                    {
                        container.ImagePullPolicy = "Always";
                    }

                    return container;
                }
            }
            """,
            K8sManifestAnalyzers.CodeFixes.AddPullPolicyCodeFix.ServerDefaultKey,
            new[] { PolicyFix.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_PullPolicyOnSomePaths).WithLocation(0).WithArguments("'IfNotPresent'") });
}
