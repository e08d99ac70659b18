using System.Threading.Tasks;
using Xunit;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// A policy chosen by a test of the container's own image or tag is paired with the choice that image makes, however
/// the test is written (issue 19): an <c>if</c> that returns, <c>else</c>, an <c>if</c> before the return, a switch
/// statement or expression with constant, <c>or</c>, <c>not</c> and <c>when</c> patterns, <c>is</c>, a predicate helper,
/// and a tag the image is joined from. A helper that picks wrong is still reported.
/// </summary>
public sealed class ConditionsOnTheSameValueTests
{
    private const string Policies = """
        using System;

        static class PullPolicy
        {
            public static string IfReturn(string image)
            {
                if (image.EndsWith(":latest") || !image.Contains(':'))
                {
                    return "Always";
                }

                return "IfNotPresent";
            }

            public static string IfElse(string image)
            {
                if (IsMutable(image)) return "Always";
                else return "IfNotPresent";
            }

            public static bool IsMutable(string image) => image.EndsWith(":latest", StringComparison.Ordinal) || !image.Contains(':');

            public static string Predicate(string image) => IsMutable(image) ? "Always" : "IfNotPresent";

            public static string Arms(string image) => image switch
            {
                var i when i.EndsWith(":latest") => "Always",
                "nginx" or "redis" => "Always",
                _ => "IfNotPresent",
            };

            public static string ForTag(string tag)
            {
                switch (tag)
                {
                    case "latest":
                    case "edge":
                        return "Always";
                    default:
                        return "IfNotPresent";
                }
            }

            public static string Is(string tag) => tag is "latest" or "main" ? "Always" : "IfNotPresent";

            public static string Guarded(string tag)
            {
                if (tag is null) throw new ArgumentNullException(nameof(tag));
                if (tag == "latest") return "Always";
                return "IfNotPresent";
            }

            // Wrong on purpose: a version check that does not look at the tag.
            public static string Wrong(string image)
            {
                if (image.StartsWith("nginx")) return "IfNotPresent";
                return "Always";
            }

            public static string WrongArms(string image) => image switch
            {
                var i when i.EndsWith(":1.0") => "Always",
                _ => "IfNotPresent",
            };
        }
        """;

    [Fact]
    public async Task PolicyHelpersThatTestTheImage_ArePairedWithTheChoiceItMakes()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add(Policies);
        test.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container A() { var image = "nginx:latest"; return new V1Container { Name = "a", Image = image, ImagePullPolicy = PullPolicy.IfReturn(image) }; }
                V1Container B() { var image = "nginx"; return new V1Container { Name = "b", Image = image, ImagePullPolicy = PullPolicy.IfElse(image) }; }
                V1Container C() { var image = "nginx:latest"; return new V1Container { Name = "c", Image = image, ImagePullPolicy = PullPolicy.Predicate(image) }; }
                V1Container D() { var image = "redis"; return new V1Container { Name = "d", Image = image, ImagePullPolicy = PullPolicy.Arms(image) }; }
                V1Container E() { var image = "nginx:latest"; return new V1Container { Name = "e", Image = image, ImagePullPolicy = PullPolicy.Arms(image) }; }
                V1Container F() { var tag = "edge"; return new V1Container { Name = "f", Image = $"ghcr.io/acme/api:{tag}", ImagePullPolicy = PullPolicy.ForTag(tag) }; }
                V1Container G() { var tag = "main"; return new V1Container { Name = "g", Image = "ghcr.io/acme/api:" + tag, ImagePullPolicy = PullPolicy.Is(tag) }; }
                V1Container H() { var tag = "latest"; return new V1Container { Name = "h", Image = string.Concat("ghcr.io/acme/api:", tag), ImagePullPolicy = PullPolicy.Guarded(tag) }; }

                // Through a factory's parameter: the image each call passes makes the choice.
                static V1Container Make(string image) => new() { Name = "m", Image = image, ImagePullPolicy = PullPolicy.IfReturn(image) };
                V1Container I() => Make("nginx:latest");
                V1Container J(bool canary) => Make(canary ? "nginx:latest" : "nginx:1.27");
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task PolicyHelpersThatChooseWrong_AreStillReported()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add(Policies);
        test.TestState.Sources.Add("""
            using k8s.Models;

            class Manifests
            {
                V1Container A() { var image = "nginx:latest"; return new V1Container { Name = "a", Image = image, ImagePullPolicy = {|#0:PullPolicy.Wrong(image)|} }; }
                V1Container B() { var image = "nginx:latest"; return new V1Container { Name = "b", Image = image, ImagePullPolicy = {|#1:PullPolicy.WrongArms(image)|} }; }

                // A tag that is not the one in the image decides nothing about it.
                V1Container C() { var tag = "1.0"; return new V1Container { Name = "c", Image = "nginx:latest", ImagePullPolicy = {|#2:PullPolicy.ForTag(tag)|} }; }

                // A test of a constant, not of the tag the image is joined from.
                V1Container E() { var tag = "latest"; return new V1Container { Name = "e", Image = "nginx:" + tag, ImagePullPolicy = {|#3:PullPolicy.Is("stable")|} }; }
            }
            """);
        var fromLocal = K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom;
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(fromLocal).WithLocation(0).WithArguments("nginx:latest", "tag 'latest'", "from \"nginx:latest\""));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(fromLocal).WithLocation(1).WithArguments("nginx:latest", "tag 'latest'", "from \"nginx:latest\""));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA003").WithLocation(2).WithArguments("nginx:latest", "tag 'latest'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA003").WithLocation(3).WithArguments("nginx:latest", "tag 'latest'"));
        await test.RunAsync();
    }

    // A hardening extension that writes every container of a spec, through a loop over Concat, `??` and ToList, chained
    // on the spec's `new` or called on it, covers those containers (no KMA001); a loop over one list covers that list.
    [Fact]
    public async Task HardeningLoopsOverSeveralLists_CoverEachList()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using System.Linq;
            using k8s.Models;

            static class Hardening
            {
                public static V1PodSpec Harden(this V1PodSpec spec)
                {
                    foreach (var c in spec.Containers.Concat(spec.InitContainers ?? new List<V1Container>()))
                    {
                        c.ImagePullPolicy ??= "Always";
                    }

                    return spec;
                }

                public static V1PodSpec HardenInitFirst(this V1PodSpec spec)
                {
                    foreach (var c in (spec.InitContainers ?? Enumerable.Empty<V1Container>()).Concat(spec.Containers).ToList())
                        c.ImagePullPolicy ??= "Always";
                    return spec;
                }

                public static V1PodSpec MainOnly(this V1PodSpec spec)
                {
                    foreach (var c in spec.Containers) c.ImagePullPolicy ??= "Always";
                    return spec;
                }
            }

            class Manifests
            {
                V1PodSpec A() => new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = "a", Image = "nginx:1.27" } } }.Harden();

                V1PodSpec B() => new V1PodSpec
                {
                    InitContainers = new List<V1Container> { new V1Container { Name = "b0", Image = "busybox:1.36" } },
                    Containers = new List<V1Container> { new V1Container { Name = "b", Image = "nginx:1.27" } },
                }.HardenInitFirst();

                V1PodSpec C()
                {
                    var spec = new V1PodSpec { Containers = new List<V1Container> { new() { Name = "c", Image = "nginx:1.27" } } };
                    spec.Harden();
                    return spec;
                }

                V1Pod D() => new V1Pod { Spec = new V1PodSpec { Containers = [new V1Container { Name = "d", Image = "nginx:1.27" }] }.Harden() };

                V1PodSpec E() => new V1PodSpec
                {
                    InitContainers = new List<V1Container> { {|#0:new V1Container|} { Name = "e0", Image = "busybox:1.36" } },
                    Containers = new List<V1Container> { new V1Container { Name = "e", Image = "nginx:1.27" } },
                }.MainOnly();

                // Two specs built alike in one body: each call covers its own spec only.
                (V1PodSpec, V1PodSpec) F() => (
                    new V1PodSpec { Containers = new List<V1Container> { new V1Container { Name = "f", Image = "nginx:1.27" } } }.MainOnly(),
                    new V1PodSpec { Containers = new List<V1Container> { {|#1:new V1Container|} { Name = "g", Image = "nginx:1.27" } } });
            }
            """);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA001").WithLocation(0).WithArguments("'IfNotPresent'"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic("KMA001").WithLocation(1).WithArguments("'IfNotPresent'"));
        await test.RunAsync();
    }
    // An options default chosen on one branch of a helper (a switch, a ternary, behind `??`) still goes with the other
    // defaults: a deployment left unconfigured takes it with the default policy. A plain branch does not.
    [Fact]
    public async Task DefaultsChosenOnABranch_PairWithTheOtherDefaults()
    {
        var test = new PolicyVerify.Test();
        test.TestState.Sources.Add("""
            using k8s.Models;

            public sealed class SeqOptions
            {
                public string DefaultImage { get; set; } = "datalust/seq:latest";
                public string DefaultPolicy { get; set; } = "IfNotPresent";
            }

            class Controller
            {
                readonly SeqOptions _options;

                Controller(SeqOptions options) => _options = options;

                string ImageFor(string? requested, bool slim) => slim ? (requested ?? _options.DefaultImage) + "-slim" : requested ?? _options.DefaultImage;

                string ImageSwitch(string? flavor) => flavor switch { "preview" => "datalust/seq:preview", _ => _options.DefaultImage };

                V1Container A(string? requested, bool slim) => new V1Container { Name = "seq", Image = ImageFor(requested, slim), ImagePullPolicy = {|#0:_options.DefaultPolicy|} };

                V1Container B(string? flavor) => new V1Container { Name = "seq", Image = ImageSwitch(flavor), ImagePullPolicy = {|#1:_options.DefaultPolicy|} };

                // The mutable image is chosen by a branch, not as a default: the default policy may never meet it.
                V1Container C(bool canary) => new V1Container { Name = "seq", Image = canary ? "datalust/seq:latest" : "datalust/seq:2024.3", ImagePullPolicy = _options.DefaultPolicy };
            }
            """);
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(0)
            .WithArguments("datalust/seq:latest", "tag 'latest'", "the default of SeqOptions.DefaultImage, used when requested is null, returned by Controller.ImageFor()"));
        test.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom).WithLocation(1)
            .WithArguments("datalust/seq:latest", "tag 'latest'", "the default of SeqOptions.DefaultImage, returned by Controller.ImageSwitch()"));
        await test.RunAsync();
    }
}
