using System.Collections.Generic;
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
    /// string in the diagnostic's <c>Replacement</c> property, so the fix needs no semantic model. Each action's
    /// equivalence key is its rule's id: Fix All of one rule gives each of its findings its own replacement.
    /// When the analyzer says the value is a named constant declared elsewhere (property <c>ReplaceAt</c> =
    /// <c>Declaration</c>), the literal that declares it (the first additional location) is replaced instead, which
    /// corrects every use at once; Fix All does that for declarations in the document being fixed.
    /// </summary>
    public abstract class ReplaceValueCodeFixBase : ManifestCodeFixProvider
    {
        /// <inheritdoc/>
        protected sealed override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            if (AtDeclaration(diagnostic) is { } declared)
            {
                if (context.Document.Project.Solution.GetDocument(declared.Location.SourceTree) is { } declaring
                    && await declaring.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is { } declaringRoot
                    && declaringRoot.FindNode(declared.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    var solution = context.Document.Project.Solution;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title(diagnostic.Id, declared.Replacement),
                            ct => Task.FromResult(solution.WithDocumentSyntaxRoot(declaring.Id, declaringRoot.ReplaceNode(literal, Literal((literal, declared.Replacement, false))))),
                            diagnostic.Id),
                        diagnostic);
                }

                return;
            }

            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || Find(root, diagnostic) is not { } target)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(diagnostic.Id, target.Replacement),
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(target.Value, Literal(target)))),
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

            // The key names the rule whose action was chosen; when it names none of these findings' rules (a tool
            // passed another rule's key, or none), every finding gets its own fix.
            bool byKey = false;
            foreach (var diagnostic in diagnostics)
            {
                byKey |= diagnostic.Id == equivalenceKey;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if ((!byKey || diagnostic.Id == equivalenceKey) && (Find(root, diagnostic) ?? FindDeclaration(root, diagnostic)) is { } target && !edits.ContainsKey(target.Value))
                {
                    edits.Add(target.Value, Literal(target));
                }
            }

            return edits.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
        }

        /// <summary>The action's title.</summary>
        protected abstract string Title(string diagnosticId, string replacement);

        /// <summary>
        /// Whether the value may be replaced. By default only a string literal is: a constant defined elsewhere is
        /// better fixed where it is defined.
        /// </summary>
        protected virtual bool CanReplace(string diagnosticId, ExpressionSyntax value) => value.IsKind(SyntaxKind.StringLiteralExpression);

        private (ExpressionSyntax Value, string Replacement, bool Member)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree
                || AtDeclaration(diagnostic) is not null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) || replacement is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || !CanReplace(diagnostic.Id, value))
            {
                return null;
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.EnumMember, out var member) && member == "true")
            {
                // An enum member written where the finding is (`ImagePullPolicy.Missing`): renamed, nothing else.
                return value is MemberAccessExpressionSyntax or IdentifierNameSyntax ? (value, replacement, true) : null;
            }

            return (value, replacement, false);
        }

        // The declaring literal of a named constant, when it is in this document.
        private static (ExpressionSyntax Value, string Replacement, bool Member)? FindDeclaration(SyntaxNode root, Diagnostic diagnostic) =>
            AtDeclaration(diagnostic) is { } declared && declared.Location.SourceTree == root.SyntaxTree
            && root.FindNode(declared.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? (literal, declared.Replacement, false)
                : null;

        private static (Location Location, string Replacement)? AtDeclaration(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(DiagnosticProperties.ReplaceAt, out var at) && at == DiagnosticProperties.Declaration
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement) && replacement is not null
            && diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0] is { IsInSource: true } location
                ? (location, replacement)
                : null;

        // The replacing literal, or with `EnumMember` the enum member renamed (`ImagePullPolicy.Missing` to `ImagePullPolicy.Always`).
        private static ExpressionSyntax Literal((ExpressionSyntax Value, string Replacement, bool Member) target) => target.Member
            ? target.Value switch
            {
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(target.Replacement).WithTriviaFrom(access.Name)),
                _ => SyntaxFactory.IdentifierName(target.Replacement).WithTriviaFrom(target.Value),
            }
            : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(target.Replacement))
                .WithTriviaFrom(target.Value);
    }
}
