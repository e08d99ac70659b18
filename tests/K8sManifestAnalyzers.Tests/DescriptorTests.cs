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
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
        Assert.Contains($"[{id}](docs/rules/{id}.md)", File.ReadAllText(Path.Combine(RepositoryRoot, "README.md")));
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "README.md")));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsAnErrorInTheAllErrorsPreset(string id)
    {
        string preset = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "K8sManifestAnalyzers.Package", "build", "K8sManifestAnalyzers.AllErrors.globalconfig"));
        Assert.Contains($"dotnet_diagnostic.{id}.severity = error", preset);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void CompilationEndRules_AreTagged_AndTheirPagesSaySo(string id)
    {
        var descriptor = AllDescriptors().First(d => d.Id == id);
        bool reportedAtEnd = id is "KMA009" or "KMA101" or "KMA102" or "KMA103" or "KMA104" or "KMA111" or "KMA112" or "KMA113" or "KMA114" or "KMA115" or "KMA116";
        Assert.Equal(reportedAtEnd, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        if (reportedAtEnd)
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
        var references = typeof(PullPolicyAnalyzer).Assembly.GetReferencedAssemblies();
        var roslyn = references.Single(r => r.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(new Version(4, 8, 0, 0), roslyn.Version);
        Assert.Equal(new Version(4, 8, 0, 0), references.Single(r => r.Name == "Microsoft.CodeAnalysis.CSharp").Version);
        Assert.DoesNotContain(references, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
        Assert.Equal(".NETStandard,Version=v2.0", typeof(PullPolicyAnalyzer).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName);
    }

    private static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(PullPolicyAnalyzer).Assembly.GetTypes()
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
