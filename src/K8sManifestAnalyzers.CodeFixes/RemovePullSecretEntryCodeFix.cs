using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>KMA106: removes an empty or duplicate entry from an ImagePullSecrets list.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemovePullSecretEntryCodeFix))]
    [Shared]
    public sealed class RemovePullSecretEntryCodeFix : ManifestCodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidPullSecretEntry);

        /// <inheritdoc/>
        protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (ListElements.FindList(node) is not { } list)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the entry",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, ListElements.RemoveElement(list, node)))),
                    DiagnosticIds.InvalidPullSecretEntry),
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
                if (diagnostic.Location.SourceTree != root.SyntaxTree)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (ListElements.FindList(node) is not null && !entries.Contains(node))
                {
                    entries.Add(node);
                }
            }

            return document.WithSyntaxRoot(ListElements.RemoveAll(root, entries));
        }
    }
}
