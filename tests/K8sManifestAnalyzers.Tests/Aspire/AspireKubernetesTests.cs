using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyEnv = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.EnvironmentAnalyzer>;
using VerifyConfig = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer, K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;
using VerifyImage = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer, K8sManifestAnalyzers.CodeFixes.RepairImageReferenceCodeFix>;
using VerifyPolicy = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer, K8sManifestAnalyzers.CodeFixes.SetPullPolicyCodeFix>;
using VerifySecrets = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer, K8sManifestAnalyzers.CodeFixes.RenamePullSecretCodeFix>;

namespace K8sManifestAnalyzers.Tests.Aspire;

/// <summary>
/// Aspire.Hosting.Kubernetes' model through the KubernetesClient rules: <c>KubernetesEnvironmentResource.DefaultImagePullPolicy</c>,
/// and the <c>ContainerV1</c>, <c>PodSpecV1</c>, <c>LocalObjectReferenceV1</c>, <c>Secret</c> and <c>ConfigMap</c> objects an
/// app host writes in <c>PublishAsKubernetesService</c> callbacks and <c>AdditionalResources</c>. Compiled against
/// <see cref="AspireKubernetesStubs"/> beside Aspire.Hosting 13.6.5.
/// </summary>
public sealed class AspireKubernetesTests
{
    private static Task Run(CodeFixTest<DefaultVerifier> test, string source, string? fixedSource, string? editorconfig, params DiagnosticResult[] expected)
    {
        test.ReferenceAssemblies = KubernetesReferences.AspireHosting;
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(AspireKubernetesStubs.Source);
        if (fixedSource is not null)
        {
            // What is expected after the fix is said here: nothing, unless a test adds it.
            test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
            test.FixedState.Sources.Add(fixedSource);
            test.FixedState.Sources.Add(AspireKubernetesStubs.Source);
        }

        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorconfig));
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorconfig));
        }

        test.TestState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // Pull policy (KMA001, KMA002, KMA003).

    [Fact]
    public Task MisspeltDefaultImagePullPolicy_IsReported_AndFixed() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddKubernetesEnvironment("k8s").WithProperties(env => env.DefaultImagePullPolicy = {|#0:"ifnotpresent"|});
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddKubernetesEnvironment("k8s").WithProperties(env => env.DefaultImagePullPolicy = "IfNotPresent");
            }
            """,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA002_AspireInvalidDefaultPullPolicy).WithLocation(0).WithArguments("ifnotpresent", " (did you mean 'IfNotPresent'?)"));

    [Fact]
    public Task DefaultImagePullPolicyThroughAConstant_IsReportedWhereItIsWritten() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                const string Policy = {|#1:"Allways"|};

                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddKubernetesEnvironment("k8s").WithProperties(env =>
                    {
                        env.DefaultImagePullPolicy = {|#0:Policy|};
                        env.DefaultServiceType = "ClusterIP";
                    });
                }
            }
            """,
            null,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA002_AspireInvalidDefaultPullPolicyFrom).WithLocation(0).WithLocation(1).WithArguments("Allways", " (did you mean 'Always'?)", "the value of AppHost.Policy"));

    [Fact]
    public Task ValidDefaultImagePullPolicy_IsSilent() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddKubernetesEnvironment("k8s").WithProperties(env => env.DefaultImagePullPolicy = "Always");
            }
            """,
            null,
            null);

    [Fact]
    public Task MisspeltContainerV1Policy_InAPublishCallback_IsReported_AndFixed() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = "envoyproxy/envoy:v1.31.2", ImagePullPolicy = {|#0:"always"|} }));
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = "envoyproxy/envoy:v1.31.2", ImagePullPolicy = "Always" }));
            }
            """,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA002_InvalidPullPolicy).WithLocation(0).WithArguments("always", " (did you mean 'Always'?)"));

    [Fact]
    public Task MutableImageWithAspiresDefaultPolicy_IsReportedOnTheImage_NeverAsMissing() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        var spec = service.Workload!.PodTemplate.Spec;
                        spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = {|#0:"envoyproxy/envoy:latest"|} });
                        spec.InitContainers.Add(new ContainerV1 { Name = "migrate", Image = {|#1:"ghcr.io/acme/migrate"|} });
                        spec.Containers.Add(new ContainerV1 { Name = "pinned", Image = "ghcr.io/acme/agent:2.0" });
                    });
            }
            """,
            null,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireDefaultPolicyWithMutableImage).WithLocation(0).WithArguments("envoyproxy/envoy:latest", "tag 'latest'"),
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireDefaultPolicyWithMutableImage).WithLocation(1).WithArguments("ghcr.io/acme/migrate", "no tag or digest, so 'latest'"));

    [Fact]
    public Task MutableImageWithAspiresDefaultPolicy_InAdditionalResources_IsReported() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.AdditionalResources.Add(new Pod
                        {
                            Metadata = new ObjectMetaV1 { Name = "debug" },
                            Spec = { Containers = { new ContainerV1 { Name = "tools", Image = {|#0:"busybox:latest"|} } } },
                        });
                    });
            }
            """,
            null,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireDefaultPolicyWithMutableImage).WithLocation(0).WithArguments("busybox:latest", "tag 'latest'"));

    [Fact]
    public Task MutableImageWithAlwaysWrittenLater_IsSilent() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        var proxy = new ContainerV1 { Name = "proxy", Image = "envoyproxy/envoy:latest", ImagePullPolicy = "Always" };
                        var tools = new ContainerV1 { Name = "tools", Image = "busybox:latest" };
                        tools.ImagePullPolicy = "Always";
                        service.Workload!.PodTemplate.Spec.Containers.Add(proxy);
                        service.Workload!.PodTemplate.Spec.Containers.Add(tools);
                    });
            }
            """,
            null,
            null);

    [Fact]
    public Task MutableImageWithIfNotPresentWritten_IsReportedOnThePolicy_AndFixed() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = "envoyproxy/envoy:latest", ImagePullPolicy = {|#0:"IfNotPresent"|} }));
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = "envoyproxy/envoy:latest", ImagePullPolicy = "Always" }));
            }
            """,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA003_StalePolicyForMutableImage).WithLocation(0).WithArguments("envoyproxy/envoy:latest", "tag 'latest'"));

    // KMA003: the environment's DefaultImagePullPolicy with the images of AddContainer.

    [Fact]
    public Task MutableAddContainerImage_WithTheEnvironmentsDefaultPolicy_IsReportedWhereTheTagIsDecided() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddKubernetesEnvironment("k8s");
                    builder.AddContainer("seq", {|#0:"datalust/seq"|});
                    builder.AddContainer("cache", "redis", {|#1:"latest"|});
                    builder.AddContainer("db", "postgres", "16.4");
                }
            }
            """,
            null,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireEnvironmentDefaultWithMutableImage).WithLocation(0).WithArguments("datalust/seq:latest", "AddContainer", "tag 'latest'"),
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireEnvironmentDefaultWithMutableImage).WithLocation(1).WithArguments("redis:latest", "AddContainer", "tag 'latest'"));

    [Fact]
    public Task MutableAddContainerImage_WithIfNotPresentWrittenAsTheDefault_PointsAtTheWrite() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddKubernetesEnvironment("k8s").Resource.DefaultImagePullPolicy = {|#1:"IfNotPresent"|};
                    builder.AddContainer("cache", "redis").WithImageTag({|#0:"latest"|});
                }
            }
            """,
            null,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireEnvironmentPolicyWithMutableImage).WithLocation(0).WithLocation(1).WithArguments("redis:latest", "AddContainer and WithImageTag", "tag 'latest'"));

    [Fact]
    public Task IfNotPresentWrittenAsTheDefault_IsFixedToAlwaysWhereItIsWritten() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddKubernetesEnvironment("k8s").Resource.DefaultImagePullPolicy = {|#1:"IfNotPresent"|};
                    builder.AddContainer("cache", "redis").WithImageTag({|#0:"latest"|});
                }
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddKubernetesEnvironment("k8s").Resource.DefaultImagePullPolicy = "Always";
                    builder.AddContainer("cache", "redis").WithImageTag("latest");
                }
            }
            """,
            null,
            VerifyPolicy.Diagnostic(Descriptors.KMA003_AspireEnvironmentPolicyWithMutableImage).WithLocation(0).WithLocation(1).WithArguments("redis:latest", "AddContainer and WithImageTag", "tag 'latest'"));

    [Fact]
    public Task MutableAddContainerImage_WithAlwaysAsTheDefault_OrNoKubernetesEnvironment_IsSilent() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder)
                {
                    builder.AddKubernetesEnvironment("k8s").Resource.DefaultImagePullPolicy = "Always";
                    builder.AddContainer("cache", "redis", "latest");
                }

                static void Local(IDistributedApplicationBuilder builder) => builder.AddContainer("seq", "datalust/seq");
            }
            """,
            null,
            null);

    [Fact]
    public Task EnvironmentHandedToTheProjectsOwnCode_IsNotJudged() =>
        Run(
            new VerifyPolicy.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.ApplicationModel;
            using Aspire.Hosting.Kubernetes;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder)
                {
                    Tune(builder.AddKubernetesEnvironment("k8s"));
                    builder.AddContainer("cache", "redis", "latest");
                }

                static void Tune(IResourceBuilder<KubernetesEnvironmentResource> environment) => environment.Resource.DefaultImagePullPolicy = "Always";
            }
            """,
            null,
            null);

    // Image rules (KMA004, KMA005).

    [Fact]
    public Task ContainerV1Image_GetsTheImageRules() =>
        Run(
            new VerifyImage.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = {|#0:"envoyproxy/envoy:latest"|}, ImagePullPolicy = "Always" });
                        service.AdditionalResources.Add(new Pod { Spec = { InitContainers = { new ContainerV1 { Name = "wait", Image = "busybox:1.36.1" } } } });
                    });
            }
            """,
            null,
            null,
            VerifyImage.Diagnostic(Descriptors.KMA005_MutableImageTag).WithLocation(0).WithArguments("envoyproxy/envoy:latest", "uses the tag 'latest'"));

    [Fact]
    public Task InvalidContainerV1Image_IsReported_AndRepaired() =>
        Run(
            new VerifyImage.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "agent", Image = {|#0:"https://ghcr.io/acme/agent:2.0"|} });
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = {|#1:"https://ghcr.io/acme/proxy:1.0"|} });
                    });
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "agent", Image = "ghcr.io/acme/agent:2.0" });
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = "ghcr.io/acme/proxy:1.0" });
                    });
            }
            """,
            null,
            VerifyImage.Diagnostic("KMA004").WithLocation(0).WithArguments("https://ghcr.io/acme/agent:2.0", "'https://' is a URL scheme, and an image reference has none (write the registry host first)"),
            VerifyImage.Diagnostic("KMA004").WithLocation(1).WithArguments("https://ghcr.io/acme/proxy:1.0", "'https://' is a URL scheme, and an image reference has none (write the registry host first)"));

    // Pull secrets (KMA101).

    [Fact]
    public Task PullSecretDefinedNowhere_IsReported() =>
        Run(
            new VerifySecrets.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload?.PodTemplate.Spec.ImagePullSecrets.Add(new LocalObjectReferenceV1 { Name = {|#0:"ghcr-creds"|} }));
            }
            """,
            null,
            null,
            VerifySecrets.Diagnostic("KMA101").WithLocation(0).WithArguments("ghcr-creds", "", ""));

    [Fact]
    public Task ExternalPullSecret_IsSilent() =>
        Run(
            new VerifySecrets.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload?.PodTemplate.Spec.ImagePullSecrets.Add(new LocalObjectReferenceV1 { Name = "ghcr-creds" }));
            }
            """,
            null,
            "k8s_manifests.external_pull_secrets = ghcr-creds\n");

    [Fact]
    public Task MisspeltPullSecret_DefinedInAdditionalResources_IsRenamed() =>
        Run(
            new VerifySecrets.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck },
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.AdditionalResources.Add(new Secret
                        {
                            Metadata = new ObjectMetaV1 { Name = {|#1:"ghcr-creds"|} },
                            Type = "kubernetes.io/dockerconfigjson",
                            Data = { [".dockerconfigjson"] = "e30=" },
                        });
                        var spec = service.Workload!.PodTemplate.Spec;
                        spec.ImagePullSecrets.Add(new LocalObjectReferenceV1 { Name = {|#0:"ghcr-cred"|} });
                    });
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.AdditionalResources.Add(new Secret
                        {
                            Metadata = new ObjectMetaV1 { Name = "ghcr-creds" },
                            Type = "kubernetes.io/dockerconfigjson",
                            Data = { [".dockerconfigjson"] = "e30=" },
                        });
                        var spec = service.Workload!.PodTemplate.Spec;
                        spec.ImagePullSecrets.Add(new LocalObjectReferenceV1 { Name = "ghcr-creds" });
                    });
            }
            """,
            null,
            VerifySecrets.Diagnostic("KMA101").WithLocation(0).WithArguments("ghcr-cred", "", " (did you mean 'ghcr-creds'?)"),

            // Until the reference is fixed, nothing uses the Secret.
            VerifySecrets.Diagnostic("KMA102").WithLocation(1).WithArguments("ghcr-creds"));

    // Secret and ConfigMap references (KMA111, KMA114).

    [Fact]
    public Task SecretAndConfigMapReferences_DefinedNowhere_AreReported() =>
        Run(
            new VerifyConfig.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        // The app host manages Secrets and ConfigMaps in code: one it does not define is an error.
                        service.AdditionalResources.Add(new Secret { Metadata = new ObjectMetaV1 { Name = "tls-bundle" }, StringData = { ["tls.crt"] = "…" } });
                        service.AdditionalResources.Add(new ConfigMap { Metadata = new ObjectMetaV1 { Name = "features" }, Data = { ["beta"] = "on" } });
                        var spec = service.Workload!.PodTemplate.Spec;
                        spec.Volumes.Add(new VolumeV1 { Name = "tls", Secret = new SecretVolumeSourceV1 { SecretName = "tls-bundle" } });
                        var worker = new ContainerV1 { Name = "worker", Image = "ghcr.io/acme/worker:1.4", ImagePullPolicy = "Always" };
                        worker.EnvFrom.Add(new EnvFromSourceV1 { ConfigMapRef = new ConfigMapEnvSourceV1 { Name = "features" } });
                        worker.Env.Add(new EnvVarV1 { Name = "DB_PASSWORD", ValueFrom = new EnvVarSourceV1 { SecretKeyRef = new SecretKeySelectorV1 { Name = {|#0:"db"|}, Key = "password" } } });
                        worker.Env.Add(new EnvVarV1 { Name = "REGION", ValueFrom = new EnvVarSourceV1 { ConfigMapKeyRef = new ConfigMapKeySelectorV1 { Name = {|#1:"settings"|}, Key = "region" } } });
                        spec.Containers.Add(worker);
                    });
            }
            """,
            null,
            null,
            VerifyConfig.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("db", "any namespace"),
            VerifyConfig.Diagnostic(Descriptors.KMA114_UndefinedConfigMap).WithLocation(1).WithArguments("settings", "any namespace"));

    [Fact]
    public Task SecretAndConfigMapReferences_DefinedInAdditionalResourcesOrTheResourcesConfigMap_AreSilent() =>
        Run(
            new VerifyConfig.Test(),
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.AdditionalResources.Add(new Secret { Metadata = new ObjectMetaV1 { Name = "db" }, StringData = { ["password"] = "from-vault" } });
                        service.ConfigMap = new ConfigMap { Metadata = new ObjectMetaV1 { Name = "settings" }, Data = { ["region"] = "eu-west-1" } };
                        var worker = new ContainerV1 { Name = "worker", Image = "ghcr.io/acme/worker:1.4", ImagePullPolicy = "Always" };
                        worker.Env.Add(new EnvVarV1 { Name = "DB_PASSWORD", ValueFrom = new EnvVarSourceV1 { SecretKeyRef = new SecretKeySelectorV1 { Name = "db", Key = "password" } } });
                        worker.Env.Add(new EnvVarV1 { Name = "REGION", ValueFrom = new EnvVarSourceV1 { ConfigMapKeyRef = new ConfigMapKeySelectorV1 { Name = "settings", Key = "region" } } });
                        service.Workload!.PodTemplate.Spec.Containers.Add(worker);
                    });
            }
            """,
            null,
            null);

    [Fact]
    public Task MisspeltSecretReference_IsRenamedToTheDefinedSecret() =>
        Run(
            new VerifyConfig.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck },
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.AdditionalResources.Add(new Secret { Metadata = new ObjectMetaV1 { Name = "db-credentials" }, StringData = { ["password"] = "from-vault" } });
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1
                        {
                            Name = "worker",
                            Image = "ghcr.io/acme/worker:1.4",
                            ImagePullPolicy = "Always",
                            Env = { new EnvVarV1 { Name = "DB_PASSWORD", ValueFrom = new EnvVarSourceV1 { SecretKeyRef = new SecretKeySelectorV1 { Name = {|#0:"db-credential"|}, Key = "password" } } } },
                        });
                    });
            }
            """,
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.AdditionalResources.Add(new Secret { Metadata = new ObjectMetaV1 { Name = "db-credentials" }, StringData = { ["password"] = "from-vault" } });
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1
                        {
                            Name = "worker",
                            Image = "ghcr.io/acme/worker:1.4",
                            ImagePullPolicy = "Always",
                            Env = { new EnvVarV1 { Name = "DB_PASSWORD", ValueFrom = new EnvVarSourceV1 { SecretKeyRef = new SecretKeySelectorV1 { Name = "db-credentials", Key = "password" } } } },
                        });
                    });
            }
            """,
            null,
            VerifyConfig.Diagnostic(Descriptors.KMA111_UndefinedSecretClosest).WithLocation(0).WithArguments("db-credential", "any namespace", "db-credentials"));

    // Env vars (KMA117, KMA119).

    [Fact]
    public async Task EnvVarV1_GetsTheEnvRules()
    {
        var test = new VerifyEnv.Test { ReferenceAssemblies = KubernetesReferences.AspireHosting };
        test.TestState.Sources.Add("""
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1
                        {
                            Name = "worker",
                            Image = "ghcr.io/acme/worker:1.4",
                            Env =
                            {
                                new EnvVarV1 { Name = "DB_PASSWORD", Value = {|#0:"hunter2-very-secret"|} },
                                {|#2:new EnvVarV1 { Name = {|#1:"REGION"|}, Value = "eu-west-1" }|},
                                new EnvVarV1 { Name = "REGION", Value = "eu-north-1" },
                            },
                        }));
            }
            """);
        test.TestState.Sources.Add(AspireKubernetesStubs.Source);
        test.ExpectedDiagnostics.Add(VerifyEnv.Diagnostic("KMA117").WithLocation(0).WithArguments("DB_PASSWORD"));
        test.ExpectedDiagnostics.Add(VerifyEnv.Diagnostic("KMA119").WithLocation(1).WithLocation(2).WithArguments("REGION", "17"));
        await test.RunAsync();
    }

    // Absent or half-typed.

    [Fact]
    public Task HalfTypedAspireObjects_DoNotThrow() =>
        Run(
            new VerifyPolicy.Test { CompilerDiagnostics = CompilerDiagnostics.None },
            """
            using Aspire.Hosting;
            using Aspire.Hosting.Kubernetes;
            using Aspire.Hosting.Kubernetes.Resources;

            static class AppHost
            {
                static void Build(IDistributedApplicationBuilder builder) =>
                    builder.AddContainer("api", "ghcr.io/acme/api:1.4").PublishAsKubernetesService(service =>
                    {
                        service.Workload!.PodTemplate.Spec.Containers.Add(new ContainerV1 { Name = "proxy", Image = });
                        service.Workload!.PodTemplate.Spec.ImagePullSecrets.Add(new LocalObjectReferenceV1 { Nme = "x" });
                        service.AdditionalResources.Add(new Secrte { });
                    });
            }
            """,
            null,
            null);
}
