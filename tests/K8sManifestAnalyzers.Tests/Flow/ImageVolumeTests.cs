using System.Threading.Tasks;
using K8sManifestAnalyzers.CodeFixes;
using Xunit;
using PolicyFix = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer,
    K8sManifestAnalyzers.CodeFixes.AddPullPolicyCodeFix>;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Image volumes (Kubernetes 1.31+): <c>V1ImageVolumeSource { Reference, PullPolicy }</c> is an image with a pull
/// policy and the same defaulting, so KMA001-KMA005 and KMA007 apply to it.
/// </summary>
public sealed class ImageVolumeTests
{
    [Fact]
    public Task VolumeWithoutPullPolicy_GetsTheServerDefault_AfterTheReference() =>
        PolicyFix.VerifyCodeFixAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1Volume Models() => new V1Volume { Name = "models", Image = {|#0:new V1ImageVolumeSource|} { Reference = "registry.example.com/ml/models:v3", } };
                V1Volume Latest() => new V1Volume { Name = "tools", Image = {|#1:new V1ImageVolumeSource|} { Reference = "busybox" } };
            }
            """,
            """
            using k8s.Models;

            class Manifests
            {
                V1Volume Models() => new V1Volume { Name = "models", Image = new V1ImageVolumeSource { Reference = "registry.example.com/ml/models:v3", PullPolicy = "IfNotPresent", } };
                V1Volume Latest() => new V1Volume { Name = "tools", Image = new V1ImageVolumeSource { Reference = "busybox", PullPolicy = "Always" } };
            }
            """,
            AddPullPolicyCodeFix.ServerDefaultKey,
            new[]
            {
                PolicyFix.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_MissingVolumePullPolicy).WithLocation(0).WithArguments("'IfNotPresent'"),
                PolicyFix.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA001_MissingVolumePullPolicy).WithLocation(1).WithArguments("'Always'"),
            });

    [Fact]
    public Task VolumePolicies_AreCheckedLikeContainers() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1ImageVolumeSource A() => new() { Reference = "busybox:latest", PullPolicy = {|#0:"IfNotPresent"|} };
                V1ImageVolumeSource B() => new() { Reference = "busybox:1.36", PullPolicy = {|#1:"always"|} };
                V1ImageVolumeSource C() => new() { Reference = "busybox:1.36", PullPolicy = {|#2:"Never"|} };
                V1ImageVolumeSource D() => new() { Reference = "busybox:1.36", PullPolicy = "IfNotPresent" };
            }
            """,
            PolicyVerify.Diagnostic("KMA003").WithLocation(0).WithArguments("busybox:latest", "tag 'latest'"),
            PolicyVerify.Diagnostic("KMA002").WithLocation(1).WithArguments("always", " (did you mean 'Always'?)"),
            PolicyVerify.Diagnostic("KMA007").WithLocation(2));

    [Fact]
    public Task VolumeReferences_AreCheckedLikeImages_ButAMissingOneIsNotKMA006() =>
        ImageVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            class Manifests
            {
                V1ImageVolumeSource A() => new() { Reference = {|#0:"busybox"|}, PullPolicy = "Always" };
                V1ImageVolumeSource B() => new() { Reference = {|#1:"Busybox:1.36"|}, PullPolicy = "Always" };
                V1ImageVolumeSource C() => new() { PullPolicy = "Always" };
            }
            """,
            ImageVerify.Diagnostic("KMA005").WithLocation(0).WithArguments("busybox", "has no tag or digest, so it means 'latest'"),
            ImageVerify.Diagnostic("KMA004").WithLocation(1).WithArguments("Busybox:1.36", "the repository 'Busybox' has uppercase letters, and repositories are lowercase"));
}
