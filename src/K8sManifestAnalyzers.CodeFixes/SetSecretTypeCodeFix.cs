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
    /// <summary>
    /// KMA104: gives a pull secret the docker-registry type that matches its data key: rewrites the <c>Type</c>
    /// value, or adds <c>Type = "…"</c> when the Secret has none.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetSecretTypeCodeFix))]
    [Shared]
    public sealed class SetSecretTypeCodeFix : ManifestCodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PullSecretWrongType);

        /// <inheritdoc/>
        protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || Find(root, diagnostic) is not { } edit)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Set the Secret's type to '{edit.Type}'",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(edit.Node, Fix(edit)))),
                    DiagnosticIds.PullSecretWrongType),
                diagnostic);
        }

        /// <inheritdoc/>
        protected override async Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (Find(root, diagnostic) is { } edit && !edits.ContainsKey(edit.Node))
                {
                    edits.Add(edit.Node, Fix(edit));
                }
            }

            return edits.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
        }

        // The reported Type value, or the Secret's creation when it has no Type; and the type to write.
        private static (SyntaxNode Node, BaseObjectCreationExpressionSyntax? Creation, string Type)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var type) || type is null)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation && creation.SpanStart == diagnostic.Location.SourceSpan.Start)
            {
                return (creation, creation, type);
            }

            return node is ExpressionSyntax ? (node, null, type) : null;
        }

        private static SyntaxNode Fix((SyntaxNode Node, BaseObjectCreationExpressionSyntax? Creation, string Type) edit)
        {
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(edit.Type));
            if (edit.Creation is not { } creation)
            {
                return literal.WithTriviaFrom(edit.Node);
            }

            var member = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Type"), literal);
            return ObjectInitializerEditor.AddMember(creation, member);
        }
    }
}
