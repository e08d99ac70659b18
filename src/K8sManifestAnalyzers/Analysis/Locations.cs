using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Analysis
{
    internal static class Locations
    {
        /// <summary>
        /// Where a container-level diagnostic goes: <c>new V1Container</c> (the keyword and the type, not the whole
        /// initializer), <c>new</c> for a target-typed <c>new()</c>, <c>with</c> for a copy.
        /// </summary>
        internal static Location OfCreation(IOperation creation)
        {
            var syntax = creation.Syntax;
            switch (syntax)
            {
                case ObjectCreationExpressionSyntax explicitNew:
                    return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(explicitNew.NewKeyword.SpanStart, explicitNew.Type.Span.End));
                case ImplicitObjectCreationExpressionSyntax implicitNew:
                    return implicitNew.NewKeyword.GetLocation();
                case WithExpressionSyntax copy:
                    return copy.WithKeyword.GetLocation();
                default:
                    return syntax.GetLocation();
            }
        }

        /// <summary>Where a value-level diagnostic goes: the value expression.</summary>
        internal static Location OfValue(IOperation value) => value.Syntax.GetLocation();
    }
}
