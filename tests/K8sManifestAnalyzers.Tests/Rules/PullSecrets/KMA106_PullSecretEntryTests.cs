using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullSecretListAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RemovePullSecretEntryCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>KMA106: empty or duplicate imagePullSecrets entries.</summary>
public sealed class KMA106_PullSecretEntryTests
{
    [Fact]
    public Task EmptyAndDuplicateEntries_AreRemoved_FixAll() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                const string Registry = "shop-registry";

                public static V1PodSpec A() => new()
                {
                    Containers = [],
                    ImagePullSecrets =
                    [
                        new() { Name = "shop-registry" },
                        {|#0:new() { Name = "" }|},
                        {|#1:new() { Name = Registry }|},
                    ],
                };

                public static V1ServiceAccount B() => new()
                {
                    ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference { Name = "ci" }, {|#2:new V1LocalObjectReference()|} },
                };

                public static void C(V1PodSpec spec) =>
                    spec.ImagePullSecrets = new[] { new V1LocalObjectReference { Name = "ci" }, {|#3:new V1LocalObjectReference { Name = "ci" }|} };
            }
            """,
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                const string Registry = "shop-registry";

                public static V1PodSpec A() => new()
                {
                    Containers = [],
                    ImagePullSecrets =
                    [
                        new() { Name = "shop-registry" },
                    ],
                };

                public static V1ServiceAccount B() => new()
                {
                    ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference { Name = "ci" } },
                };

                public static void C(V1PodSpec spec) =>
                    spec.ImagePullSecrets = new[] { new V1LocalObjectReference { Name = "ci" } };
            }
            """,
            expected: new[]
            {
                VerifyCS.Diagnostic("KMA106").WithLocation(0).WithArguments("This imagePullSecrets entry has an empty name"),
                VerifyCS.Diagnostic("KMA106").WithLocation(1).WithArguments("The pull secret 'shop-registry' is listed twice"),
                VerifyCS.Diagnostic("KMA106").WithLocation(2).WithArguments("This imagePullSecrets entry has no name"),
                VerifyCS.Diagnostic("KMA106").WithLocation(3).WithArguments("The pull secret 'ci' is listed twice"),
            });

    [Fact]
    public Task DistinctOrComputedNames_AreNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Manifests
            {
                public static V1PodSpec Branches(bool ci) => new() { Containers = [], ImagePullSecrets = ci ? [new() { Name = "ci" }] : [new() { Name = "ci" }, new() { Name = "shop" }] };

                public static V1PodSpec A(string team, string other) => new()
                {
                    Containers = [],
                    ImagePullSecrets = [new() { Name = "shop-registry" }, new() { Name = team }, new() { Name = other }, new() { Name = "ci-registry" }],
                };
            }
            """);

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
                    public static V1PodSpec A() => new V1PodSpec(new List<V1Container>(), imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("regcred"), {|KMA106:new V1LocalObjectReference("regcred")|} });
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using k8s.Models;

                static class Manifests
                {
                    public static V1PodSpec A() => new V1PodSpec(new List<V1Container>(), imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("regcred") });
                }
                """,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.FixedState.Sources.Add(KubernetesClient17Stubs.Source);
        await test.RunAsync();
    }
}
