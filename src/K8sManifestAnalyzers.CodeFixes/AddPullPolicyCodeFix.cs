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
    /// one chosen value. With no action chosen (the command-line fixer), each container gets its own default and a
    /// container whose default is unknown is left alone.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPullPolicyCodeFix))]
    [Shared]
    public sealed class AddPullPolicyCodeFix : ManifestCodeFixProvider
    {
        /// <summary>Equivalence key of the action that writes the API server's default.</summary>
        public const string ServerDefaultKey = "KMA001:ServerDefault";

        /// <summary>Prefix of the equivalence keys of the actions that write one given value.</summary>
        public const string ValueKeyPrefix = "KMA001:";

        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingPullPolicy);

        /// <inheritdoc/>
        protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var values = ImmutableArray.CreateBuilder<CodeAction>(PullPolicy.AllowedValues.Length);
            foreach (var value in PullPolicy.AllowedValues)
            {
                // Every value is offered under the same key on every container, so that Fix All of "set 'X'"
                // reaches all of them, whatever their own default.
                string key = ValueKeyPrefix + value;
                values.Add(CodeAction.Create($"Set ImagePullPolicy to '{value}'", ct => FixAsync(context.Document, new[] { diagnostic }, key, ct), key));
            }

            diagnostic.Properties.TryGetValue(DiagnosticProperties.DefaultPolicy, out var defaultPolicy);
            if (defaultPolicy is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Set ImagePullPolicy to the API server's default for this image ('{defaultPolicy}')",
                        ct => FixAsync(context.Document, new[] { diagnostic }, ServerDefaultKey, ct),
                        ServerDefaultKey),
                    diagnostic);
                foreach (var action in values)
                {
                    context.RegisterCodeFix(action, diagnostic);
                }
            }
            else
            {
                // Without a known default the values come as one group, whose own key is none: a tool that applies
                // the first action of the first finding everywhere (dotnet format) then writes each container's own
                // default, and nothing where it is unknown, instead of one value taken from this container.
                context.RegisterCodeFix(CodeAction.Create("Set ImagePullPolicy", values.ToImmutable(), isInlinable: false), diagnostic);
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        protected override Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken) =>
            FixAsync(document, diagnostics, equivalenceKey, cancellationToken);

        private static async Task<Document> FixAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
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

                var found = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (found.FirstAncestorOrSelf<WithExpressionSyntax>() is { } copy
                    && (found.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } inner || !copy.Span.Contains(inner.Span)))
                {
                    // `Base with { Image = … }` whose original has no policy either: the copy writes one.
                    diagnostic.Properties.TryGetValue(DiagnosticProperties.Member, out var copiedMember);
                    var written = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(copiedMember ?? "ImagePullPolicy"), literal);
                    edits[copy] = copy.WithInitializer(copy.Initializer.AddExpressions(written));
                    continue;
                }

                if (found.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
                {
                    continue;
                }

                if (creation.Initializer is null && HasNamedArguments(creation))
                {
                    model ??= await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    string parameterName = diagnostic.Properties.ContainsKey(DiagnosticProperties.Member) ? "pullPolicy" : "imagePullPolicy";
                    if (model?.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol constructor
                        && HasParameter(constructor, parameterName))
                    {
                        var argument = SyntaxFactory.Argument(literal)
                            .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)));
                        edits[creation] = creation.WithArgumentList(creation.ArgumentList!.AddArguments(argument));
                        continue;
                    }
                }

                // An image volume's members are PullPolicy and Reference.
                diagnostic.Properties.TryGetValue(DiagnosticProperties.Member, out var memberName);
                diagnostic.Properties.TryGetValue(DiagnosticProperties.After, out var afterName);
                var member = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(memberName ?? "ImagePullPolicy"),
                    literal);
                edits[creation] = ObjectInitializerEditor.AddMember(creation, member, after: FindMember(creation, afterName ?? "Image"));
            }

            return edits.Count == 0
                ? document
                : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
        }

        // The value the chosen action writes: one given value, or (the server-default action, or no action chosen)
        // the container's own default, which is none when its image is not a constant.
        private static string? ValueFor(Diagnostic diagnostic, string? key)
        {
            if (key is not null
                && key.StartsWith(ValueKeyPrefix, System.StringComparison.Ordinal)
                && key.Substring(ValueKeyPrefix.Length) is { } candidate
                && PullPolicy.IsValid(candidate))
            {
                return candidate;
            }

            return diagnostic.Properties.TryGetValue(DiagnosticProperties.DefaultPolicy, out var value) ? value : null;
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
