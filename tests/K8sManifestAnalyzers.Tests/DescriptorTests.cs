using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace K8sManifestAnalyzers.Tests;

/// <summary>Checks over every rule the package ships: docs, help links, release tracking, fixes.</summary>
public sealed class DescriptorTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasADocsPage_AndAHelpLinkToIt(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        string page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
        foreach (var section in new[] { "## What it reports", "## Why", "## Non-compliant code", "## Compliant code", "## Code fix", "## Options", "## Suppression" })
        {
            Assert.Contains(section, text);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsListedInReleaseTracking_AndReadme(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "K8sManifestAnalyzers", "AnalyzerReleases.Unshipped.md"));
        // Release tracking writes `Disabled` for a rule that is off by default.
        string severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
        Assert.Contains($"{id} | {descriptor.Category} | {severity} |", unshipped);
        Assert.Contains($"[{id}](docs/rules/{id}.md)", File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")));
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "README.md")));
    }

    // A severity entry turns a rule on, so the preset leaves the rules that are off by default alone: it makes the
    // rules a project runs errors, it does not add opt-in ones.
    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsAnErrorInTheAllErrorsPreset_UnlessOffByDefault(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        string preset = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "K8sManifestAnalyzers.Package", "build", "K8sManifestAnalyzers.AllErrors.globalconfig"));
        if (descriptor.IsEnabledByDefault)
        {
            Assert.Contains($"dotnet_diagnostic.{id}.severity = error", preset);
        }
        else
        {
            Assert.DoesNotContain($"dotnet_diagnostic.{id}.", preset);
        }
    }

    // Over 17 public repositories every production KMA113 named a Secret consumed outside the C#: the unused-object
    // rules are the opt-in of projects that create every consumer in C#; digests everywhere (KMA011) and Always
    // everywhere (KMA012) are team policies. Their pages say how to turn them on.
    [Fact]
    public void OptInRules_AreOffByDefault_AndTheirPagesSayHowToTurnThemOn()
    {
        foreach (var descriptor in AllDescriptors())
        {
            Assert.Equal(descriptor.Id is not ("KMA011" or "KMA012" or "KMA113" or "KMA116"), descriptor.IsEnabledByDefault);
        }

        foreach (var id in new[] { "KMA011", "KMA012", "KMA113", "KMA116" })
        {
            string page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md"));
            Assert.Contains($"dotnet_diagnostic.{id}.severity = ", page);
            Assert.Contains("off by default", page, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void CompilationEndRules_AreTagged_AndTheirPagesSaySo(string id)
    {
        // The descriptor says whether the rule runs at compilation end; the lists in the docs follow it
        // (CompilationEndRules_AreListedAsTheDescriptorsTagThem).
        var descriptor = AllDescriptors().First(d => d.Id == id);
        if (descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
        {
            Assert.Contains("full solution analysis", File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", id + ".md")), StringComparison.OrdinalIgnoreCase);
        }
    }

    // A rule may have one descriptor per message shape (as NetAnalyzers' CA1859 does); they differ in nothing else.
    [Fact]
    public void DescriptorsOfOneRule_DifferOnlyInTheirMessage_AndCategoriesAreStandard()
    {
        var descriptors = AllDescriptors();
        foreach (var rule in descriptors.GroupBy(d => d.Id))
        {
            var first = rule.First();
            Assert.All(rule, d =>
            {
                Assert.Equal(first.Title.ToString(), d.Title.ToString());
                Assert.Equal(first.Category, d.Category);
                Assert.Equal(first.DefaultSeverity, d.DefaultSeverity);
                Assert.Equal(first.HelpLinkUri, d.HelpLinkUri);
                Assert.Equal(first.CustomTags, d.CustomTags);
                Assert.Equal(first.Description.ToString(), d.Description.ToString());
            });
        }

        Assert.All(descriptors, d => Assert.Contains(d.Category, new[] { "Usage", "Reliability", "Security", "Performance", "Design" }));
    }

    // The rule metadata is written once, in the descriptors; the tables and lists of the docs and the preset follow
    // it. On a mismatch the message gives the text to paste.
    [Fact]
    public void RulesTableOfTheDocs_IsTheDescriptors()
    {
        var expected = new System.Text.StringBuilder();
        expected.Append("| Id | Title | Default severity | Category | Code fix | Page |\n|---|---|---|---|---|---|\n");
        foreach (var descriptor in FirstDescriptorOfEachRule())
        {
            expected.Append($"| {descriptor.Id} | {descriptor.Title} | {Severity(descriptor)} | {descriptor.Category} | {(FixableIds().Contains(descriptor.Id) ? "Yes" : "No")} | [{descriptor.Id}]({descriptor.Id}.md) |\n");
        }

        string docs = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "README.md")).Replace("\r\n", "\n");
        Assert.True(docs.Contains(expected.ToString(), StringComparison.Ordinal), "docs/rules/README.md should have this table:\n" + expected);
    }

    [Fact]
    public void RulesTablesOfTheReadme_HaveTheDescriptorsSeverityAndFix()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "README.md")).Where(line => line.StartsWith("| [KMA", StringComparison.Ordinal)).ToList();
        var fixable = FixableIds();
        foreach (var descriptor in FirstDescriptorOfEachRule())
        {
            var row = Assert.Single(rows, line => line.StartsWith($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) |", StringComparison.Ordinal));
            var cells = row.Split(" | ");
            Assert.True(cells[2].TrimEnd('|', ' ') == Severity(descriptor), $"README: the severity of {descriptor.Id} is '{Severity(descriptor)}': {row}");
            if (cells.Length > 3)
            {
                Assert.True((cells[3].TrimEnd('|', ' ') != "—") == fixable.Contains(descriptor.Id), $"README: {descriptor.Id} {(fixable.Contains(descriptor.Id) ? "has" : "has no")} code fix: {row}");
            }
        }
    }

    [Fact]
    public void CompilationEndRules_AreListedAsTheDescriptorsTagThem()
    {
        var ids = FirstDescriptorOfEachRule().Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Select(d => d.Id).ToList();
        string list = Ranges(ids);
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "README.md"));
        Assert.True(docs.Contains(list + " are [compilation-end rules]", StringComparison.Ordinal), $"docs/rules/README.md should say: {list} are [compilation-end rules](#compilation-end-rules)");
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        Assert.True(readme.Contains("Compilation-end rules (" + list + ")", StringComparison.Ordinal), $"README.md should say: Compilation-end rules ({list})");
    }

    private static IEnumerable<DiagnosticDescriptor> FirstDescriptorOfEachRule() =>
        AllDescriptors().GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal);

    private static string Severity(DiagnosticDescriptor descriptor) =>
        descriptor.DefaultSeverity + (descriptor.IsEnabledByDefault ? string.Empty : ", off by default");

    private static HashSet<string> FixableIds() =>
        typeof(AddPullPolicyCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();

    // "KMA009, KMA101 to KMA104 and KMA111 to KMA116": runs of consecutive ids as ranges.
    private static string Ranges(IReadOnlyList<string> ids)
    {
        var runs = new List<string>();
        for (int i = 0; i < ids.Count;)
        {
            int j = i;
            while (j + 1 < ids.Count && int.Parse(ids[j + 1].AsSpan(3)) == int.Parse(ids[j].AsSpan(3)) + 1)
            {
                j++;
            }

            runs.Add(j == i ? ids[i] : j == i + 1 ? ids[i] + ", " + ids[j] : ids[i] + " to " + ids[j]);
            i = j + 1;
        }

        return runs.Count == 1 ? runs[0] : string.Join(", ", runs.Take(runs.Count - 1)) + " and " + runs[^1];
    }

    [Fact]
    public void EveryFixableId_BelongsToAnAnalyzer()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToHashSet();
        foreach (var fixer in typeof(AddPullPolicyCodeFix).Assembly.GetTypes()
                     .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                     .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!))
        {
            // KMA007's fix undoes a choice made on purpose (Never): one finding at a time, never by Fix All.
            if (!fixer.FixableDiagnosticIds.SequenceEqual(new[] { "KMA007" }))
            {
                Assert.NotNull(fixer.GetFixAllProvider());
            }

            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }

    [Fact]
    public void AnalyzerAssembly_ReferencesRoslyn48_AndNotWorkspaces()
    {
        var references = typeof(ContainerAnalyzer).Assembly.GetReferencedAssemblies();
        var roslyn = references.Single(r => r.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(new Version(4, 8, 0, 0), roslyn.Version);
        Assert.Equal(new Version(4, 8, 0, 0), references.Single(r => r.Name == "Microsoft.CodeAnalysis.CSharp").Version);
        Assert.DoesNotContain(references, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
        Assert.Equal(".NETStandard,Version=v2.0", typeof(ContainerAnalyzer).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName);
    }

    private static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(ContainerAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Distinct() // an analyzer may report another's rule (ContainerImageAnalyzer reports KMA008 too)
            .ToList();

    private static string FindRepositoryRoot([CallerFilePath] string path = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(path)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "K8sManifestAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
