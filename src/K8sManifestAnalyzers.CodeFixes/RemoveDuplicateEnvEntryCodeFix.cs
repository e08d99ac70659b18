using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA119: removes the earlier of two env entries with the same name, when the analyzer found it safe
    /// (<see cref="DiagnosticProperties.RemoveEntry"/>; the entry is the diagnostic's first additional location).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateEnvEntryCodeFix))]
    [Shared]
    public sealed class RemoveDuplicateEnvEntryCodeFix : ManifestCodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DuplicateEnvName);

        /// <inheritdoc/>
        protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || EntryOf(root, diagnostic) is not { } entry || ListElements.FindList(entry) is not { } list)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the entry that has no effect",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, ListElements.RemoveElement(list, entry)))),
                    DiagnosticIds.DuplicateEnvName),
                diagnostic);
        }

        /// <inheritdoc/>
        // Several entries of one list are removed in one pass (the batch fixer would see their edits overlap).
        protected override async Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var entries = new List<SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (EntryOf(root, diagnostic) is { } entry && ListElements.FindList(entry) is not null && !entries.Contains(entry))
                {
                    entries.Add(entry);
                }
            }

            return document.WithSyntaxRoot(ListElements.RemoveAll(root, entries));
        }

        // The entry the analyzer says may be removed, in this document.
        private static SyntaxNode? EntryOf(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.RemoveEntry)
                || diagnostic.AdditionalLocations.Count == 0
                || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location
                || tree != root.SyntaxTree)
            {
                return null;
            }

            return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        }
    }
}
