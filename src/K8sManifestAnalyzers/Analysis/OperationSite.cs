using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// The C# reader's <see cref="ValueSite"/>: the operation that writes a value (a literal, a field read, an arm, an
    /// interpolation). Only the C# front-end reads <see cref="Operation"/>; the rules see a <see cref="ValueSite"/>.
    /// </summary>
    internal sealed class OperationSite : ValueSite
    {
        private OperationSite(IOperation operation)
        {
            Operation = operation;
        }

        /// <summary>The operation that writes the value.</summary>
        internal IOperation Operation { get; }

        internal override Location Location => Operation.Syntax.GetLocation();

        internal override bool IsImplicit => Operation.IsImplicit;

        internal static OperationSite Of(IOperation operation) => new(operation);

        /// <summary>The operation of a site the C# reader made; null for another front-end's.</summary>
        internal static IOperation? OperationOf(ValueSite? site) => (site as OperationSite)?.Operation;

        internal override string Describe() => ValueFolder.Describe(Operation);

        internal override bool IsWithin(Location outer) =>
            Operation.Syntax.SyntaxTree == outer.SourceTree && outer.SourceSpan.Contains(Operation.Syntax.Span);

        /// <summary>True when the site is written inside <paramref name="outer"/>.</summary>
        internal bool IsWithin(IOperation outer) =>
            Operation.Syntax.SyntaxTree == outer.Syntax.SyntaxTree && outer.Syntax.Span.Contains(Operation.Syntax.Span);

        internal override bool SameAs(ValueSite other) =>
            other is OperationSite { Operation.Syntax: var theirs }
                ? theirs == Operation.Syntax || (theirs.SyntaxTree == Operation.Syntax.SyntaxTree && theirs.Span == Operation.Syntax.Span)
                : base.SameAs(other);
    }
}
