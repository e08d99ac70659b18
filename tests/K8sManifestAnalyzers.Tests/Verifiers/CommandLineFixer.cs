using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// Applies fixes the way <c>dotnet format analyzers</c> does (dotnet/sdk, <c>AnalyzerFormatter</c> and
/// <c>SolutionCodeFixApplier</c>): for each reported rule id in turn, it re-runs every analyzer that supports the id,
/// takes the first registered action of the first finding those analyzers report, whatever its rule, and runs the
/// provider's Fix All for the solution with that action's equivalence key, restricted to the id. Which finding comes
/// first depends on the tool's concurrency, so the caller chooses it. A provider without Fix All (KMA007's) is skipped,
/// as the tool does, with a warning that it cannot fix the rule. The order of the ids is the tool's too (the order in
/// which it met them), so the result of a run must not depend on it: see <see cref="RunAsync"/>.
/// </summary>
internal static class CommandLineFixer
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new ContainerAnalyzer(), new PullSecretAnalyzer());

    public static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(ManifestCodeFixProvider).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>A one-document project with the family's settings (<see cref="VerifierSettings"/>), with an optional .editorconfig.</summary>
    public static async Task<Document> CreateDocumentAsync(string source, string? editorConfig = null)
    {
        var references = await VerifierSettings.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: VerifierSettings.CompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), VerifierSettings.LanguageVersion),
                parseOptions: new CSharpParseOptions(VerifierSettings.LanguageVersion),
                metadataReferences: references))
            .AddDocument(DocumentId.CreateNewId(projectId), "Manifests.cs", SourceText.From(source), filePath: "/src/Manifests.cs");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
        }

        return solution.Projects.Single().Documents.Single();
    }

    /// <summary>The findings of the given analyzers (all of ours by default), compilation-end ones included.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, IEnumerable<DiagnosticAnalyzer>? analyzers = null)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException("no compilation");
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The code does not compile: " + string.Join("; ", errors));
        }

        return await compilation.WithAnalyzers((analyzers ?? Analyzers).ToImmutableArray(), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>One round of the tool for one rule id; <paramref name="pickFirst"/> chooses the finding that comes first.</summary>
    public static async Task<Solution> FixAsync(Solution solution, string diagnosticId, Func<IReadOnlyList<Diagnostic>, Diagnostic> pickFirst)
    {
        var project = solution.Projects.Single();
        var supporting = Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == diagnosticId)).ToList();
        var diagnostics = (await AnalyzeAsync(project, supporting)).Where(d => d.Location.SourceTree is not null).ToList();
        if (!diagnostics.Any(d => d.Id == diagnosticId))
        {
            return solution;
        }

        foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnosticId)))
        {
            var first = pickFirst(diagnostics);
            var document = solution.GetDocument(first.Location.SourceTree)!;
            CodeAction? action = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));

            // dotnet format: "Unable to fix KMAxxx. Code fix X doesn't support Fix All in Solution."
            if (fixer.GetFixAllProvider() is not { } provider)
            {
                continue;
            }

            var context = new FixAllContext(document, fixer, FixAllScope.Solution, action?.EquivalenceKey, new[] { diagnosticId }, new Provider(diagnostics), CancellationToken.None);
            var fixAll = await provider.GetFixAsync(context)
                ?? throw new InvalidOperationException($"Unable to fix {diagnosticId}. Code fix {fixer.GetType().Name} didn't return a Fix All action.");
            var operations = await fixAll.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        return solution;
    }

    /// <summary>One <c>dotnet format analyzers --diagnostics …</c> run: each id in turn, in the given order.</summary>
    public static async Task<Solution> RunAsync(Solution solution, IEnumerable<string> diagnosticIds, Func<IReadOnlyList<Diagnostic>, Diagnostic>? pickFirst = null)
    {
        foreach (string id in diagnosticIds)
        {
            solution = await FixAsync(solution, id, pickFirst ?? (all => all[0]));
        }

        return solution;
    }

    /// <summary>Every order of <paramref name="items"/>.</summary>
    public static IEnumerable<IReadOnlyList<string>> Permutations(IReadOnlyList<string> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return new[] { items[i] }.Concat(tail).ToList();
            }
        }
    }

    private sealed class Provider(IReadOnlyList<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
