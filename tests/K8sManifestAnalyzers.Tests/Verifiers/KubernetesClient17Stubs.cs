namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// The shape of KubernetesClient 17 and older, which is not served here: classes whose constructors take every
/// property as an optional parameter named after the JSON field, in alphabetical order of those names (so later
/// versions insert new parameters in the middle). Compiled from source in place of the package.
/// </summary>
internal static class KubernetesClient17Stubs
{
    public const string Source = """
        #nullable disable
        namespace k8s.Models
        {
            using System.Collections.Generic;

            public partial class V1EnvVar { public V1EnvVar() { } public V1EnvVar(string name, string value = null) { Name = name; Value = value; } public string Name { get; set; } public string Value { get; set; } }
            public partial class V1EnvFromSource { }
            public partial class V1Lifecycle { }
            public partial class V1Probe { }
            public partial class V1ContainerPort { public V1ContainerPort() { } public V1ContainerPort(int containerPort) { ContainerPort = containerPort; } public int ContainerPort { get; set; } }
            public partial class V1ResourceRequirements { }
            public partial class V1SecurityContext { }
            public partial class V1VolumeMount { }

            public partial class V1Container
            {
                public V1Container() { }

                public V1Container(string name, IList<string> args = null, IList<string> command = null, IList<V1EnvVar> env = null, IList<V1EnvFromSource> envFrom = null, string image = null, string imagePullPolicy = null, V1Lifecycle lifecycle = null, V1Probe livenessProbe = null, IList<V1ContainerPort> ports = null, V1Probe readinessProbe = null, V1ResourceRequirements resources = null, V1SecurityContext securityContext = null, V1Probe startupProbe = null, bool? stdin = null, bool? stdinOnce = null, string terminationMessagePath = null, string terminationMessagePolicy = null, bool? tty = null, IList<V1VolumeMount> volumeMounts = null, string workingDir = null)
                {
                    Name = name; Args = args; Command = command; Env = env; EnvFrom = envFrom; Image = image; ImagePullPolicy = imagePullPolicy; WorkingDir = workingDir;
                }

                public IList<string> Args { get; set; }
                public IList<string> Command { get; set; }
                public IList<V1EnvVar> Env { get; set; }
                public IList<V1EnvFromSource> EnvFrom { get; set; }
                public string Image { get; set; }
                public string ImagePullPolicy { get; set; }
                public string Name { get; set; }
                public string WorkingDir { get; set; }
            }

            public partial class V1EphemeralContainer
            {
                public V1EphemeralContainer() { }

                public V1EphemeralContainer(string name, IList<string> args = null, IList<string> command = null, IList<V1EnvVar> env = null, IList<V1EnvFromSource> envFrom = null, string image = null, string imagePullPolicy = null, string targetContainerName = null, string workingDir = null)
                {
                    Name = name; Image = image; ImagePullPolicy = imagePullPolicy; TargetContainerName = targetContainerName;
                }

                public string Image { get; set; }
                public string ImagePullPolicy { get; set; }
                public string Name { get; set; }
                public string TargetContainerName { get; set; }
            }

            public partial class V1LocalObjectReference
            {
                public V1LocalObjectReference() { }
                public V1LocalObjectReference(string name = null) { Name = name; }
                public string Name { get; set; }
            }

            public partial class V1ObjectMeta
            {
                public V1ObjectMeta() { }
                public V1ObjectMeta(IDictionary<string, string> annotations = null, IDictionary<string, string> labels = null, string name = null, string namespaceProperty = null)
                {
                    Annotations = annotations; Labels = labels; Name = name; NamespaceProperty = namespaceProperty;
                }

                public IDictionary<string, string> Annotations { get; set; }
                public IDictionary<string, string> Labels { get; set; }
                public string Name { get; set; }
                public string NamespaceProperty { get; set; }
            }

            public partial class V1PodSpec
            {
                public V1PodSpec() { }
                public V1PodSpec(IList<V1Container> containers, IList<V1EphemeralContainer> ephemeralContainers = null, IList<V1LocalObjectReference> imagePullSecrets = null, IList<V1Container> initContainers = null, string serviceAccountName = null)
                {
                    Containers = containers; EphemeralContainers = ephemeralContainers; ImagePullSecrets = imagePullSecrets; InitContainers = initContainers; ServiceAccountName = serviceAccountName;
                }

                public IList<V1Container> Containers { get; set; }
                public IList<V1EphemeralContainer> EphemeralContainers { get; set; }
                public IList<V1LocalObjectReference> ImagePullSecrets { get; set; }
                public IList<V1Container> InitContainers { get; set; }
                public string ServiceAccountName { get; set; }
            }

            public partial class V1Pod
            {
                public V1Pod() { }
                public V1Pod(string apiVersion = null, string kind = null, V1ObjectMeta metadata = null, V1PodSpec spec = null)
                {
                    ApiVersion = apiVersion; Kind = kind; Metadata = metadata; Spec = spec;
                }

                public string ApiVersion { get; set; }
                public string Kind { get; set; }
                public V1ObjectMeta Metadata { get; set; }
                public V1PodSpec Spec { get; set; }
            }

            public partial class V1ServiceAccount
            {
                public V1ServiceAccount() { }
                public V1ServiceAccount(string apiVersion = null, bool? automountServiceAccountToken = null, IList<V1LocalObjectReference> imagePullSecrets = null, string kind = null, V1ObjectMeta metadata = null)
                {
                    ApiVersion = apiVersion; AutomountServiceAccountToken = automountServiceAccountToken; ImagePullSecrets = imagePullSecrets; Kind = kind; Metadata = metadata;
                }

                public string ApiVersion { get; set; }
                public bool? AutomountServiceAccountToken { get; set; }
                public IList<V1LocalObjectReference> ImagePullSecrets { get; set; }
                public string Kind { get; set; }
                public V1ObjectMeta Metadata { get; set; }
            }

            public partial class V1Secret
            {
                public V1Secret() { }
                public V1Secret(string apiVersion = null, IDictionary<string, byte[]> data = null, bool? immutable = null, string kind = null, V1ObjectMeta metadata = null, IDictionary<string, string> stringData = null, string type = null)
                {
                    ApiVersion = apiVersion; Data = data; Immutable = immutable; Kind = kind; Metadata = metadata; StringData = stringData; Type = type;
                }

                public string ApiVersion { get; set; }
                public IDictionary<string, byte[]> Data { get; set; }
                public bool? Immutable { get; set; }
                public string Kind { get; set; }
                public V1ObjectMeta Metadata { get; set; }
                public IDictionary<string, string> StringData { get; set; }
                public string Type { get; set; }
            }
        }
        """;
}
