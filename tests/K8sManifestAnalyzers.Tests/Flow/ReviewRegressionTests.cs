using System.Threading.Tasks;
using Xunit;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using ListVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullSecretListAnalyzer>;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;
using SecretVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Shapes real operators write where the flow analysis must stay silent (or not crash), found by a review of it.
/// </summary>
public sealed class ReviewRegressionTests
{
    [Fact]
    public Task PolicyShapesThatAreNotBugs_AreSilent() =>
        PolicyVerify.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using System.Linq;
            using k8s.Models;

            class Node : Dictionary<string, Node> { }

            static class Defaults
            {
                public static void Apply(V1Container c)
                {
                    if (string.IsNullOrEmpty(c.ImagePullPolicy))
                    {
                        c.ImagePullPolicy = "IfNotPresent";
                    }
                }

                public static void Log(Node node)
                {
                }
            }

            class Manifests
            {
                V1Container Guarded()
                {
                    var c = new V1Container { Name = "a", Image = "busybox:1.36" };
                    if (c.ImagePullPolicy == null)
                    {
                        c.ImagePullPolicy = "IfNotPresent";
                    }

                    return c;
                }

                V1Container ByHelper()
                {
                    var c = new V1Container { Name = "a", Image = "busybox:1.36" };
                    Defaults.Apply(c);
                    Defaults.Log(new Node());
                    return c;
                }

                void Dropped(bool enabled, List<V1Container> into)
                {
                    var c = new V1Container { Name = "a", Image = "busybox:1.36" };
                    if (!enabled)
                    {
                        return;
                    }

                    c.ImagePullPolicy = "IfNotPresent";
                    into.Add(c);
                }

                V1Container GetOrCreate(V1PodSpec spec)
                {
                    var c = spec.Containers.FirstOrDefault(x => x.Name == "app") ?? new V1Container { Name = "app" };
                    c.Image = "busybox:1.36";
                    c.ImagePullPolicy = "Always";
                    return c;
                }

                V1PodSpec Filtered()
                {
                    var spec = new V1PodSpec { Containers = [new() { Name = "proxy", Image = "envoy:1" }, new() { Name = "app", Image = "app:1" }] };
                    foreach (var c in spec.Containers.Where(x => x.Name != "proxy"))
                    {
                        c.ImagePullPolicy = "Always";
                    }

                    return spec;
                }

                V1PodSpec ForEach()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "app", Image = "app:1" } } };
                    ((List<V1Container>)spec.Containers).ForEach(c => c.ImagePullPolicy = "Always");
                    return spec;
                }

                V1Container OutVariable(Dictionary<string, string> settings)
                {
                    if (!settings.TryGetValue("policy", out var policy))
                    {
                        policy = "IfNotPresent";
                    }

                    return new V1Container { Name = "a", Image = "busybox:latest", ImagePullPolicy = policy };
                }
            }
            """);

    [Fact]
    public Task PlaceholderDefaultsAndVirtualMembers_AreNotFolded() =>
        ImageVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            public class Options
            {
                public string Registry { get; set; } = string.Empty;
                public string Repository { get; set; } = null!;
                public string Tag { get; set; } = "";
                public virtual string Image => "busybox";
            }

            class Manifests
            {
                V1Container A(Options o) => new V1Container { Image = $"{o.Registry}/{o.Repository}:{o.Tag}", ImagePullPolicy = "Always" };
                V1Container B(Options o) => new V1Container { Image = string.IsNullOrEmpty(o.Registry) ? "nginx:1.25" : $"{o.Registry}/nginx:1.25", ImagePullPolicy = "Always" };
                V1Container C(Options o) => new V1Container { Image = o.Image, ImagePullPolicy = "Always" };
            }
            """);

    [Fact]
    public Task KeysFilledElsewhere_AreNotJudged() =>
        SecretVerify.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Objects
            {
                static readonly Dictionary<string, string> Common = new() { ["a"] = "1" };

                public static V1Secret Token() => new() { Metadata = new() { Name = "builder-token" }, Type = "kubernetes.io/service-account-token" };
                public static V1Secret Injected() => new() { Metadata = new() { Name = "injected" }, Type = "Opaque" };
                public static V1Secret Copied() => new() { Metadata = new() { Name = "copied" }, StringData = new Dictionary<string, string>(Common) { ["b"] = "2" } };

                public static V1PodSpec Spec() => new()
                {
                    Containers =
                    [
                        new()
                        {
                            Name = "a", Image = "a:1", ImagePullPolicy = "IfNotPresent",
                            Env =
                            [
                                new() { Name = "T", ValueFrom = new() { SecretKeyRef = new() { Name = "builder-token", Key = "token" } } },
                                new() { Name = "I", ValueFrom = new() { SecretKeyRef = new() { Name = "injected", Key = "ca.crt" } } },
                                new() { Name = "C", ValueFrom = new() { SecretKeyRef = new() { Name = "copied", Key = "a" } } },
                            ],
                        },
                    ],
                };
            }
            """);

    [Fact]
    public async Task SpecInALocalHandedToAHelper_MayGetPullSecretsThere()
    {
        var test = new SecretVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Build(System.Action<V1PodSpec> addRegistryCredentials)
                {
                    var spec = new V1PodSpec { Containers = [new() { Image = "registry.example.com/shop/api:1", ImagePullPolicy = "IfNotPresent" }] };
                    addRegistryCredentials(spec);
                    return spec;
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.example.com\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task AddsInDifferentBranches_AreNotDuplicates() =>
        ListVerify.VerifyAnalyzerAsync(
            """
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Build(string kind, System.Func<V1PodSpec> next)
                {
                    var spec = new V1PodSpec { Containers = [], ImagePullSecrets = [] };
                    switch (kind)
                    {
                        case "a":
                            spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "regcred" });
                            break;
                        default:
                            spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "regcred" });
                            break;
                    }

                    var other = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = "ci" }] };
                    other = next();
                    other.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "ci" });
                    return spec;
                }
            }
            """);
}
