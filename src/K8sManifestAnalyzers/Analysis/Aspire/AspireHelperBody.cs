using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>The bound body of an app host's helper method, with its flow when the method summaries have one.</summary>
    internal sealed class AspireHelperBody
    {
        internal AspireHelperBody(IMethodSymbol method, IOperation root, BodyFlow? flow)
        {
            Method = method;
            Root = root;
            Flow = flow;
        }

        /// <summary>The method's definition (a generic helper's body speaks of its own parameters).</summary>
        internal IMethodSymbol Method { get; }

        internal IOperation Root { get; }

        internal BodyFlow? Flow { get; }

        /// <summary>True when <paramref name="location"/> is in the method's declaration.</summary>
        internal bool Contains(Location location) =>
            location.SourceTree == Root.Syntax.SyntaxTree && Root.Syntax.Span.Contains(location.SourceSpan);
    }
}
