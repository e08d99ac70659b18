using System.Collections.Immutable;
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
    /// Shared shape of the fixes that write a string literal in place of the reported value; the analyzer puts the
    /// string in the diagnostic's <c>Replacement</c> property, so the fix needs no semantic model.
    /// </summary>
    public abstract class ReplaceValueCodeFixBase : CodeFixProvider
    {
        /// <inheritdoc/>
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                    || !CanReplace(diagnostic.Id, value))
                {
                    continue;
                }

                // One key per rule: Fix All gives every finding its own replacement.
                string key = diagnostic.Id;
                context.RegisterCodeFix(
                    CodeAction.Create(Title(diagnostic.Id, replacement), ct => ReplaceAsync(context.Document, value, replacement, ct), key),
                    diagnostic);
            }
        }

        /// <summary>The action's title.</summary>
        protected abstract string Title(string diagnosticId, string replacement);

        /// <summary>
        /// Whether the value may be replaced. By default only a string literal is: a constant defined elsewhere is
        /// better fixed where it is defined.
        /// </summary>
        protected virtual bool CanReplace(string diagnosticId, ExpressionSyntax value) => value.IsKind(SyntaxKind.StringLiteralExpression);

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement))
                .WithTriviaFrom(value);
            return document.WithSyntaxRoot(root.ReplaceNode(value, literal));
        }
    }
}
