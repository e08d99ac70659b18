using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA002 and KMA004 on YAML written in a C# string (<c>KubernetesYaml.Deserialize&lt;V1Pod&gt;("""…""")</c>): writes
    /// the intended policy, or the repaired image, over the scalar inside the literal. Offered only when the source holds
    /// exactly the scalar the YAML parser read there (plain, or between its own YAML quotes), inside one string token,
    /// and the replacement needs no escaping in any kind of C# string; an escaped scalar (<c>\u0041lways</c>) gets no
    /// fix, and so does a scalar in a constant declared apart from the call (reported outside the call, where the editor
    /// offers no fix). The literal keeps its kind, indentation and every other character.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EditYamlScalarCodeFix))]
    [Shared]
    public sealed class EditYamlScalarCodeFix : ManifestCodeFixProvider
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidPullPolicy, DiagnosticIds.InvalidImageReference);

        /// <inheritdoc/>
        protected override async Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || Edit(root, text, diagnostic) is not { } change)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Write '{change.NewText}' in the YAML string",
                    ct => Task.FromResult(context.Document.WithText(text.WithChanges(change))),
                    Key(diagnostic.Id)),
                diagnostic);
        }

        /// <inheritdoc/>
        protected override async Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var changes = new List<TextChange>();
            var edited = new HashSet<TextSpan>();
            foreach (var diagnostic in diagnostics)
            {
                if (Edit(root, text, diagnostic) is { } change && edited.Add(change.Span))
                {
                    changes.Add(change);
                }
            }

            return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes));
        }

        private static string Key(string id) => "YamlScalar:" + id;

        // The edit of one finding, or null when the scalar is not written plainly in one string token.
        private static TextChange? Edit(SyntaxNode root, SourceText text, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.YamlScalar, out var scalar) || scalar is null
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.YamlReplacement, out var replacement) || replacement is null
                || !IsPlain(replacement) || !diagnostic.Location.IsInSource)
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            if (span.End > text.Length)
            {
                return null;
            }

            var token = root.FindToken(span.Start);
            // Only a string written in the call's argument: a finding in a constant declared elsewhere in the file is
            // reported outside the call (a non-local diagnostic, which the editor does not offer fixes for).
            if (!token.Span.Contains(span) || !IsStringText(token) || !IsInArgument(token))
            {
                return null;
            }

            string written = text.ToString(span);
            if (written == scalar)
            {
                return new TextChange(span, replacement);
            }

            // 'Allways' or "Allways": the finding covers the YAML quotes, which stay.
            if (written.Length == scalar.Length + 2 && (written[0] == '\'' || written[0] == '"') && written[written.Length - 1] == written[0]
                && string.CompareOrdinal(written, 1, scalar, 0, scalar.Length) == 0)
            {
                return new TextChange(new TextSpan(span.Start + 1, scalar.Length), replacement);
            }

            return null;
        }

        // The string is (a piece of) the argument itself: a literal, an interpolated string, or a concatenation of them.
        private static bool IsInArgument(SyntaxToken token)
        {
            SyntaxNode? node = token.Parent;
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax)
            {
                node = node.Parent;
            }

            while (node?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax;
        }

        private static bool IsStringText(SyntaxToken token) =>
            token.IsKind(SyntaxKind.StringLiteralToken)
            || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.InterpolatedStringTextToken);

        // Text that reads the same in every kind of C# string: no quote, backslash, brace or line break.
        private static bool IsPlain(string value)
        {
            foreach (char c in value)
            {
                if (c is '"' or '\\' or '{' or '}' or '\n' or '\r' or '\'')
                {
                    return false;
                }
            }

            return value.Length > 0;
        }
    }
}
