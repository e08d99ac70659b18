using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Rules.PullSecrets;

/// <summary>
/// KMA106's C# front-end alone: the facts <see cref="PullSecretListReader"/> reads from each operation of a body, the
/// only thing <c>InvalidPullSecretEntryRule</c> sees of C#.
/// </summary>
public sealed class KMA106_PullSecretListReaderTests
{
    [Fact]
    public async Task WrittenList_GivesOneListPerBranch_WithEachEntrysNameAndLocation()
    {
        var facts = await ReadAsync("""
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Build(bool ci, string team) => new V1PodSpec
                {
                    ImagePullSecrets = ci
                        ? new[] { new V1LocalObjectReference { Name = "ci" } }
                        : new[] { new V1LocalObjectReference { Name = "ci" }, new V1LocalObjectReference { Name = "" }, new V1LocalObjectReference(), new V1LocalObjectReference { Name = team } },
                };
            }
            """);

        var written = Assert.Single(facts);
        Assert.Empty(written.Adds);
        Assert.Collection(
            written.Lists,
            whenTrue => Assert.Equal(new[] { "ci known written: new V1LocalObjectReference { Name = \"ci\" }" }, Describe(whenTrue)),
            whenFalse => Assert.Equal(
                new[]
                {
                    "ci known written: new V1LocalObjectReference { Name = \"ci\" }",
                    "(empty) known written: new V1LocalObjectReference { Name = \"\" }",
                    "(null) known: new V1LocalObjectReference()",
                    "(null) written: new V1LocalObjectReference { Name = team }",
                },
                Describe(whenFalse)));
        Assert.True(Entry(written, 1).IsEmpty);
        Assert.True(Entry(written, 2).IsEmpty);
        Assert.False(Entry(written, 3).IsEmpty);

        static PullSecretListEntry Entry(PullSecretListFacts facts, int index) => facts.Lists[1].Entries[index];
    }

    // The names an Add finds were listed before it: by the creation (both branches of its conditional), by earlier Adds,
    // and not by an assignment in a branch that does not run on every path to it. An Add of a computed name is no fact.
    [Fact]
    public async Task Add_CarriesTheNamesListedBeforeIt_OnEveryPath()
    {
        var facts = await ReadAsync("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Pods
            {
                public static V1PodSpec Build(bool ci, bool extra, string team)
                {
                    var spec = new V1PodSpec { ImagePullSecrets = ci ? new[] { new V1LocalObjectReference { Name = "ci" } } : new[] { new V1LocalObjectReference { Name = "shop" } } };
                    spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "regcred" });
                    if (extra)
                    {
                        spec.ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference { Name = "extra" } };
                    }

                    spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = "ci" });
                    spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = team });
                    return spec;
                }
            }
            """);

        var adds = facts.SelectMany(f => f.Adds).ToList();
        Assert.Collection(
            adds,
            regcred =>
            {
                Assert.Equal("regcred", regcred.Name);
                Assert.Equal("new V1LocalObjectReference { Name = \"regcred\" }", TextOf(regcred.At));
                Assert.Equal(new[] { "ci", "shop" }, regcred.ListedBefore.OrderBy(n => n, System.StringComparer.Ordinal));
            },
            ci =>
            {
                Assert.Equal("ci", ci.Name);
                Assert.Equal(new[] { "ci", "regcred", "shop" }, ci.ListedBefore.OrderBy(n => n, System.StringComparer.Ordinal));
            });
    }

    // A helper of the compilation that adds to the spec it is handed: the add is read at the call, with the call's
    // argument, and placed in the caller's list. Inside the helper the name is a parameter: no fact.
    [Fact]
    public async Task HelperAdd_IsReadAtTheCall_WithTheCallersList()
    {
        var facts = await ReadAsync("""
            using System.Collections.Generic;
            using k8s.Models;

            static class Secrets
            {
                public static void AddPullSecret(V1PodSpec spec, string name)
                {
                    spec.ImagePullSecrets ??= new List<V1LocalObjectReference>();
                    spec.ImagePullSecrets.Add(new V1LocalObjectReference { Name = name });
                }
            }

            static class Pods
            {
                public static V1PodSpec Build()
                {
                    var spec = new V1PodSpec { ImagePullSecrets = new List<V1LocalObjectReference> { new V1LocalObjectReference { Name = "regcred" } } };
                    Secrets.AddPullSecret(spec, "ci");
                    return spec;
                }
            }
            """);

        Assert.Collection(
            facts,
            coalesce => Assert.Empty(Assert.Single(coalesce.Lists).Entries),
            initializer => Assert.Equal(new[] { "regcred known written: new V1LocalObjectReference { Name = \"regcred\" }" }, Describe(Assert.Single(initializer.Lists))),
            call =>
            {
                Assert.Empty(call.Lists);
                var add = Assert.Single(call.Adds);
                Assert.Equal("ci", add.Name);
                Assert.Equal("Secrets.AddPullSecret(spec, \"ci\")", TextOf(add.At));
                Assert.Equal(new[] { "regcred" }, add.ListedBefore);
            });
    }

    // The facts of every operation of every method, in the order of the text.
    private static async Task<List<PullSecretListFacts>> ReadAsync(string source)
    {
        var compilation = await KubernetesCompilation.OfAsync("Reader", source);
        var tree = compilation.SyntaxTrees[0];
        var types = KubernetesTypes.TryCreate(compilation);
        Assert.NotNull(types);

        var model = compilation.GetSemanticModel(tree);
        var facts = new List<PullSecretListFacts>();
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            foreach (var operation in model.GetOperation(method)!.DescendantsAndSelf())
            {
                if (PullSecretListReader.Read(operation, types!) is { } read)
                {
                    facts.Add(read);
                }
            }
        }

        return facts;
    }

    private static IEnumerable<string> Describe(PullSecretList list) =>
        list.Entries.Select(e => $"{(e.Name is null ? "(null)" : e.Name.Length == 0 ? "(empty)" : e.Name)}{(e.NameIsKnown ? " known" : "")}{(e.NameIsWritten ? " written" : "")}: {TextOf(e.At)}");

    private static string TextOf(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);
}
