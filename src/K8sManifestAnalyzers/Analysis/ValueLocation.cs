using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>Where a finding about one possible value of a write goes, and what its message says of the origin.</summary>
    internal readonly struct ValueLocation
    {
        private ValueLocation(Location location, bool onConstant, string? from)
        {
            Location = location;
            OnConstant = onConstant;
            From = from;
        }

        internal Location Location { get; }

        /// <summary>True when the finding is on the constant itself, so a fix can replace it where it is written.</summary>
        internal bool OnConstant { get; }

        /// <summary>Where the constant comes from, in words, when the finding is on the write instead; else null.</summary>
        internal string? From { get; }

        /// <summary>
        /// On the constant itself when it is written inside the value (an arm, a fallback, a literal) or elsewhere in the
        /// same member (a local's assignment), where a fix can edit it; otherwise on the written value, with words
        /// saying where the constant comes from.
        /// </summary>
        internal static ValueLocation Of(ManifestValue written, PossibleValue constant) => Of(written, constant.Origin, constant.Description);

        /// <summary>The same for a value with holes: on the interpolation or concatenation that builds it, or on the write.</summary>
        internal static ValueLocation Of(ManifestValue written, PartialValue partial) => Of(written, partial.Origin, partial.Description);

        /// <summary>On a value with holes a call site passes to a method of the compilation, naming the method.</summary>
        internal static ValueLocation Through(PartialValue partial, string through) =>
            new(partial.Origin.Syntax.GetLocation(), true, through);

        private static ValueLocation Of(ManifestValue written, IOperation constant, string? description)
        {
            var origin = constant.Syntax;
            var value = written.Operation?.Syntax ?? origin;
            if (origin.SyntaxTree == value.SyntaxTree && (value.Span.Contains(origin.Span) || SameMember(origin, value)))
            {
                return new ValueLocation(origin.GetLocation(), true, null);
            }

            return new ValueLocation(value.GetLocation(), false, description ?? "from " + ValueFolder.Describe(constant));
        }

        /// <summary>
        /// On a constant a call site passes to a factory: where it is written (a fix can edit it), with words naming the
        /// factory it is passed to.
        /// </summary>
        internal static ValueLocation Through(PossibleValue constant, string through) =>
            new(constant.Origin.Syntax.GetLocation(), true, through);

        private static bool SameMember(SyntaxNode a, SyntaxNode b)
        {
            var member = a.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            return member is not null && member == b.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        }
    }
}
