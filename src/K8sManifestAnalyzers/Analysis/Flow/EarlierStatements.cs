using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Flow
{
    /// <summary>
    /// Which operations of a body run before a given one on every path to it: those earlier in the text that are in a
    /// block enclosing it (not in another branch, switch section or loop). Used where a later list write must see the
    /// entries listed before it (KMA106, KMA119).
    /// </summary>
    internal sealed class EarlierStatements
    {
        private readonly IOperation _later;
        private readonly HashSet<IOperation> _enclosing = new();

        internal EarlierStatements(IOperation later)
        {
            _later = later;
            for (var current = later.Parent; current is not null; current = current.Parent)
            {
                _enclosing.Add(current);
            }
        }

        /// <summary>True when <paramref name="operation"/> is earlier in the text and on every path to the later operation.</summary>
        internal bool RunsBefore(IOperation operation) =>
            operation.Syntax.SyntaxTree == _later.Syntax.SyntaxTree
            && operation.Syntax.SpanStart < _later.Syntax.SpanStart
            && InEnclosingBlock(operation);

        private bool InEnclosingBlock(IOperation operation)
        {
            for (var current = operation; current.Parent is { } parent; current = parent)
            {
                if (parent is IBlockOperation)
                {
                    return _enclosing.Contains(parent);
                }

                if (parent is IConditionalOperation or ISwitchCaseOperation or ILoopOperation or ITryOperation)
                {
                    return _enclosing.Contains(parent) && parent is not IConditionalOperation and not ISwitchCaseOperation;
                }
            }

            return false;
        }
    }
}
