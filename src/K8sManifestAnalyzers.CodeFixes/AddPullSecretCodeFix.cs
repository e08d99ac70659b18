using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA103: adds <c>ImagePullSecrets</c> naming a docker-registry Secret defined in the compilation to the pod
    /// spec, one action per candidate Secret.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPullSecretCodeFix))]
    [Shared]
    public sealed class AddPullSecretCodeFix : CodeFixProvider
    {
        /// <summary>Prefix of the equivalence keys; the Secret's name follows.</summary>
        public const string KeyPrefix = "KMA103:";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingPullSecret);

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
                if (diagnostic.AdditionalLocations.Count == 0
                    || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
                    || !diagnostic.Properties.TryGetValue("Candidates", out var candidates) || string.IsNullOrEmpty(candidates)
                    || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true)
                        .FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } spec)
                {
                    continue;
                }

                bool collectionExpressions = root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 };
                foreach (var name in candidates!.Split(','))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Add the pull secret '{name}'",
                            ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(spec, AddPullSecret(spec, name, collectionExpressions)))),
                            KeyPrefix + name),
                        diagnostic);
                }
            }
        }

        private static BaseObjectCreationExpressionSyntax AddPullSecret(BaseObjectCreationExpressionSyntax spec, string name, bool collectionExpressions)
        {
            string literal = SyntaxFactory.Literal(name).Text;
            var list = SyntaxFactory.ParseExpression(collectionExpressions
                ? $"[new() {{ Name = {literal} }}]"
                : $"new[] {{ new global::k8s.Models.V1LocalObjectReference {{ Name = {literal} }} }}")
                .WithAdditionalAnnotations(Simplifier.Annotation);
            var member = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("ImagePullSecrets"), list);
            return ObjectInitializerEditor.AddMember(spec, member);
        }
    }
}
