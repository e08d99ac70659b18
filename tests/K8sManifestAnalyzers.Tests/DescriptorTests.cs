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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    // rules a project runs errors, it does not add opt-in ones. On a mismatch the message gives the block to paste.
    [Fact]
    public void AllErrorsPreset_MakesEveryRuleOnByDefaultAnError()
    {
        var expected = new System.Text.StringBuilder();
        foreach (var descriptor in FirstDescriptorOfEachRule().Where(d => d.IsEnabledByDefault))
        {
            expected.Append($"dotnet_diagnostic.{descriptor.Id}.severity = error\n");
        }

        string path = Path.Combine(RepositoryRoot, "src", "K8sManifestAnalyzers.Package", "build", "K8sManifestAnalyzers.AllErrors.globalconfig");
        var entries = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            {
                entries.Append(line.TrimEnd()).Append('\n');
            }
        }

        Assert.True(entries.ToString() == expected.ToString(), "K8sManifestAnalyzers.AllErrors.globalconfig should have exactly these entries:\n" + expected);
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

    // The README describes each rule in its own words, so only its severity and whether it has a fix are checked. On a
    // mismatch the message gives each row as it should read: the row with the severity and fix cells corrected, or a
    // new row whose description (the title here) and fix text are to be written.
    [Fact]
    public void RulesTablesOfTheReadme_HaveTheDescriptorsSeverityAndFix()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "README.md")).Where(line => line.StartsWith("| [KMA", StringComparison.Ordinal)).ToList();
        var fixable = FixableIds();
        var expected = new List<string>();
        foreach (var descriptor in FirstDescriptorOfEachRule())
        {
            string start = $"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) |";
            bool hasFix = fixable.Contains(descriptor.Id);
            var found = rows.Where(line => line.StartsWith(start, StringComparison.Ordinal)).ToList();
            if (found.Count != 1)
            {
                expected.Add($"{descriptor.Id} should have one row ({found.Count} now): {start} {descriptor.Title} | {Severity(descriptor)} | {(hasFix ? "<what the fix does>" : "—")} |");
                continue;
            }

            string row = found[0];
            var cells = row.Split(" | ");
            string last = cells.Length == 3 ? " |" : string.Empty;
            bool wrong = false;
            if (cells[2].TrimEnd('|', ' ') != Severity(descriptor))
            {
                cells[2] = Severity(descriptor) + last;
                wrong = true;
            }

            // The rows of the tables without a fix column (declaration and YAML rules) have three cells.
            if (cells.Length > 3 && (cells[3].TrimEnd('|', ' ') != "—") != hasFix)
            {
                cells[3] = (hasFix ? "<what the fix does>" : "—") + (cells.Length == 4 ? " |" : string.Empty);
                wrong = true;
            }

            if (wrong)
            {
                expected.Add(string.Join(" | ", cells));
            }
        }

        Assert.True(expected.Count == 0, "README.md: these rows should read:\n" + string.Join("\n", expected));
    }

    // One file per rule: a rule file declares the descriptors of the ids it reports (as a part of Descriptors) and
    // reports no other file's. A use of a descriptor is any use but a list of them (a rule set's Descriptors, an
    // analyzer's SupportedDiagnostics), anywhere in the analyzer project. Read from the sources: which file declares a
    // field is not in the assembly.
    [Fact]
    public void RuleFiles_DeclareTheDescriptorsTheyReport_AndNoOtherFileReportsThem()
    {

        string project = Path.Combine(RepositoryRoot, "src", "K8sManifestAnalyzers");
        string rules = Path.Combine(project, "Rules") + Path.DirectorySeparatorChar;
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        var usedIn = new List<(string Field, string File)>();
        foreach (var path in Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(project, path).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            foreach (var node in root.DescendantNodes())
            {
                if (node is VariableDeclaratorSyntax declarator
                    && IsDescriptorField(declarator.Identifier.ValueText)
                    && declarator.Ancestors().OfType<ClassDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText == "Descriptors")
                {
                    Assert.True(declaredIn.TryAdd(declarator.Identifier.ValueText, relative), $"{declarator.Identifier.ValueText} is declared twice");
                }
                else if (node is MemberAccessExpressionSyntax access
                    && IsDescriptorField(access.Name.Identifier.ValueText)
                    && !IsInADescriptorList(access))
                {
                    usedIn.Add((access.Name.Identifier.ValueText, relative));
                }
            }
        }

        // The sources hold every descriptor the assembly has, so nothing was missed by the reading above.
        var fields = typeof(Descriptors).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(fields, declaredIn.Keys.OrderBy(n => n, StringComparer.Ordinal));

        var problems = new List<string>();
        foreach (var (field, file) in declaredIn)
        {
            if (!file.StartsWith("Rules/", StringComparison.Ordinal))
            {
                problems.Add($"{field} is declared in {file}, not in the rule file that reports it");
            }
            else if (!usedIn.Contains((field, file)))
            {
                problems.Add($"{field} is declared in {file} but not reported there");
            }
        }

        foreach (var (field, file) in usedIn.Distinct())
        {
            if (!declaredIn.TryGetValue(field, out var declaration))
            {
                problems.Add($"{file} uses {field}, which is declared nowhere");
            }
            else if (declaration != file)
            {
                problems.Add($"{file} reports {field}, which {declaration} declares: a descriptor is reported by the file that declares it");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool IsDescriptorField(string name) =>
        name.Length > 7 && name.StartsWith("KMA", StringComparison.Ordinal) && char.IsDigit(name[3]) && char.IsDigit(name[4]) && char.IsDigit(name[5]) && name[6] == '_';

    // Inside the initializer of a field or property of type ImmutableArray<DiagnosticDescriptor>.
    private static bool IsInADescriptorList(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            var type = ancestor switch
            {
                PropertyDeclarationSyntax property => property.Type,
                FieldDeclarationSyntax field => field.Declaration.Type,
                _ => null,
            };
            if (type is not null)
            {
                return type.ToString().Replace(" ", string.Empty, StringComparison.Ordinal) == "ImmutableArray<DiagnosticDescriptor>";
            }
        }

        return false;
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
            .Distinct() // an analyzer may report another's rule
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
