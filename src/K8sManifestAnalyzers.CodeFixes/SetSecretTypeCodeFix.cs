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
    public sealed class SetSecretTypeCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PullSecretWrongType);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc/>
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var type) || type is null)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var creation = node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
                bool isCreation = creation is not null && creation.SpanStart == diagnostic.Location.SourceSpan.Start;
                if (!isCreation && node is not ExpressionSyntax)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Set the Secret's type to '{type}'",
                        ct => Task.FromResult(context.Document.WithSyntaxRoot(Fix(root, node, isCreation ? creation : null, type))),
                        DiagnosticIds.PullSecretWrongType),
                    diagnostic);
            }
        }

        private static SyntaxNode Fix(SyntaxNode root, SyntaxNode node, BaseObjectCreationExpressionSyntax? creation, string type)
        {
            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(type));
            if (creation is null)
            {
                return root.ReplaceNode(node, literal.WithTriviaFrom(node));
            }

            var member = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Type"), literal);
            return root.ReplaceNode(creation, ObjectInitializerEditor.AddMember(creation, member));
        }
    }
}
