namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// The public surface of Aspire.Hosting.Kubernetes that the analyzers read, compiled from source beside Aspire.Hosting
/// 13.6.5 (the package is prerelease only and not on our feed). Written from microsoft/aspire's public API listing
/// <c>src/Aspire.Hosting.Kubernetes/api/Aspire.Hosting.Kubernetes.cs</c> at commit
/// 015c759b70e5d3b40f475b7ae2c750fdd8a8ce21 (names, namespaces, property types, get-only lists and dictionaries), with
/// the defaults of the sources at 59d405ff5a491bb191b1af881f2f657465521b3f: <c>ContainerV1.ImagePullPolicy</c> and
/// <c>EphemeralContainerV1.ImagePullPolicy</c> initialised to "IfNotPresent" (<c>Resources/ContainerV1.cs</c>),
/// <c>KubernetesEnvironmentResource.DefaultImagePullPolicy</c> to "IfNotPresent" (<c>KubernetesEnvironmentResource.cs</c>).
/// Only the members the tests use; YAML attributes, other members and the method bodies are left out.
/// </summary>
internal static class AspireKubernetesStubs
{
    public const string Source = """
        #nullable enable
        namespace Aspire.Hosting.Kubernetes.Resources
        {
            using System.Collections.Generic;

            public abstract class BaseKubernetesObject
            {
                protected BaseKubernetesObject(string? apiVersion = null, string? kind = null) { ApiVersion = apiVersion; Kind = kind; }
                public string? ApiVersion { get; set; }
                public string? Kind { get; set; }
            }

            public abstract class BaseKubernetesResource : BaseKubernetesObject
            {
                protected BaseKubernetesResource(string apiVersion, string kind) : base(apiVersion, kind) { }
                public ObjectMetaV1 Metadata { get; set; } = new();
            }

            public sealed class ObjectMetaV1
            {
                public Dictionary<string, string> Annotations { get; } = new();
                public Dictionary<string, string> Labels { get; set; } = new();
                public string Name { get; set; } = null!;
                public string Namespace { get; set; } = null!;
            }

            public sealed class LocalObjectReferenceV1
            {
                public string Name { get; set; } = null!;
            }

            public sealed class SecretKeySelectorV1
            {
                public string Key { get; set; } = null!;
                public string Name { get; set; } = null!;
                public bool? Optional { get; set; }
            }

            public sealed class ConfigMapKeySelectorV1
            {
                public string Key { get; set; } = null!;
                public string Name { get; set; } = null!;
                public bool? Optional { get; set; }
            }

            public sealed class SecretEnvSourceV1
            {
                public string Name { get; set; } = null!;
                public bool? Optional { get; set; }
            }

            public sealed class ConfigMapEnvSourceV1
            {
                public string Name { get; set; } = null!;
                public bool? Optional { get; set; }
            }

            public sealed class EnvVarSourceV1
            {
                public ConfigMapKeySelectorV1? ConfigMapKeyRef { get; set; }
                public SecretKeySelectorV1? SecretKeyRef { get; set; }
            }

            public sealed class EnvVarV1
            {
                public string Name { get; set; } = null!;
                public string Value { get; set; } = null!;
                public EnvVarSourceV1? ValueFrom { get; set; }
            }

            public sealed class EnvFromSourceV1
            {
                public ConfigMapEnvSourceV1? ConfigMapRef { get; set; }
                public string? Prefix { get; set; }
                public SecretEnvSourceV1? SecretRef { get; set; }
            }

            public sealed class ContainerV1
            {
                public List<EnvVarV1> Env { get; } = new();
                public List<EnvFromSourceV1> EnvFrom { get; } = new();
                public string Image { get; set; } = null!;
                public string ImagePullPolicy { get; set; } = "IfNotPresent";
                public string Name { get; set; } = null!;
            }

            public sealed class EphemeralContainerV1
            {
                public string Image { get; set; } = null!;
                public string ImagePullPolicy { get; set; } = "IfNotPresent";
                public string Name { get; set; } = null!;
            }

            public sealed class SecretVolumeSourceV1
            {
                public bool? Optional { get; set; }
                public string SecretName { get; set; } = null!;
            }

            public sealed class ConfigMapVolumeSourceV1
            {
                public string Name { get; set; } = null!;
                public bool? Optional { get; set; }
            }

            public sealed class VolumeV1
            {
                public ConfigMapVolumeSourceV1? ConfigMap { get; set; }
                public string Name { get; set; } = null!;
                public SecretVolumeSourceV1? Secret { get; set; }
            }

            public sealed class PodSpecV1
            {
                public List<ContainerV1> Containers { get; } = new();
                public List<EphemeralContainerV1> EphemeralContainers { get; } = new();
                public List<LocalObjectReferenceV1> ImagePullSecrets { get; } = new();
                public List<ContainerV1> InitContainers { get; } = new();
                public string? ServiceAccountName { get; set; }
                public List<VolumeV1> Volumes { get; } = new();
            }

            public sealed class PodTemplateSpecV1
            {
                public ObjectMetaV1 Metadata { get; set; } = new();
                public PodSpecV1 Spec { get; set; } = new();
            }

            public abstract class Workload : BaseKubernetesResource
            {
                protected Workload(string apiVersion, string kind) : base(apiVersion, kind) { }
                public abstract PodTemplateSpecV1 PodTemplate { get; }
            }

            public sealed class DeploymentSpecV1
            {
                public int? Replicas { get; set; }
                public PodTemplateSpecV1 Template { get; set; } = new();
            }

            public sealed class Deployment : Workload
            {
                public Deployment() : base("apps/v1", "Deployment") { }
                public override PodTemplateSpecV1 PodTemplate => Spec.Template;
                public DeploymentSpecV1 Spec { get; set; } = new();
            }

            public sealed class Pod : BaseKubernetesResource
            {
                public Pod() : base("v1", "Pod") { }
                public PodSpecV1 Spec { get; set; } = new();
            }

            public sealed class Secret : BaseKubernetesResource
            {
                public Secret() : base("v1", "Secret") { }
                public Dictionary<string, string> Data { get; } = new();
                public bool? Immutable { get; set; }
                public Dictionary<string, string> StringData { get; } = new();
                public string Type { get; set; } = null!;
            }

            public sealed class ConfigMap : BaseKubernetesResource
            {
                public ConfigMap() : base("v1", "ConfigMap") { }
                public Dictionary<string, string> BinaryData { get; } = new();
                public Dictionary<string, string> Data { get; } = new();
                public bool? Immutable { get; set; }
            }
        }

        namespace Aspire.Hosting.Kubernetes
        {
            using System.Collections.Generic;
            using Aspire.Hosting.ApplicationModel;

            public sealed class KubernetesEnvironmentResource : Resource
            {
                public KubernetesEnvironmentResource(string name) : base(name) { }
                public string DefaultImagePullPolicy { get; set; } = "IfNotPresent";
                public string DefaultServiceType { get; set; } = "ClusterIP";
            }

            public class KubernetesResource : Resource
            {
                public KubernetesResource(string name, IResource resource, KubernetesEnvironmentResource kubernetesEnvironmentResource) : base(name) { Parent = kubernetesEnvironmentResource; }
                public List<Resources.BaseKubernetesResource> AdditionalResources { get; } = new();
                public Resources.ConfigMap? ConfigMap { get; set; }
                public KubernetesEnvironmentResource Parent { get; }
                public Resources.Secret? Secret { get; set; }
                public Resources.Workload? Workload { get; set; }
            }
        }

        namespace Aspire.Hosting
        {
            using System;
            using Aspire.Hosting.ApplicationModel;
            using Aspire.Hosting.Kubernetes;

            public static class KubernetesEnvironmentExtensions
            {
                public static IResourceBuilder<KubernetesEnvironmentResource> AddKubernetesEnvironment(this IDistributedApplicationBuilder builder, string name) => throw null!;
                public static IResourceBuilder<KubernetesEnvironmentResource> WithProperties(this IResourceBuilder<KubernetesEnvironmentResource> builder, Action<KubernetesEnvironmentResource> configure) => builder;
            }

            public static class KubernetesServiceExtensions
            {
                public static IResourceBuilder<T> PublishAsKubernetesService<T>(this IResourceBuilder<T> builder, Action<KubernetesResource> configure)
                    where T : IComputeResource => builder;
            }
        }
        """;
}
