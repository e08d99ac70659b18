using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// Shared shape of the fixes that remove one entry from a list written in place (an initializer, an array, a
    /// collection expression): the rule says which entry (<see cref="EntryOf"/>); Fix All removes the entries of one list
    /// in one pass, since the batch fixer would see their edits overlap.
    /// </summary>
    public abstract class RemoveListEntryCodeFixBase : ManifestCodeFixProvider
    {
        /// <summary>The action's title.</summary>
        protected abstract string Title { get; }

        /// <summary>The list entry the diagnostic asks to remove, in <paramref name="root"/>'s document; null for none.</summary>
        protected abstract SyntaxNode? EntryOf(SyntaxNode root, Diagnostic diagnostic);

        /// <inheritdoc/>
        protected sealed override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || EntryOf(root, diagnostic) is not { } entry || ListElements.FindList(entry) is not { } list)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, ListElements.RemoveElement(list, entry)))),
                    diagnostic.Id),
                diagnostic);
        }

        /// <inheritdoc/>
        protected sealed override async Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
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
    }
}
