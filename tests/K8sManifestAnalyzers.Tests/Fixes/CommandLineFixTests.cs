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
/// Whichever finding comes first, every fixable rule must be fixed, together, with each finding's own fix.
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
                    new() { Name = "v", Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent" },
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

    public static TheoryData<string> FixableRules() => new(Rules);

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
        Assert.Empty(left.Where(d => Rules.Contains(d.Id) && d.Location.SourceSpan != default && !IsUnknownImagePolicy(d)));
    }

    // KMA001 on a container whose image is a parameter: the default is unknown, so the command line writes nothing.
    private static bool IsUnknownImagePolicy(Diagnostic diagnostic) => diagnostic.Id == "KMA001" && !diagnostic.Properties.ContainsKey("DefaultPolicy");

    private static async Task<string> TextAfter(Solution solution) =>
        (await solution.Projects.Single().Documents.Single().GetTextAsync()).ToString();
}
