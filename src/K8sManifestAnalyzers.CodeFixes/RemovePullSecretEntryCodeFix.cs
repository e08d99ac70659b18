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
            if (FindList(node) is not { } list)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the entry",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, RemoveElement(list, node)))),
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
                if (FindList(node) is not null && !entries.Contains(node))
                {
                    entries.Add(node);
                }
            }

            root = root.TrackNodes(entries);
            foreach (var entry in entries)
            {
                if (root.GetCurrentNode(entry) is { } current && FindList(current) is { } list)
                {
                    root = root.ReplaceNode(list, RemoveElement(list, current));
                }
            }

            return document.WithSyntaxRoot(root);
        }

        // The collection expression, array or collection initializer the entry is an element of.
        // A brace-wrapped element (`{ { new() { … } } }`) is removed whole.
        private static SyntaxNode? FindList(SyntaxNode entry) => entry.Parent switch
        {
            ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
            InitializerExpressionSyntax complex when complex.IsKind(SyntaxKind.ComplexElementInitializerExpression) => null,
            InitializerExpressionSyntax initializer => initializer,
            _ => null,
        };

        private static SyntaxNode RemoveElement(SyntaxNode list, SyntaxNode expression) => list switch
        {
            CollectionExpressionSyntax collection => collection.WithElements(Remove(collection.Elements, (CollectionElementSyntax)expression.Parent!)),
            InitializerExpressionSyntax initializer => initializer.WithExpressions(Remove(initializer.Expressions, (ExpressionSyntax)expression)),
            _ => list,
        };

        // Removes an element with one separator, keeping the layout: the next element takes the removed one's
        // leading trivia, or, for the last element, the previous one takes its trailing trivia.
        private static SeparatedSyntaxList<T> Remove<T>(SeparatedSyntaxList<T> list, T element)
            where T : SyntaxNode
        {
            var items = list.GetWithSeparators();
            int position = items.IndexOf(element);
            if (position + 1 < items.Count)
            {
                items = items.RemoveAt(position + 1).RemoveAt(position);
                if (position < items.Count && items[position].AsNode() is { } next)
                {
                    items = items.Replace(next, next.WithLeadingTrivia(element.GetLeadingTrivia()));
                }
            }
            else if (position > 0)
            {
                items = items.RemoveAt(position).RemoveAt(position - 1);
                if (items[position - 2].AsNode() is { } previous)
                {
                    items = items.Replace(previous, previous.WithTrailingTrivia(element.GetTrailingTrivia()));
                }
            }
            else
            {
                items = items.RemoveAt(position);
            }

            return SyntaxFactory.SeparatedList<T>(items);
        }
    }
}
