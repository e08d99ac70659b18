using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>KMA106: removes an empty or duplicate entry from an ImagePullSecrets list.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemovePullSecretEntryCodeFix))]
    [Shared]
    public sealed class RemovePullSecretEntryCodeFix : CodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidPullSecretEntry);

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
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

                // The element of a collection expression, array or collection initializer.
                SyntaxNode? entry = node.Parent switch
                {
                    ExpressionElementSyntax element => element,
                    InitializerExpressionSyntax => node,
                    _ => null,
                };

                if (entry is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the entry",
                        ct => Task.FromResult(context.Document.WithSyntaxRoot(root.RemoveNode(entry, SyntaxRemoveOptions.KeepNoTrivia)!)),
                        DiagnosticIds.InvalidPullSecretEntry),
                    diagnostic);
            }
        }
    }
}
