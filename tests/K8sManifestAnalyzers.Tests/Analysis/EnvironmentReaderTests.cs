using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Analysis;

/// <summary>
/// The facts the C# front-end of KMA117 and KMA119 (<see cref="EnvironmentReader"/>) reads from one operation, on their
/// own: names, values, flags and locations, paired and ordered by the reader so that the rules only compare them.
/// </summary>
public sealed class EnvironmentReaderTests
{
    [Fact]
    public async Task EnvList_GivesEachEntry_WithItsNameValueAndPlace()
    {
        var (facts, text) = await ReadAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

                public static V1Container Api(string level) => new()
                {
                    Name = "api",
                    Env = new List<V1EnvVar>
                    {
                        new() { Name = "A", Value = "1" },
                        Env("B", level),
                        new() { Name = "A", Value = "$(B)" },
                    },
                };
            }
            """,
            "new()\n    {");

        Assert.NotNull(facts);
        var list = Assert.Single(facts!.Lists);
        Assert.Equal(new string?[] { "A", "B", "A" }, list.Select(e => e.ConstantName));
        Assert.Equal("new() { Name = \"A\", Value = \"1\" }", text(list[0].Location));
        Assert.Equal("\"A\"", text(list[0].NameLocation));
        Assert.True(list[0].IsCreatedInPlace && list[0].HasKnownValue && !list[0].ValueMayReadVariables);

        // Created by a method of the compilation: the name is placed on the argument that chooses it; the value is not known.
        Assert.True(list[1].IsKnown);
        Assert.False(list[1].IsCreatedInPlace);
        Assert.False(list[1].HasKnownValue);
        Assert.Equal("\"B\"", text(list[1].NameLocation));
        Assert.True(list[2].ValueMayReadVariables);
        Assert.Empty(facts.EnvVarValues);
        Assert.Null(facts.Added);
    }

    [Fact]
    public async Task Add_GivesWhatTheListHoldsBefore_InOrder()
    {
        const string source = """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1Container Api(bool debug)
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = "A", Value = "1" } } };
                    container.Env.Add(new V1EnvVar { Name = "B", Value = "2" });
                    container.Env.Add(new V1EnvVar { Name = "A", Value = "3" });
                    if (debug)
                    {
                        container.Env.Add(new V1EnvVar { Name = "C", Value = "4" });
                    }

                    container.Env.Add(new V1EnvVar { Name = "B", Value = "5" });
                    return container;
                }
            }
            """;
        var (facts, text) = await ReadAsync(source, "container.Env.Add(new V1EnvVar { Name = \"A\", Value = \"3\" })");

        Assert.NotNull(facts);
        Assert.Equal("A", facts!.Added!.ConstantName);
        Assert.Equal("new V1EnvVar { Name = \"A\", Value = \"3\" }", text(facts.Added.Location));
        Assert.Equal(new string?[] { "A", "B" }, facts.ListedBefore.Select(e => e.ConstantName));
        Assert.Equal("\"A\"", text(facts.ListedBefore[0].NameLocation));
        Assert.Empty(facts.Lists);

        // After an Add on some paths only, what comes before is not known: no facts.
        var (afterBranch, _) = await ReadAsync(source, "container.Env.Add(new V1EnvVar { Name = \"B\", Value = \"5\" })");
        Assert.Null(afterBranch);
    }

    [Fact]
    public async Task TableRows_PairEachValueWithTheNameOfItsRow_UnderCredentialNamesOnly()
    {
        var (facts, text) = await ReadAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                static readonly (string Name, string Value)[] Settings =
                {
                    ("LOG_LEVEL", "info"),
                    ("DB_PASSWORD", "hunter2"),
                };

                public static V1Container Api()
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar>() };
                    foreach (var (name, value) in Settings)
                    {
                        container.Env.Add(new V1EnvVar { Name = name, Value = value });
                    }

                    return container;
                }
            }
            """,
            "new V1EnvVar { Name = name, Value = value }");

        Assert.NotNull(facts);
        var row = Assert.Single(facts!.EnvVarValues);
        Assert.Equal("DB_PASSWORD", row.Name);
        Assert.Equal(CredentialKind.Secret, row.NameKind);
        Assert.Equal("hunter2", row.Value);
        Assert.Equal("value", text(row.Location));
        Assert.Equal("row 2 of Settings", row.From);
        Assert.False(facts.HasValueFrom);
    }

    [Fact]
    public async Task ConfigMapData_GivesTheConstantsUnderCredentialKeys()
    {
        var (facts, text) = await ReadAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1ConfigMap Settings(bool prod) => new()
                {
                    Data = new Dictionary<string, string>
                    {
                        ["LOG_LEVEL"] = "debug",
                        ["API_TOKEN"] = prod ? "tok-prod-1" : "tok-dev-2",
                    },
                };
            }
            """,
            "new()\n    {");

        Assert.NotNull(facts);
        Assert.Equal(new[] { "tok-prod-1", "tok-dev-2" }, facts!.ConfigMapData.Select(r => r.Value));
        Assert.All(facts.ConfigMapData, r => Assert.Equal("API_TOKEN", r.Name));
        Assert.Equal(new[] { "\"tok-prod-1\"", "\"tok-dev-2\"" }, facts.ConfigMapData.Select(r => text(r.Location)));
        Assert.Empty(facts.EnvVarValues);
    }

    [Fact]
    public async Task EnvVar_WithANameThatNamesNoCredential_GivesNoFacts()
    {
        var (facts, _) = await ReadAsync(
            """
            using k8s.Models;

            static class Manifests
            {
                public static V1EnvVar Level() => new V1EnvVar { Name = "LOG_LEVEL", Value = "debug" };
            }
            """,
            "new V1EnvVar { Name = \"LOG_LEVEL\", Value = \"debug\" }");

        Assert.Null(facts);
    }

    // The facts of the first creation, call or assignment whose text starts with `start` (lines joined by \n, as
    // indented in the source), and a way to show a location's text.
    private static async Task<(EnvironmentFacts? Facts, System.Func<Location, string> Text)> ReadAsync(string source, string start)
    {
        var compilation = await KubernetesCompilation.OfAsync("EnvironmentReader", source);
        var tree = compilation.SyntaxTrees[0];
        var types = KubernetesTypes.TryCreate(compilation);
        Assert.NotNull(types);

        var model = compilation.GetSemanticModel(tree);
        var operation = tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>()
            .Select(method => model.GetOperation(method))
            .SelectMany(body => body!.DescendantsAndSelf())
            .First(o => o.Kind is OperationKind.ObjectCreation or OperationKind.Invocation or OperationKind.SimpleAssignment
                && o.Syntax.ToString().Replace("\r\n", "\n").StartsWith(start, System.StringComparison.Ordinal));
        var facts = EnvironmentReader.Read(operation, types!, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        return (facts, location => tree.GetText().ToString(location.SourceSpan));
    }
}
