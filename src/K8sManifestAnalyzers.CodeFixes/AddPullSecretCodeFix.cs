using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    public sealed class AddPullSecretCodeFix : ManifestCodeFixProvider
    {
        /// <summary>Prefix of the equivalence keys; the Secret's name follows.</summary>
        public const string KeyPrefix = "KMA103:";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingPullSecret);

        /// <inheritdoc/>
        protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || FindSpec(root, diagnostic, out var candidates) is not { } spec || !CanAddPullSecret(spec))
            {
                return;
            }

            bool collectionExpressions = UsesCollectionExpressions(root);
            foreach (var name in candidates)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add the pull secret '{name}'",
                        ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(spec, AddPullSecret(spec, name, collectionExpressions)))),
                        KeyPrefix + name),
                    diagnostic);
            }
        }

        /// <inheritdoc/>
        // Every pod spec gets the chosen Secret once, however many of its images were reported. Without a chosen
        // Secret (a tool asking for the default fix), each spec gets its first candidate: the closest match.
        protected override async Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            string? chosen = equivalenceKey is not null && equivalenceKey.StartsWith(KeyPrefix, System.StringComparison.Ordinal)
                ? equivalenceKey.Substring(KeyPrefix.Length)
                : null;
            var edits = new Dictionary<BaseObjectCreationExpressionSyntax, string>();
            foreach (var diagnostic in diagnostics)
            {
                if (FindSpec(root, diagnostic, out var candidates) is not { } spec || !CanAddPullSecret(spec) || edits.ContainsKey(spec) || candidates.Length == 0)
                {
                    continue;
                }

                if (chosen is null)
                {
                    edits.Add(spec, candidates[0]);
                }
                else if (System.Array.IndexOf(candidates, chosen) >= 0)
                {
                    edits.Add(spec, chosen);
                }
            }

            bool collectionExpressions = UsesCollectionExpressions(root);
            return edits.Count == 0
                ? document
                : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => AddPullSecret(original, edits[original], collectionExpressions)));
        }

        // The pod spec creation (the diagnostic's additional location) and the Secrets the analyzer offers.
        private static BaseObjectCreationExpressionSyntax? FindSpec(SyntaxNode root, Diagnostic diagnostic, out string[] candidates)
        {
            candidates = System.Array.Empty<string>();
            if (diagnostic.AdditionalLocations.Count == 0
                || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
                || !diagnostic.Properties.TryGetValue("Candidates", out var list) || string.IsNullOrEmpty(list))
            {
                return null;
            }

            candidates = list!.Split(',');
            return root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true)
                .FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        }

        // A spec may get the member, or have its value replaced when it lists nothing (`null`, `[]`, an empty
        // array or list); a list with entries the analyzer could not read is left alone.
        private static bool CanAddPullSecret(BaseObjectCreationExpressionSyntax spec)
        {
            foreach (var expression in spec.Initializer?.Expressions ?? default)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ImagePullSecrets" } } existing)
                {
                    return existing.Right switch
                    {
                        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NullLiteralExpression),
                        CollectionExpressionSyntax collection => collection.Elements.Count == 0,
                        ArrayCreationExpressionSyntax array => array.Initializer is null || array.Initializer.Expressions.Count == 0,
                        ImplicitArrayCreationExpressionSyntax => false,
                        BaseObjectCreationExpressionSyntax list => list.Initializer is null || list.Initializer.Expressions.Count == 0,
                        _ => false,
                    };
                }
            }

            return true;
        }

        private static bool UsesCollectionExpressions(SyntaxNode root) =>
            root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 };

        private static BaseObjectCreationExpressionSyntax AddPullSecret(BaseObjectCreationExpressionSyntax spec, string name, bool collectionExpressions)
        {
            string literal = SyntaxFactory.Literal(name).Text;
            var list = SyntaxFactory.ParseExpression(collectionExpressions
                ? $"[new() {{ Name = {literal} }}]"
                : $"new[] {{ new global::k8s.Models.V1LocalObjectReference {{ Name = {literal} }} }}");

            // The fully qualified name is shortened by the simplifier wherever the code's usings allow it.
            list = list.ReplaceNodes(
                list.DescendantNodes().OfType<QualifiedNameSyntax>().Where(name => name.Parent is not QualifiedNameSyntax),
                (_, name) => name.WithAdditionalAnnotations(Simplifier.Annotation));
            // A spec that lists none explicitly (`ImagePullSecrets = []` or `null`) gets its value replaced.
            if (spec.Initializer is { } initializer)
            {
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ImagePullSecrets" } } existing)
                    {
                        return spec.ReplaceNode(existing.Right, list.WithTriviaFrom(existing.Right));
                    }
                }
            }

            var member = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("ImagePullSecrets"), list);
            return ObjectInitializerEditor.AddMember(spec, member);
        }
    }
}
