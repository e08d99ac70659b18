using System.Threading.Tasks;
using Xunit;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Values held by records and values classes (issue 19): positional properties and their defaults, init properties,
/// computed properties, <c>with</c> copies of a <c>static readonly</c> profile, instances passed through locals,
/// parameters and factories. A value chosen at a call is reported there, naming the object it is read from.
/// </summary>
public sealed class RecordsAndWithTests
{
    private const string Profiles = """
        public sealed record ImageProfile(string Registry, string Repository, string Tag = "1.0", string PullPolicy = "IfNotPresent")
        {
            public string Image => $"{Registry}/{Repository}:{Tag}";
        }

        public sealed record Addon
        {
            public string Image { get; init; } = "ghcr.io/acme/addon:2.1";
            public string PullPolicy { get; init; } = "IfNotPresent";
        }

        public static class Profiles
        {
            public static readonly ImageProfile Default = new("ghcr.io", "acme/api");
            public static readonly ImageProfile Edge = Default with { Tag = "latest" };
            public static ImageProfile Pinned => new("ghcr.io", "acme/api", "2.3.1", "Always");
        }
        """;

    private const string Factories = """
        using k8s.Models;

        public static class Containers
        {
            public static V1Container From(ImageProfile p) => new() { Name = "api", Image = p.Image, ImagePullPolicy = p.PullPolicy };

            public static V1Container Joined(ImageProfile p) => new() { Name = "api", Image = $"{p.Registry}/{p.Repository}:{p.Tag}", ImagePullPolicy = p.PullPolicy };

            public static V1Container FromAddon(Addon addon) => new() { Name = "addon", Image = addon.Image, ImagePullPolicy = addon.PullPolicy };
        }
        """;

    [Fact]
    public async Task ProfilesPassedToFactories_AreReportedWhereTheyAreChosen()
    {
        const string source = """
            using k8s.Models;

            class Manifests
            {
                V1Container A() => Containers.From({|#0:Profiles.Default with { Tag = "latest" }|});
                V1Container B() => Containers.From({|#1:Profiles.Edge|});
                V1Container C() => Containers.Joined({|#2:new ImageProfile("ghcr.io", "acme/api", "latest")|});
                V1Container D() => Containers.FromAddon(new Addon { Image = {|#3:"ghcr.io/acme/addon"|} });

                // Pinned tags, or Always: nothing to report.
                V1Container E() => Containers.From(Profiles.Default);
                V1Container F() => Containers.From(Profiles.Pinned);
                V1Container G() => Containers.Joined(Profiles.Default with { Tag = "2.4.0" });
                V1Container H() => Containers.FromAddon(new Addon());
                V1Container I() => Containers.From({|#4:Profiles.Default with { Tag = "latest", PullPolicy = "Always" }|});
            }
            """;

        var images = new ImageVerify.Test();
        images.TestState.Sources.Add(Profiles);
        images.TestState.Sources.Add(Factories);
        images.TestState.Sources.Add(source);
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(0)
            .WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'", "passed to Containers.From, read from Profiles.Default with { Tag = \"latest\" }"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(1)
            .WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'", "passed to Containers.From, read from Profiles.Edge"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(2)
            .WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'", "passed to Containers.Joined, read from new ImageProfile(\"ghcr.io\", \"acme/api\", \"latest\")"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(3)
            .WithArguments("ghcr.io/acme/addon", "has no tag or digest, so it means 'latest'", "passed to Containers.FromAddon"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom).WithLocation(4)
            .WithArguments("ghcr.io/acme/api:latest", "uses the tag 'latest'", "passed to Containers.From, read from Profiles.Default with { Tag = \"latest\", PullPolicy = \"Alw..."));
        await images.RunAsync();

        var policies = new PolicyVerify.Test();
        policies.TestState.Sources.Add(Profiles);
        policies.TestState.Sources.Add(Factories);
        // KMA003 goes on the image the call passes when the policy is the factory's or the object's default.
        policies.TestState.Sources.Add(source.Replace("{|#4:", "").Replace("\"Always\" }|}", "\"Always\" }"));
        foreach (var (location, factory) in new[] { (0, "Containers.From"), (1, "Containers.From"), (2, "Containers.Joined"), (3, "Containers.FromAddon") })
        {
            policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(location)
                .WithArguments(location == 3 ? "ghcr.io/acme/addon" : "ghcr.io/acme/api:latest", location == 3 ? "no tag or digest, so 'latest'" : "tag 'latest'", "created by " + factory));
        }

        await policies.RunAsync();
    }

    [Fact]
    public async Task RecordsReadInTheBody_GiveTheirValues()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add(Profiles);
        test.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container A()
                {
                    // Reported once where the local takes the object, as for any value from elsewhere a local holds.
                    var profile = {|#0:new ImageProfile("ghcr.io", "acme/api", "latest")|};
                    return new V1Container { Name = "a", Image = profile.Image, ImagePullPolicy = profile.PullPolicy };
                }

                V1Container B(bool edge)
                {
                    var profile = edge ? Profiles.Edge : Profiles.Pinned;
                    return new V1Container { Name = "b", Image = profile.Image, ImagePullPolicy = profile.PullPolicy };
                }

                V1Container C()
                {
                    var addon = new Addon() with { Image = "ghcr.io/acme/addon:latest", PullPolicy = "Always" };
                    return new V1Container { Name = "c", Image = addon.Image, ImagePullPolicy = addon.PullPolicy };
                }
            }
            """);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0)
            .WithArguments("ghcr.io/acme/api:latest", "tag 'latest'", "read from new ImageProfile(\"ghcr.io\", \"acme/api\", \"latest\")"));
        await test.RunAsync();
    }

    // A values class configured after it is made (options bound from configuration) keeps its defaults as defaults:
    // only settable members' initializers, as before; one set where the object is made is its value.
    [Fact]
    public async Task SettableDefaultsStayDefaults_ConstructorBodiesAreNotGuessed()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            public sealed class Options
            {
                public string Image { get; set; } = "ghcr.io/acme/api:1.0";
                public string PullPolicy { get; set; } = "IfNotPresent";
            }

            public sealed class Computed
            {
                public Computed(string tag) { Image = "ghcr.io/acme/api:" + (tag == "" ? "1.0" : tag); }
                public string Image { get; }
            }

            class Manifests
            {
                static void Configure(Options options) { }

                V1Container A()
                {
                    var options = new Options();
                    Configure(options);
                    return new V1Container { Name = "a", Image = options.Image, ImagePullPolicy = options.PullPolicy };
                }

                V1Container B() => new V1Container { Name = "b", Image = new Computed("latest").Image, ImagePullPolicy = "IfNotPresent" };
            }
            """);
        await test.RunAsync();
    }
    // KubernetesClient's models are records: a `with` copy keeps what it does not change, for pairing (KMA003) and for
    // a policy the original never had (KMA001), when the original can be read where it is made.
    [Fact]
    public async Task WithCopiesOfContainers_KeepWhatTheyDoNotChange()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                static readonly V1Container Cached = new() { Name = "api", Image = "ghcr.io/acme/api:1.0", ImagePullPolicy = "IfNotPresent" };
                static readonly V1Container NoPolicy = {|#3:new|}() { Name = "api", Image = "ghcr.io/acme/api:1.0" };

                V1Container A() => {|#0:Cached with { Image = "ghcr.io/acme/api:latest" }|};
                V1Container B() => NoPolicy {|#1:with|} { Image = "ghcr.io/acme/api:2.0" };
                V1Container C() => Cached with { Image = "ghcr.io/acme/api:2.0" };
                V1Container D() => Cached with { Image = "ghcr.io/acme/api:latest", ImagePullPolicy = "Always" };

                V1Container E()
                {
                    // On the original's policy, where a fix can write it.
                    var local = new V1Container { Name = "api", Image = "ghcr.io/acme/api:1.0", ImagePullPolicy = {|#2:"IfNotPresent"|} };
                    return local with { Image = "ghcr.io/acme/api:latest" };
                }

                V1Container F()
                {
                    // Written after it is made: what the copy keeps is not read.
                    var local = new V1Container { Name = "api", Image = "ghcr.io/acme/api:1.0", ImagePullPolicy = "IfNotPresent" };
                    local.ImagePullPolicy = "Always";
                    return local with { Image = "ghcr.io/acme/api:latest" };
                }

                V1Container G(V1Container given) => given with { Image = "ghcr.io/acme/api:latest" };
            }
            """);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA001").WithLocation(3).WithArguments("'IfNotPresent'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA003").WithLocation(0).WithArguments("ghcr.io/acme/api:latest", "tag 'latest'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA001").WithLocation(1).WithArguments("'IfNotPresent'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA003").WithLocation(2).WithArguments("ghcr.io/acme/api:latest", "tag 'latest'"));
        await test.RunAsync();
    }
}
