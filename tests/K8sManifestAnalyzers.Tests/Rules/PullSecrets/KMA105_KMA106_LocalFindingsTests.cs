using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>
/// KMA105 and KMA106 are judged in the per-body host's block-end walk. What the IDE needs of them: each finding is local
/// to its document (the IDE offers fixes, KMA106's removal among them, for local findings only), and is produced when the
/// IDE analyzes only the member being edited.
/// </summary>
public sealed class KMA105_KMA106_LocalFindingsTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Text;
        using k8s.Models;

        static class Secrets
        {
            private static readonly string Config = "{\"auths\":{\"r.example.com\":{\"auth\":\"eDp5\"}}}";

            public static Func<string> Lambda() => () => "{\"auths\":{\"ghcr.io\":{\"password\":\"p\"}}}";

            public static V1Secret Registry() => new()
            {
                Metadata = new() { Name = "regcred" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes("eyJhdXRocyI6eyJyLmV4YW1wbGUuY29tIjp7ImF1dGgiOiJlRHA1In19fQ==") },
            };

            public static void AddPullSecret(V1PodSpec spec, string name)
            {
                spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = name });
            }
        }

        static class Pods
        {
            public static V1PodSpec Listed() => new() { Containers = [], ImagePullSecrets = [new() { Name = "a" }, new() { Name = "" }, new() { Name = "a" }] };

            public static void Assigned(V1PodSpec spec) => spec.ImagePullSecrets = [new() { Name = "b" }, new() { Name = "b" }];

            public static V1PodSpec Added()
            {
                var spec = new V1PodSpec { Containers = [], ImagePullSecrets = [new() { Name = "c" }] };
                spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "c" });
                Secrets.AddPullSecret(spec, "c");
                return spec;
            }
        }
        """;

    [Fact]
    public async Task Findings_AreLocal_AndReportedWhenOnlyTheirMemberIsAnalyzed()
    {
        // On GeneratorHarness's compilation: the test analyzes one member alone and asks where findings are kept, which the verifier does not expose.
        var compilation = GeneratorHarness.Compilation(Source, GeneratorHarness.Net80(withKubernetes: true));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzer = new ContainerAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);

        var whole = await withAnalyzers.GetAnalysisResultAsync(model, filterSpan: null, CancellationToken.None);
        var findings = Ours(whole, tree, analyzer).Where(d => d.Id is "KMA105" or "KMA106").ToList();
        Assert.Equal(
            new[] { "KMA105", "KMA105", "KMA105", "KMA106", "KMA106", "KMA106", "KMA106", "KMA106" },
            findings.Select(d => d.Id).OrderBy(id => id));
        Assert.DoesNotContain(whole.CompilationDiagnostics.Values.SelectMany(d => d), d => d.Id is "KMA105" or "KMA106");

        foreach (var finding in findings)
        {
            var member = tree.GetRoot().FindNode(finding.Location.SourceSpan).AncestorsAndSelf()
                .OfType<MemberDeclarationSyntax>().First(m => m is not BaseTypeDeclarationSyntax);
            var edited = await withAnalyzers.GetAnalysisResultAsync(model, member.Span, CancellationToken.None);
            Assert.Contains(Ours(edited, tree, analyzer), d => d.Id == finding.Id && d.Location == finding.Location && d.GetMessage() == finding.GetMessage());
        }
    }

    private static ImmutableArray<Diagnostic> Ours(AnalysisResult result, SyntaxTree tree, DiagnosticAnalyzer analyzer) =>
        result.SemanticDiagnostics.TryGetValue(tree, out var byAnalyzer) && byAnalyzer.TryGetValue(analyzer, out var diagnostics)
            ? diagnostics
            : ImmutableArray<Diagnostic>.Empty;
}
