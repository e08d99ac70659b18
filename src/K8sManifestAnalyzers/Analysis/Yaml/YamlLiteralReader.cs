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

            var tree = argument.SyntaxTree;
            var manifest = YamlManifestReader.Read(tree.FilePath, SourceText.From(text), cancellationToken);
            if (manifest.Containers.IsEmpty && manifest.ParseError is null && manifest.ProblemAt is null)
            {
                // A Secret, a ConfigMap, a Service: no location to move, so no map to build (its objects, placed in the
                // string's own text, are not handed on).
                return new YamlManifest(ImmutableArray<YamlContainer>.Empty, null, null, null);
            }

            var map = LiteralTextMap.Build(
                argument,
                text,
                expression => model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null,
                expression => DeclarationOf(expression, model, cancellationToken));
            var mover = new Mover(map, tree, argument.GetLocation());
            var containers = ImmutableArray.CreateBuilder<YamlContainer>(manifest.Containers.Length);
            foreach (var container in manifest.Containers)
            {
                containers.Add(new YamlContainer(
                    container.Name,
                    container.IsImageVolume,
                    mover.Move(container.At),
                    mover.Move(container.ImageEntryAt),
                    mover.Move(container.Image),
                    mover.Move(container.Policy)));
            }

            // KMA301 is said on the literal as a whole; KMA302 on the template expression.
            var problemAt = manifest.ParseError is not null ? mover.Fallback : manifest.ProblemAt is { } at ? mover.Move(at) : null;
            return new YamlManifest(containers.MoveToImmutable(), manifest.ParseError, manifest.Template, problemAt);
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

        private sealed class Mover
        {
            private readonly LiteralTextMap _map;
            private readonly SyntaxTree _tree;

            internal Mover(LiteralTextMap map, SyntaxTree tree, Location fallback)
            {
                _map = map;
                _tree = tree;
                Fallback = fallback;
            }

            /// <summary>The whole argument: where a finding goes when its text is not placed exactly.</summary>
            internal Location Fallback { get; }

            internal Location Move(Location inText) =>
                _map.Map(inText.SourceSpan) is { } span ? Location.Create(_tree, span) : Fallback;

            internal YamlValue? Move(YamlValue? value) =>
                value is null ? null : new YamlValue(value.Text, value.IsScalar, Move(value.Location));
        }
    }
}
