using System.Threading.Tasks;
using Xunit;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;
using SecretVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Constants passed to methods that return a Deployment, a Job, a pod or a pod spec (issue 19) are followed into every
/// container those methods build, directly or through the methods they call, and reported at the call that passes
/// them. What the caller writes on the result afterwards is respected.
/// </summary>
public sealed class NestedFactoryTests
{
    private const string Factories = """
        using System.Collections.Generic;
        using k8s.Models;

        public static class Factories
        {
            public static V1Deployment Deployment(string name, string image, string policy = "IfNotPresent") => new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = name },
                Spec = new V1DeploymentSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = name, Image = image, ImagePullPolicy = policy } } },
                    },
                },
            };

            public static V1PodSpec Spec(string image) => new() { Containers = [Container(image)] };

            public static V1Pod Pod(string image) => new() { Spec = Spec(image) };

            public static V1Container Container(string image) => new() { Name = "c", Image = image, ImagePullPolicy = "IfNotPresent" };

            public static V1Job Job(string name, string image)
            {
                var job = new V1Job { Metadata = new() { Name = name } };
                job.Spec = new V1JobSpec { Template = new() { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = new List<V1Container>() } } };
                job.Spec.Template.Spec.Containers.Add(new V1Container { Name = name, Image = image, ImagePullPolicy = "IfNotPresent" });
                return job;
            }
        }
        """;

    [Fact]
    public async Task ImagesPassedToFactoriesOfWorkloads_AreCheckedInEveryContainerTheyBuild()
    {
        var images = new ImageVerify.Test();
        images.TestState.Sources.Add(Factories);
        images.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Deployment A() => Factories.Deployment("api", {|#0:"ghcr.io/acme/api:latest"|});
                V1Pod B() => Factories.Pod({|#1:"ghcr.io/acme/api"|});
                V1Job C() => Factories.Job("migrate", {|#2:"Ghcr.io/Acme/Migrate:1.0"|});
                V1PodSpec D(string configured) => Factories.Spec(configured);
                V1Deployment E() => Factories.Deployment("api", "ghcr.io/acme/api:1.4.2");
            }
            """);
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0)
            .WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'", "passed to Factories.Deployment"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(1)
            .WithArguments("ghcr.io/acme/api", "has no tag or digest, so it means 'latest'", "passed to Factories.Pod"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA004_InvalidImageReferenceFrom).WithLocation(2)
            .WithArguments("Ghcr.io/Acme/Migrate:1.0", "the repository 'Ghcr.io/Acme/Migrate' has uppercase letters, and repositories are lowercase", "passed to Factories.Job"));
        await images.RunAsync();
    }

    [Fact]
    public async Task PoliciesPassedToFactoriesOfWorkloads_ArePairedWithTheirImages_LaterWritesAreRespected()
    {
        var policies = new PolicyVerify.Test();
        policies.TestState.Sources.Add(Factories);
        policies.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Deployment A() => Factories.Deployment("api", {|#0:"ghcr.io/acme/api:latest"|});
                V1Deployment B() => Factories.Deployment("api", "ghcr.io/acme/api:latest", "Always");
                V1Deployment C() => Factories.Deployment("api", "ghcr.io/acme/api:1.0", {|#1:"ifNotPresent"|});
                V1Job D() => Factories.Job("migrate", {|#2:"ghcr.io/acme/migrate:latest"|});

                V1Deployment E()
                {
                    // Written after the factory returns: the factory's own default does not reach the cluster.
                    var deployment = Factories.Deployment("api", "ghcr.io/acme/api:latest");
                    deployment.Spec.Template.Spec.Containers[0].ImagePullPolicy = "Always";
                    return deployment;
                }
            }
            """);
        policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0)
            .WithArguments("ghcr.io/acme/api:latest", "tag 'latest'", "created by Factories.Deployment"));
        policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA002_InvalidPullPolicyFrom).WithLocation(1)
            .WithArguments("ifNotPresent", " (did you mean 'IfNotPresent'?)", "passed to Factories.Deployment"));
        policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(2)
            .WithArguments("ghcr.io/acme/migrate:latest", "tag 'latest'", "created by Factories.Job"));
        await policies.RunAsync();
    }
    // KMA103 reads the pod spec a factory builds at each call: a private image the call passes, in a spec with no pull
    // secret, is reported on the argument (and the call); a spec the factory or the caller gives pull secrets is not.
    [Fact]
    public async Task PrivateImagesPassedToPodSpecFactories_NeedAPullSecret()
    {
        var test = new SecretVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Specs
            {
                public static V1PodSpec Spec(string image) => new() { Containers = [new() { Name = "c", Image = image, ImagePullPolicy = "Always" }] };

                public static V1PodSpec WithSecret(string image) => new()
                {
                    ImagePullSecrets = [new() { Name = "acme-registry" }],
                    Containers = [new() { Name = "c", Image = image, ImagePullPolicy = "Always" }],
                };
            }

            class Manifests
            {
                V1PodSpec A() => {|#1:Specs.Spec({|#0:"ghcr.io/acme/api:1.0"|})|};
                V1PodSpec B() => Specs.Spec("docker.io/library/nginx:1.27");
                V1PodSpec C() => Specs.WithSecret("ghcr.io/acme/api:1.0");

                V1PodSpec D()
                {
                    var spec = Specs.Spec("ghcr.io/acme/api:1.0");
                    spec.ImagePullSecrets = [new() { Name = "acme-registry" }];
                    return spec;
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.private_registries = ghcr.io/acme\nk8s_manifests.external_pull_secrets = acme-registry\n"));
        test.TestState.ExpectedDiagnostics.Add(SecretVerify.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("ghcr.io/acme/api:1.0", "ghcr.io/acme", string.Empty));
        await test.RunAsync();
    }

    // KubernetesClient 17 and older: a factory that lists pull secrets in the pod spec's constructor (named or
    // positional) gives its spec pull secrets, as an initializer does; one that lists none needs them at each call.
    [Fact]
    public async Task KubernetesClient17FactoriesListingPullSecretsInTheConstructor_AreCovered()
    {
        var test = new SecretVerify.Test { ReferenceAssemblies = K8sManifestAnalyzers.Tests.Verifiers.KubernetesReferences.WithoutKubernetes };
        test.TestState.Sources.Add(K8sManifestAnalyzers.Tests.Verifiers.KubernetesClient17Stubs.Source);
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Specs
            {
                public static V1PodSpec Spec(string image) => new V1PodSpec(new List<V1Container> { new V1Container("c", image: image, imagePullPolicy: "Always") });

                public static V1PodSpec Named(string image) => new V1PodSpec(
                    new List<V1Container> { new V1Container("c", image: image, imagePullPolicy: "Always") },
                    imagePullSecrets: new List<V1LocalObjectReference> { new V1LocalObjectReference("acme-registry") });

                public static V1PodSpec Positional(string image) => new V1PodSpec(
                    new List<V1Container> { new V1Container("c", image: image, imagePullPolicy: "Always") },
                    null,
                    new List<V1LocalObjectReference> { new V1LocalObjectReference("acme-registry") });
            }

            class Manifests
            {
                V1PodSpec A() => {|#1:Specs.Spec({|#0:"ghcr.io/acme/api:1.0"|})|};
                V1PodSpec B() => Specs.Named("ghcr.io/acme/api:1.0");
                V1PodSpec C() => Specs.Positional("ghcr.io/acme/api:1.0");
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.private_registries = ghcr.io/acme\nk8s_manifests.external_pull_secrets = acme-registry\n"));
        test.TestState.ExpectedDiagnostics.Add(SecretVerify.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("ghcr.io/acme/api:1.0", "ghcr.io/acme", string.Empty));
        await test.RunAsync();
    }
}
