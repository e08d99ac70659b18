using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// The operations of one block that the hosts' walks judge (constant strings, arguments, creations, <c>with</c>,
    /// assignments, invocations, method references), in the order of <c>DescendantsAndSelf</c>: found by one walk,
    /// whichever host walks the block first, and read by the other from the list. Roslyn hands every analyzer of a
    /// compilation the same operation tree of a body, so the per-body host and the compilation-end host share it; where
    /// they are handed different trees, each walks its own.
    /// </summary>
    internal static class BodyOperations
    {
        private static readonly ConditionalWeakTable<IOperation, List<IOperation>> Cache = new();

        internal static List<IOperation> Of(IOperation block) => Cache.GetValue(block, Collect);

        private static List<IOperation> Collect(IOperation block)
        {
            var operations = new List<IOperation>();
            foreach (var operation in block.DescendantsAndSelf())
            {
                switch (operation.Kind)
                {
                    case OperationKind.Literal:
                    case OperationKind.InterpolatedString:
                    case OperationKind.Binary:
                    case OperationKind.Utf8String:
                    case OperationKind.Argument:
                    case OperationKind.ObjectCreation:
                    case OperationKind.With:
                    case OperationKind.SimpleAssignment:
                    case OperationKind.CoalesceAssignment:
                    case OperationKind.Invocation:
                    case OperationKind.MethodReference:
                        operations.Add(operation);
                        break;
                }
            }

            return operations;
        }
    }
}
