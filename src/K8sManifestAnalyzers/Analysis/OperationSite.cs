using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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

        /// <summary>
        /// On the constant itself when it is written inside the value (an arm, a fallback, a literal) or elsewhere in the
        /// same member (a local's assignment), where a fix can edit it; a named constant (<c>Images.Api</c>) keeps its
        /// name in the message, and one declared by a single literal gives that literal (<see cref="ValueLocation.Declaration"/>).
        /// A constant defined in another member goes where this member chooses it: the value a local that holds it is
        /// assigned (<paramref name="anchor"/>, so two containers that share the local get one finding), else the
        /// written value; with words saying where the constant comes from.
        /// </summary>
        internal override ValueLocation PlaceIn(ValueSite? written, string? description, ValueSite? anchor)
        {
            if (OperationOf(written) is not { } writtenOperation)
            {
                return base.PlaceIn(written, description, anchor);
            }

            var origin = Operation.Syntax;
            var value = writtenOperation.Syntax;
            if (origin.SyntaxTree == value.SyntaxTree && (value.Span.Contains(origin.Span) || SameMember(origin, value)))
            {
                return Operation is IFieldReferenceOperation { Field: { IsConst: true } named }
                    ? new ValueLocation(origin.GetLocation(), true, description, DeclaringLiteral(named))
                    : new ValueLocation(origin.GetLocation(), true, null);
            }

            string from = description ?? "from " + ValueFolder.Describe(Operation);
            var declaration = InitializerLiteral(origin)?.GetLocation();
            if (OperationOf(anchor)?.Syntax is { } chosen && chosen.SyntaxTree == value.SyntaxTree && SameMember(chosen, value))
            {
                return new ValueLocation(chosen.GetLocation(), false, from, declaration);
            }

            return new ValueLocation(value.GetLocation(), false, from, declaration);
        }

        // `const string Api = "…";`: the literal, when the constant is declared by one string literal in source.
        private static Location? DeclaringLiteral(IFieldSymbol field) =>
            field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
            && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.GetLocation()
                : null;

        // A string literal that is the whole initializer of a field or property.
        private static LiteralExpressionSyntax? InitializerLiteral(SyntaxNode origin) =>
            origin is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            && literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax }
                ? literal
                : null;

        private static bool SameMember(SyntaxNode a, SyntaxNode b)
        {
            var member = a.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return member is not null && member == b.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        }
    }
}
