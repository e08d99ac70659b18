using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// Every code fix on every test input that offers one. For each input that compiles, each finding's offered fixes
/// are applied one at a time, and each fixable rule is fixed with Fix All; the result must compile with no error and
/// have fewer findings of the fixed rule. Inputs that do not compile on their own (half-typed code, builders whose
/// generated source the workspace lacks) are skipped and counted.
/// </summary>
public sealed class FixEveryInputTests(ITestOutputHelper output)
{
    private const int Shards = 2;

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers => MutationTests.Analyzers;

    public static TheoryData<int> ShardNumbers() => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(ShardNumbers))]
    public async Task EveryOfferedFix_AndFixAll_CompilesAndRemovesItsFinding(int shard)
    {
        var inputs = MutationTests.Inputs();
        int compiled = 0, skipped = 0, single = 0, fixAll = 0;
        for (int index = shard; index < inputs.Count; index += Shards)
        {
            var input = inputs[index];
            var document = await CommandLineFixer.CreateDocumentAsync(input.Source);
            var findings = await AnalyzeAsync(document.Project);
            if (findings is null)
            {
                skipped++;
                continue;
            }

            compiled++;
            foreach (var finding in findings.Value.Where(d => d.Location.IsInSource))
            {
                foreach (var fixer in CommandLineFixer.Fixers.Where(f => f.FixableDiagnosticIds.Contains(finding.Id)))
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (a, _) => actions.Add(a), CancellationToken.None));
                    foreach (var action in actions.SelectMany(Flatten))
                    {
                        single++;
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                        await AssertFixedAsync(changed.GetProject(document.Project.Id)!, finding.Id, Count(findings.Value, finding.Id), $"{input.Origin}: '{action.Title}' on {finding}");
                    }
                }
            }

            foreach (string rule in findings.Value.Select(d => d.Id).Distinct().Where(id => CommandLineFixer.Fixers.Any(f => f.FixableDiagnosticIds.Contains(id))))
            {
                var solution = await CommandLineFixer.FixAsync(document.Project.Solution, rule, all => all[0]);
                if (solution == document.Project.Solution)
                {
                    continue;
                }

                fixAll++;
                var project = solution.GetProject(document.Project.Id)!;
                var text = await project.Documents.Single().GetTextAsync();
                if (text.ToString() != input.Source)
                {
                    await AssertFixedAsync(project, rule, Count(findings.Value, rule), $"{input.Origin}: Fix All {rule}");
                }
            }
        }

        output.WriteLine($"shard {shard}: {compiled} inputs compiled ({skipped} skipped), {single} single fixes and {fixAll} Fix All runs applied");
        Assert.True(single > 0 && fixAll > 0);
    }

    // A group's choices ("Set ImagePullPolicy" > each value). Roslyn 4.8 keeps them in a non-public property.
    private static IEnumerable<CodeAction> Flatten(CodeAction action)
    {
        const System.Reflection.BindingFlags Any = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var property = typeof(CodeAction).GetProperty("NestedActions", Any) ?? typeof(CodeAction).GetProperty("NestedCodeActions", Any)
            ?? throw new InvalidOperationException("CodeAction has no nested-actions property");
        var nested = (ImmutableArray<CodeAction>)property.GetValue(action)!;
        return nested.IsDefaultOrEmpty ? new[] { action } : nested.SelectMany(Flatten);
    }

    private static int Count(ImmutableArray<Diagnostic> findings, string id) => findings.Count(d => d.Id == id && d.Location.IsInSource);

    private static async Task AssertFixedAsync(Project project, string rule, int before, string what)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{what} does not compile: {string.Join("; ", errors)}\n{(await project.Documents.Single().GetTextAsync())}");
        var after = await compilation.WithAnalyzers(Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.True(Count(after, rule) < before, $"{what} left {Count(after, rule)} of {before} {rule} findings\n{(await project.Documents.Single().GetTextAsync())}");
    }

    /// <summary>Our findings, or null when the input does not compile on its own.</summary>
    private static async Task<ImmutableArray<Diagnostic>?> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        if (compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        return await compilation.WithAnalyzers(Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }
}
