using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA001: writes <c>ImagePullPolicy = "…"</c> into the container. The first action writes the value the API
    /// server would default for the container's image (when the image is a constant); further actions write each
    /// allowed value. Fix All applies the chosen action's meaning to every container: each its own default, or the
    /// one chosen value.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPullPolicyCodeFix))]
    [Shared]
    public sealed class AddPullPolicyCodeFix : CodeFixProvider
    {
        /// <summary>Equivalence key of the action that writes the API server's default.</summary>
        public const string ServerDefaultKey = "KMA001:ServerDefault";

        /// <summary>Prefix of the equivalence keys of the actions that write one given value.</summary>
        public const string ValueKeyPrefix = "KMA001:";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingPullPolicy);

        /// <inheritdoc/>
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

        /// <inheritdoc/>
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                diagnostic.Properties.TryGetValue(DiagnosticProperties.DefaultPolicy, out var defaultPolicy);
                if (defaultPolicy is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Set ImagePullPolicy to the API server's default for this image ('{defaultPolicy}')",
                            ct => FixAsync(context.Document, new[] { diagnostic }, ServerDefaultKey, ct),
                            ServerDefaultKey),
                        diagnostic);
                }

                // Every value is offered under the same key on every container, so that Fix All of "set 'X'"
                // reaches all of them, whatever their own default.
                foreach (var value in PullPolicy.AllowedValues)
                {
                    string key = ValueKeyPrefix + value;
                    context.RegisterCodeFix(
                        CodeAction.Create($"Set ImagePullPolicy to '{value}'", ct => FixAsync(context.Document, new[] { diagnostic }, key, ct), key),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            context.CodeActionEquivalenceKey is { } key
                ? await FixAsync(document, diagnostics, key, context.CancellationToken).ConfigureAwait(false)
                : document;

        private static async Task<Document> FixAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            SemanticModel? model = null;
            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                string? value = ValueFor(diagnostic, key);
                if (value is null)
                {
                    continue;
                }

                var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

                // An explicit empty policy: rewrite that value.
                if (diagnostic.AdditionalLocations.Count > 0
                    && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax empty)
                {
                    edits[empty] = literal.WithTriviaFrom(empty);
                    continue;
                }

                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                        .FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
                {
                    continue;
                }

                if (creation.Initializer is null && HasNamedArguments(creation))
                {
                    model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model?.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor
                        && HasParameter(constructor, "imagePullPolicy"))
                    {
                        var argument = SyntaxFactory.Argument(literal)
                            .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("imagePullPolicy")));
                        edits[creation] = creation.WithArgumentList(creation.ArgumentList!.AddArguments(argument));
                        continue;
                    }
                }

                var member = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName("ImagePullPolicy"),
                    literal);
                edits[creation] = ObjectInitializerEditor.AddMember(creation, member, after: FindMember(creation, "Image"));
            }

            return edits.Count == 0
                ? document
                : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
        }

        private static string? ValueFor(Diagnostic diagnostic, string key)
        {
            if (key == ServerDefaultKey)
            {
                return diagnostic.Properties.TryGetValue(DiagnosticProperties.DefaultPolicy, out var value) ? value : null;
            }

            if (!key.StartsWith(ValueKeyPrefix, System.StringComparison.Ordinal))
            {
                return null;
            }

            string candidate = key.Substring(ValueKeyPrefix.Length);
            return PullPolicy.IsValid(candidate) ? candidate : null;
        }

        private static bool HasNamedArguments(BaseObjectCreationExpressionSyntax creation)
        {
            if (creation.ArgumentList is null)
            {
                return false;
            }

            foreach (var argument in creation.ArgumentList.Arguments)
            {
                if (argument.NameColon is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static ExpressionSyntax? FindMember(BaseObjectCreationExpressionSyntax creation, string name)
        {
            if (creation.Initializer is null)
            {
                return null;
            }

            foreach (var expression in creation.Initializer.Expressions)
            {
                if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax identifier } && identifier.Identifier.ValueText == name)
                {
                    return expression;
                }
            }

            return null;
        }
    }
}
