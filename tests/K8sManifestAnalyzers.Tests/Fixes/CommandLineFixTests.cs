using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Fixes;

/// <summary>
/// The command-line fixer (<c>dotnet format analyzers</c>) takes the equivalence key of the first action of the
/// first finding an analyzer reports, whatever its rule, and applies it to every finding of the rule it is fixing.
/// Whichever finding comes first, every fixable rule must be fixed, together, with each finding's own fix. The tool
/// also takes the ids in an order of its own, so each fix must write a value that no other rule's fix rewrites: the
/// text after a run must be the same in every order of the ids.
/// </summary>
public sealed class CommandLineFixTests
{
    private const string EditorConfig = "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.example.com\n";

    private const string Source = """
        using System.Collections.Generic;
        using System.Text;
        using k8s.Models;

        public static class Manifests
        {
            public static V1Secret Registry(string json) => new()
            {
                Metadata = new() { Name = "shop-registry" },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
            };

            public static V1Secret Ci(string json) => new()
            {
                Metadata = new() { Name = "ci-registry" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
            };

            public static V1PodSpec Spec(string image) => new()
            {
                ImagePullSecrets = [new() { Name = "shop-registry" }, new() { Name = "ci-regsitry" }, new() { Name = "shop-registry" }],
                Containers =
                [
                    new() { Name = "z", Image = image },
                    new() { Name = "y", Image = "nginx:1.27" },
                    new() { Name = "x", Image = "nginx:1.27", ImagePullPolicy = "ifnotpresent" },
                    new() { Name = "w", Image = "nginx:latest", ImagePullPolicy = "IfNotPresent" },
                    new() { Name = "v", Image = "nginx:1.27", ImagePullPolicy = "Never" },
                    new() { Name = "u", Image = " Nginx:1.27", ImagePullPolicy = "Always" },
                ],
            };

            public static V1PodSpec Private() => new()
            {
                Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }],
            };
        }
        """;

    private const string Fixed = """
        using System.Collections.Generic;
        using System.Text;
        using k8s.Models;

        public static class Manifests
        {
            public static V1Secret Registry(string json) => new()
            {
                Metadata = new() { Name = "shop-registry" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
            };

            public static V1Secret Ci(string json) => new()
            {
                Metadata = new() { Name = "ci-registry" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
            };

            public static V1PodSpec Spec(string image) => new()
            {
                ImagePullSecrets = [new() { Name = "shop-registry" }, new() { Name = "ci-registry" }],
                Containers =
                [
                    new() { Name = "z", Image = image },
                    new() { Name = "y", Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" },
                    new() { Name = "x", Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" },
                    new() { Name = "w", Image = "nginx:latest", ImagePullPolicy = "Always" },
                    new() { Name = "v", Image = "nginx:1.27", ImagePullPolicy = "Never" },
                    new() { Name = "u", Image = "nginx:1.27", ImagePullPolicy = "Always" },
                ],
            };

            public static V1PodSpec Private() => new()
            {
                Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }],
                ImagePullSecrets = [new() { Name = "ci-registry" }],
            };
        }
        """;

    private static readonly string[] Rules = { "KMA001", "KMA002", "KMA003", "KMA004", "KMA007", "KMA101", "KMA103", "KMA104", "KMA106" };

    // KMA007's fix has no Fix All: Never is chosen on purpose, and the tool leaves it.
    public static TheoryData<string> FixableRules() => new(Rules.Where(rule => rule != "KMA007"));

    [Theory]
    [MemberData(nameof(FixableRules))]
    public async Task OneRule_FixedTheSameWhicheverFindingComesFirst(string rule)
    {
        var document = await CommandLineFixer.CreateDocumentAsync(Source, EditorConfig);
        var findings = await CommandLineFixer.AnalyzeAsync(document.Project);
        Assert.Contains(findings, d => d.Id == rule);

        // The reference: the rule's own first finding comes first, as when fixing it alone.
        var expected = await TextAfter(await CommandLineFixer.FixAsync(document.Project.Solution, rule, all => all.First(d => d.Id == rule)));
        Assert.NotEqual(Source, expected);

        for (int first = 0; first < findings.Length; first++)
        {
            int index = first;
            var solution = await CommandLineFixer.FixAsync(document.Project.Solution, rule, all => all[index % all.Count]);
            Assert.Equal(expected, await TextAfter(solution));
        }

        var left = await CommandLineFixer.AnalyzeAsync((await CommandLineFixer.FixAsync(document.Project.Solution, rule, all => all[^1])).Projects.Single());
        Assert.DoesNotContain(left, d => d.Id == rule && !IsUnknownImagePolicy(d));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task EveryRuleInOneRun_FixesEveryFinding(bool reverseRules, bool lastFindingFirst)
    {
        var document = await CommandLineFixer.CreateDocumentAsync(Source, EditorConfig);
        var solution = document.Project.Solution;
        IEnumerable<string> rules = Rules;
        foreach (var rule in reverseRules ? rules.Reverse() : rules)
        {
            solution = await CommandLineFixer.FixAsync(solution, rule, all => lastFindingFirst ? all[^1] : all[0]);
        }

        Assert.Equal(Fixed, await TextAfter(solution));
        var left = await CommandLineFixer.AnalyzeAsync(solution.Projects.Single());
        Assert.Empty(left.Where(d => Rules.Contains(d.Id) && d.Location.SourceSpan != default && !IsUnknownImagePolicy(d) && d.Id != "KMA007"));
    }

    [Fact]
    public async Task Never_IsLeftAsWritten_ByEveryRuleTheToolRuns()
    {
        const string Kind = """
            using k8s.Models;

            public static class Manifests
            {
                // `kind load docker-image shop-api:latest`, then a pod that must not pull.
                public static V1Container Api() => new() { Name = "api", Image = "shop-api:latest", ImagePullPolicy = "Never" };
                public static V1Container Tools() => new() { Name = "tools", Image = "tools:1.0", ImagePullPolicy = "Never" };
            }
            """;
        var document = await CommandLineFixer.CreateDocumentAsync(Kind);
        var findings = await CommandLineFixer.AnalyzeAsync(document.Project);
        Assert.Contains(findings, d => d.Id == "KMA003");
        Assert.Equal(2, findings.Count(d => d.Id == "KMA007"));

        foreach (string rule in new[] { "KMA003", "KMA007" })
        {
            Assert.Equal(Kind, await TextAfter(await CommandLineFixer.FixAsync(document.Project.Solution, rule, all => all[0])));
        }

        Assert.Equal(Kind, await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, Rules)));
    }

    /// <summary>
    /// Findings of two rules on one value (or fixes that meet on it): the policy written, and what it must be after
    /// a run of both rules in either order.
    /// </summary>
    public static TheoryData<string, string, string, string, string> TwoRulesOnOneNode() => new()
    {
        // KMA002 writes what KMA003 requires, not IfNotPresent that KMA003 would rewrite.
        { "KMA002", "KMA003", "shop-api:latest", "\"ifnotpresent\"", "\"Always\"" },
        { "KMA002", "KMA003", "shop-api", "\"IfNotPresnt\"", "\"Always\"" },
        { "KMA002", "KMA003", "shop-api:1.0", "\"ifnotpresent\"", "\"IfNotPresent\"" },

        // The value meant is Never; neither KMA003 nor KMA007 takes it away.
        { "KMA002", "KMA003", "shop-api:latest", "\"never\"", "\"Never\"" },
        { "KMA002", "KMA007", "shop-api:1.0", "\"never\"", "\"Never\"" },
        { "KMA003", "KMA007", "shop-api:latest", "\"Never\"", "\"Never\"" },

        // Switch arms of one value, from the issue: "never" ended as Never once and IfNotPresent twice.
        { "KMA002", "KMA007", "shop-api:1.0", "env switch { \"dev\" => \"never\", _ => \"IfNotPresent\" }", "env switch { \"dev\" => \"Never\", _ => \"IfNotPresent\" }" },
        { "KMA002", "KMA003", "shop-api:latest", "env switch { \"dev\" => \"never\", \"ci\" => \"ifnotpresent\", _ => \"IfNotPresent\" }", "env switch { \"dev\" => \"Never\", \"ci\" => \"Always\", _ => \"Always\" }" },
    };

    [Theory]
    [MemberData(nameof(TwoRulesOnOneNode))]
    public async Task TwoFixesOnOneNode_GiveTheSameTextInEitherOrder(string a, string b, string image, string written, string expected)
    {
        var document = await CommandLineFixer.CreateDocumentAsync(Container(image, written));
        // b's finding may be there from the start, or only once a's fix has written its value.
        Assert.Contains(await CommandLineFixer.AnalyzeAsync(document.Project), d => d.Id == a);

        var ab = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, new[] { a, b }));
        var ba = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, new[] { b, a }));
        Assert.Equal(Container(image, expected), ab);
        Assert.Equal(ab, ba);
    }

    private const string PolicySource = """
        using k8s.Models;

        public static class Manifests
        {
            public static V1PodSpec Spec(string env) => new()
            {
                Containers =
                [
                    new() { Name = "a", Image = "shop-api:latest", ImagePullPolicy = env switch { "dev" => "never", "ci" => "ifnotpresent", _ => "IfNotPresent" } },
                    new() { Name = "b", Image = "shop-api:latest", ImagePullPolicy = "Never" },
                    new() { Name = "c", Image = "shop-api", ImagePullPolicy = "if-not-present" },
                    new() { Name = "d", Image = "shop-api:1.0", ImagePullPolicy = "never" },
                    new() { Name = "e", Image = "shop-api:latest" },
                    new() { Name = "f", Image = "shop-api:1.0" },
                    new() { Name = "g", Image = " Shop-api:1.0", ImagePullPolicy = "ALWAYS" },
                    new() { Name = "h", Image = "shop-api:latest", ImagePullPolicy = "IfNotPresent" },
                ],
            };
        }
        """;

    private const string PolicyFixed = """
        using k8s.Models;

        public static class Manifests
        {
            public static V1PodSpec Spec(string env) => new()
            {
                Containers =
                [
                    new() { Name = "a", Image = "shop-api:latest", ImagePullPolicy = env switch { "dev" => "Never", "ci" => "Always", _ => "Always" } },
                    new() { Name = "b", Image = "shop-api:latest", ImagePullPolicy = "Never" },
                    new() { Name = "c", Image = "shop-api", ImagePullPolicy = "Always" },
                    new() { Name = "d", Image = "shop-api:1.0", ImagePullPolicy = "Never" },
                    new() { Name = "e", Image = "shop-api:latest", ImagePullPolicy = "Always" },
                    new() { Name = "f", Image = "shop-api:1.0", ImagePullPolicy = "IfNotPresent" },
                    new() { Name = "g", Image = "shop-api:1.0", ImagePullPolicy = "Always" },
                    new() { Name = "h", Image = "shop-api:latest", ImagePullPolicy = "Always" },
                ],
            };
        }
        """;

    [Fact]
    public async Task EveryPullPolicyRuleInOneRun_GivesTheSameTextInEveryOrderOfTheIds()
    {
        var document = await CommandLineFixer.CreateDocumentAsync(PolicySource);
        string[] ids = { "KMA001", "KMA002", "KMA003", "KMA004", "KMA007" };
        var findings = await CommandLineFixer.AnalyzeAsync(document.Project);
        Assert.All(ids, id => Assert.Contains(findings, d => d.Id == id));

        foreach (var order in CommandLineFixer.Permutations(ids))
        {
            var text = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, order));
            Assert.True(text == PolicyFixed, $"order {string.Join(" ", order)} gave:\n{text}");
        }
    }

    [Fact]
    public async Task EveryRuleInOneRun_GivesTheSameTextInEveryOrderOfEachPair()
    {
        var document = await CommandLineFixer.CreateDocumentAsync(Source, EditorConfig);
        foreach (string a in Rules)
        {
            foreach (string b in Rules.Where(b => string.CompareOrdinal(a, b) < 0))
            {
                var ab = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, new[] { a, b }));
                var ba = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, new[] { b, a }));
                Assert.True(ab == ba, $"{a} then {b} gave:\n{ab}\n{b} then {a} gave:\n{ba}");
            }
        }
    }

    private const string RetypedSecretSource = """
        using System.Collections.Generic;
        using System.Text;
        using k8s.Models;

        public static class Manifests
        {
            // A registry credential of the wrong type: KMA104's fix makes it kubernetes.io/dockerconfigjson.
            public static V1Secret Acme(string json) => new()
            {
                Metadata = new() { Name = "acme-registry" },
                Type = "Opaque",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
            };

            public static V1Secret Zeta(string json) => new()
            {
                Metadata = new() { Name = "zeta-registry" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(json) },
            };

            public static V1PodSpec Web() => new()
            {
                ImagePullSecrets = [new() { Name = "acme-registry" }],
                Containers = [new() { Name = "web", Image = "registry.example.com/shop/web:1.0", ImagePullPolicy = "IfNotPresent" }],
            };

            public static V1PodSpec Api() => new()
            {
                ImagePullSecrets = [new() { Name = "acme-regsitry" }],
                Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:1.0", ImagePullPolicy = "IfNotPresent" }],
            };

            public static V1PodSpec Worker() => new()
            {
                Containers = [new() { Name = "worker", Image = "registry.example.com/shop/worker:1.0", ImagePullPolicy = "IfNotPresent" }],
            };
        }
        """;

    [Fact]
    public async Task RenameAndAddPullSecret_PickTheSameSecretWhetherOrNotItsTypeWasFixedFirst()
    {
        // KMA101 and KMA103 choose among docker-registry Secrets; KMA104's fix turns acme-registry into one. Their
        // choice must not depend on whether KMA104 ran first.
        var document = await CommandLineFixer.CreateDocumentAsync(RetypedSecretSource, EditorConfig);
        string[] ids = { "KMA101", "KMA103", "KMA104" };
        var findings = await CommandLineFixer.AnalyzeAsync(document.Project);
        Assert.All(ids, id => Assert.Contains(findings, d => d.Id == id));

        string? first = null;
        foreach (var order in CommandLineFixer.Permutations(ids))
        {
            var text = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, order));
            first ??= text;
            Assert.True(text == first, $"order {string.Join(" ", order)} gave:\n{text}\nthe first order gave:\n{first}");
        }

        Assert.Contains("ImagePullSecrets = [new() { Name = \"acme-registry\" }],\n        Containers = [new() { Name = \"api\"", first);
        Assert.Contains("Type = \"kubernetes.io/dockerconfigjson\",\n        Data = new Dictionary<string, byte[]> { [\".dockerconfigjson\"] = Encoding.UTF8.GetBytes(json) },\n    };\n\n    public static V1Secret Zeta", first);
        Assert.Contains("ImagePullSecrets = [new() { Name = \"acme-registry\" }],\n    };", first);
    }

    [Fact]
    public async Task FindingThatAppearsOnlyAfterAnotherFix_NeedsASecondRun_AfterWhichEveryOrderAgrees()
    {
        // KMA004 repairs the image to "shop-api", which is untagged: only then is IfNotPresent KMA003. KMA001 writes
        // the server's default for the malformed image (IfNotPresent), which is KMA003 once the image is repaired.
        const string Repaired = """
            using k8s.Models;

            public static class Manifests
            {
                public static V1Container Api() => new() { Name = "api", Image = " Shop-api", ImagePullPolicy = "IfNotPresent" };
                public static V1Container Web() => new() { Name = "web", Image = " Shop-web" };
            }
            """;
        var document = await CommandLineFixer.CreateDocumentAsync(Repaired);
        Assert.DoesNotContain(await CommandLineFixer.AnalyzeAsync(document.Project), d => d.Id == "KMA003");

        string[] ids = { "KMA001", "KMA003", "KMA004" };
        var once = await TextAfter(await CommandLineFixer.RunAsync(document.Project.Solution, ids));
        Assert.Contains("Image = \"shop-api\", ImagePullPolicy = \"IfNotPresent\"", once);

        foreach (var order in CommandLineFixer.Permutations(ids))
        {
            var first = await CommandLineFixer.RunAsync(document.Project.Solution, order);
            var twice = await TextAfter(await CommandLineFixer.RunAsync(first, order));
            Assert.Contains("Image = \"shop-api\", ImagePullPolicy = \"Always\"", twice);
            Assert.Contains("Image = \"shop-web\", ImagePullPolicy = \"Always\"", twice);
        }
    }

    private static string Container(string image, string policy) => $$"""
        using k8s.Models;

        public static class Manifests
        {
            public static V1Container Api(string env) => new() { Name = "api", Image = "{{image}}", ImagePullPolicy = {{policy}} };
        }
        """;

    // KMA001 on a container whose image is a parameter: the default is unknown, so the command line writes nothing.
    private static bool IsUnknownImagePolicy(Diagnostic diagnostic) => diagnostic.Id == "KMA001" && !diagnostic.Properties.ContainsKey("DefaultPolicy");

    private static async Task<string> TextAfter(Solution solution) =>
        (await solution.Projects.Single().Documents.Single().GetTextAsync()).ToString();
}
