using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis.Yaml
{
    /// <summary>
    /// The YAML front-end for a constant string handed to a KubernetesClient YAML entry point (<see cref="YamlEntryPoints"/>):
    /// the compiler's value is read by <see cref="YamlManifestReader"/> as a file would be, and every location it gives
    /// is moved to the source through <see cref="LiteralTextMap"/>: onto the scalar inside the literal when the map
    /// places it exactly, else onto the whole argument. The model values are the file reader's, so the rules'
    /// <c>CheckYaml</c> methods judge them unchanged.
    /// </summary>
    internal static class YamlLiteralReader
    {
        /// <summary>
        /// Reads the YAML <paramref name="text"/>, the constant value of <paramref name="argument"/>; null when the text
        /// is not worth parsing (empty or blank).
        /// </summary>
        internal static YamlManifest? Read(ExpressionSyntax argument, string text, SemanticModel model, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            // The map is built when a first location is asked for: a string with nothing to place (a Service) needs none.
            var tree = argument.SyntaxTree;
            var fallback = argument.GetLocation();
            LiteralTextMap? map = null;
            Location Place(TextSpan inText)
            {
                map ??= LiteralTextMap.Build(
                    argument,
                    text,
                    expression => model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null,
                    expression => DeclarationOf(expression, model, cancellationToken));
                return map.Map(inText) is { } span ? Location.Create(tree, span) : fallback;
            }

            var manifest = YamlManifestReader.Read(SourceText.From(text), Place, cancellationToken);

            // KMA301 is said on the literal as a whole; KMA302 on the template expression.
            var problemAt = manifest.ParseError is not null ? fallback : manifest.ProblemAt;
            return new YamlManifest(
                manifest.Containers,
                manifest.ParseError,
                manifest.Template,
                problemAt,
                manifest.Objects,
                manifest.PullSecretLists,
                manifest.DataEntries,
                fallback);
        }

        // The initializer of the constant field or local an expression names (`const string Pod = """…""";`).
        private static ExpressionSyntax? DeclarationOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
            {
                return null;
            }

            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true }) || symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = symbol.DeclaringSyntaxReferences[0];
            return reference.SyntaxTree == expression.SyntaxTree && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                ? value
                : null;
        }
    }
}
