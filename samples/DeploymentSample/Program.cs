using System.Text;
using k8s;
using k8s.Models;
using K8sManifests;

// A Deployment written the way the analyzers want it: every image pinned, every pull policy explicit.
var labels = new Dictionary<string, string> { ["app"] = "shop-api" };

var deployment = new V1Deployment
{
    ApiVersion = "apps/v1",
    Kind = "Deployment",
    Metadata = new V1ObjectMeta { Name = "shop-api", NamespaceProperty = "shop" },
    Spec = new V1DeploymentSpec
    {
        Replicas = 2,
        Selector = new V1LabelSelector { MatchLabels = labels },
        Template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = labels },
            Spec = new V1PodSpec
            {
                InitContainers =
                [
                    new() { Name = "migrate", Image = Images.Api, Args = ["migrate"], ImagePullPolicy = "IfNotPresent" },
                ],
                Containers =
                [
                    new V1Container
                    {
                        Name = "api",
                        Image = Images.Api,
                        ImagePullPolicy = "IfNotPresent",
                        Ports = [new V1ContainerPort { ContainerPort = 8080 }],
                    },
                ],
                ImagePullSecrets = [new V1LocalObjectReference { Name = "shop-registry" }],
            },
        },
    },
};

// The pull secret the Deployment names. The credential is read at run time, never written in source (KMA105).
var registrySecret = new V1Secret
{
    ApiVersion = "v1",
    Kind = "Secret",
    Metadata = new V1ObjectMeta { Name = "shop-registry", NamespaceProperty = "shop" },
    Type = "kubernetes.io/dockerconfigjson",
    Data = new Dictionary<string, byte[]>
    {
        [".dockerconfigjson"] = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SHOP_REGISTRY_CONFIG") ?? "{\"auths\":{}}"),
    },
};

// A Job written with the typed builders the generator makes from [ContainerImage] (see ApiImage below):
// the reference is validated, the pull policy is always explicit, the pull secret comes along.
var migration = new V1Job
{
    ApiVersion = "batch/v1",
    Kind = "Job",
    Metadata = new V1ObjectMeta { Name = "shop-migrate", NamespaceProperty = "shop" },
    Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never" } } },
};
ApiImage.Tag("3.2.0").AddTo(migration.Spec.Template.Spec, "migrate").Args = ["migrate", "--to", "latest-schema"];

Console.WriteLine(KubernetesYaml.Serialize(deployment));
Console.WriteLine("---");
Console.WriteLine(KubernetesYaml.Serialize(migration));
Console.WriteLine("---");
Console.WriteLine(KubernetesYaml.Serialize(registrySecret));
Console.WriteLine("---");
Console.WriteLine(KubernetesYaml.Serialize(Mistakes.Worker()));

internal static class Images
{
    public const string Registry = "registry.example.com";

    // Constants are folded: the analyzers see "registry.example.com/shop/api:3.2.0".
    public const string Api = $"{Registry}/shop/api:3.2.0";
}

/// <summary>The shop API's repository, declared once; the generator adds Tag, Digest and TagAndDigest.</summary>
[ContainerImage(Images.Registry + "/shop/api", PullSecret = "shop-registry")]
internal static partial class ApiImage;
