using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Flow
{
    /// <summary>
    /// Path-aware facts of one method body, from Roslyn's control-flow graph, built only when a question needs it:
    /// which assignments of a local reach a read of it, and whether writes cover every path from a creation to the
    /// end of the body.
    /// </summary>
    internal sealed class BodyFlow : IValueScope
    {
        private readonly Func<ControlFlowGraph?> _createGraph;
        private bool _graphBuilt;
        private ControlFlowGraph? _graph;
        private readonly object _gate = new();
        private Dictionary<SyntaxNode, (int Block, int Ordinal)>? _positions;

        internal BodyFlow(BodyIndex index, Func<ControlFlowGraph?> createGraph)
        {
            Index = index;
            _createGraph = createGraph;
        }

        internal BodyIndex Index { get; }

        /// <inheritdoc/>
        public int CallDepth => 0;

        /// <inheritdoc/>
        public bool IsFollowing(IMethodSymbol method) => false;

        /// <inheritdoc/>
        public (IOperation Value, IValueScope? Scope)? Argument(IParameterSymbol parameter) => null;

        /// <inheritdoc/>
        public (IOperation Collection, int Position)? ForEachSource(ISymbol local) => Index.ForEachSource(local);

        /// <inheritdoc/>
        public IReadOnlyList<IOperation>? ReachingValues(ILocalReferenceOperation reference)
        {
            if (Index.AssignmentsOf(reference.Local) is not { Count: > 0 } assignments)
            {
                return null;
            }

            if (assignments.Count == 1 && !assignments[0].IsCoalesce)
            {
                return new[] { assignments[0].Value };
            }

            if (Reaching(reference, assignments) is not { Count: > 0 } reaching)
            {
                return null;
            }

            var values = new List<IOperation>(reaching.Count);
            foreach (int i in reaching)
            {
                if (i < 0)
                {
                    // The local is read before any assignment we could place (or one we cannot read).
                    return null;
                }

                values.Add(assignments[i].Value);
            }

            return values;
        }

        /// <summary>
        /// True when every path from <paramref name="from"/> to the end of the body passes one of
        /// <paramref name="writes"/>; false when some path does not; <see langword="null"/> when the graph cannot
        /// tell (the creation or a write is not in it, for example inside a lambda).
        /// </summary>
        internal bool? CoversEveryPath(SyntaxNode from, IReadOnlyList<SyntaxNode> writes, ILocalSymbol? holder = null)
        {
            if (Graph() is not { } graph || Position(from) is not { } start)
            {
                return null;
            }

            var writeBlocks = new Dictionary<int, int>();
            foreach (var write in writes)
            {
                if (Position(write) is not { } at)
                {
                    return null;
                }

                // The first write of each block is the one that matters for paths through it.
                writeBlocks[at.Block] = writeBlocks.TryGetValue(at.Block, out int existing) ? Math.Min(existing, at.Ordinal) : at.Ordinal;
            }

            if (writeBlocks.TryGetValue(start.Block, out int ordinal) && ordinal >= start.Ordinal)
            {
                return true;
            }

            // With the local that holds the object, a path counts only once the object is used (read, returned,
            // placed) on it: a path that drops the object (`if (!enabled) return;`) leaves no container unset.
            var readBlocks = holder is null ? null : ReadsOf(graph, holder);
            bool usedInStart = readBlocks is null || (readBlocks.TryGetValue(start.Block, out int lastRead) && lastRead > start.Ordinal);
            var visited = new HashSet<(int, bool)> { (start.Block, usedInStart) };
            var queue = new Queue<(BasicBlock Block, bool Used)>();
            EnqueueWith(graph.Blocks[start.Block], usedInStart, queue, visited);
            while (queue.Count > 0)
            {
                var (block, used) = queue.Dequeue();
                if (block.Kind == BasicBlockKind.Exit)
                {
                    if (used)
                    {
                        return false;
                    }

                    continue;
                }

                if (writeBlocks.ContainsKey(block.Ordinal))
                {
                    continue;
                }

                EnqueueWith(block, used || readBlocks is null || readBlocks.ContainsKey(block.Ordinal), queue, visited);
            }

            return true;
        }

        private static void EnqueueWith(BasicBlock block, bool used, Queue<(BasicBlock, bool)> queue, HashSet<(int, bool)> visited)
        {
            foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch?.Destination is { } next && visited.Add((next.Ordinal, used)))
                {
                    queue.Enqueue((next, used));
                }
            }
        }

        // The blocks that read the local, with the position of the last read in each.
        private static Dictionary<int, int> ReadsOf(ControlFlowGraph graph, ILocalSymbol local)
        {
            var reads = new Dictionary<int, int>();
            foreach (var (block, ordinal, operation) in EveryOperation(graph))
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation))
                {
                    reads[block] = ordinal;
                }
            }

            return reads;
        }

        /// <summary>True when every path from the start of the body to its end passes one of <paramref name="writes"/>.</summary>
        internal bool? CoversEveryPathFromEntry(IReadOnlyList<SyntaxNode> writes)
        {
            if (Graph() is not { } graph)
            {
                return null;
            }

            var writeBlocks = new HashSet<int>();
            foreach (var write in writes)
            {
                if (Position(write) is not { } at)
                {
                    return null;
                }

                writeBlocks.Add(at.Block);
            }

            var visited = new HashSet<int> { 0 };
            var queue = new Queue<BasicBlock>();
            Enqueue(graph.Blocks[0], queue, visited);
            while (queue.Count > 0)
            {
                var block = queue.Dequeue();
                if (block.Kind == BasicBlockKind.Exit)
                {
                    return false;
                }

                if (!writeBlocks.Contains(block.Ordinal))
                {
                    Enqueue(block, queue, visited);
                }
            }

            return true;
        }

        private static void Enqueue(BasicBlock block, Queue<BasicBlock> queue, HashSet<int> visited)
        {
            foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                // A branch without a destination leaves by an exception: no object escapes that way.
                if (branch?.Destination is { } next && visited.Add(next.Ordinal))
                {
                    queue.Enqueue(next);
                }
            }
        }

        // The indices of the assignments that reach the read (-1 for a definition that is not one of them).
        private List<int>? Reaching(ILocalReferenceOperation reference, IReadOnlyList<LocalAssignment> assignments)
        {
            if (Graph() is not { } graph || Position(reference.Syntax) is not { } at)
            {
                return null;
            }

            var definitions = new Dictionary<int, List<(int Ordinal, int Assignment)>>();
            foreach (var block in graph.Blocks)
            {
                for (int ordinal = 0; ordinal < block.Operations.Length; ordinal++)
                {
                    foreach (var operation in block.Operations[ordinal].DescendantsAndSelf())
                    {
                        if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                            && SymbolEqualityComparer.Default.Equals(target.Local, reference.Local))
                        {
                            int found = -1;
                            for (int i = 0; i < assignments.Count; i++)
                            {
                                if (assignments[i].Syntax == assignment.Syntax)
                                {
                                    found = i;
                                }
                            }

                            if (!definitions.TryGetValue(block.Ordinal, out var list))
                            {
                                list = new List<(int, int)>();
                                definitions.Add(block.Ordinal, list);
                            }

                            list.Add((ordinal, found));
                        }
                    }
                }
            }

            var result = new List<int>();
            if (Last(definitions, at.Block, at.Ordinal) is { } local)
            {
                result.Add(local);
                return result;
            }

            // The read's own block is not marked visited: a loop back to it brings the definitions after the read.
            var visited = new HashSet<int>();
            var queue = new Queue<BasicBlock>();
            foreach (var branch in graph.Blocks[at.Block].Predecessors)
            {
                if (visited.Add(branch.Source.Ordinal))
                {
                    queue.Enqueue(branch.Source);
                }
            }

            while (queue.Count > 0)
            {
                var block = queue.Dequeue();
                if (block.Kind == BasicBlockKind.Entry)
                {
                    // A path on which the local is not assigned (it was assigned in a way not followed).
                    if (!result.Contains(-1))
                    {
                        result.Add(-1);
                    }

                    continue;
                }

                if (Last(definitions, block.Ordinal, int.MaxValue) is { } definition)
                {
                    if (!result.Contains(definition))
                    {
                        result.Add(definition);
                    }

                    continue;
                }

                foreach (var branch in block.Predecessors)
                {
                    if (visited.Add(branch.Source.Ordinal))
                    {
                        queue.Enqueue(branch.Source);
                    }
                }
            }

            return result;
        }

        private static int? Last(Dictionary<int, List<(int Ordinal, int Assignment)>> definitions, int block, int before)
        {
            if (!definitions.TryGetValue(block, out var list))
            {
                return null;
            }

            int? last = null;
            int lastOrdinal = -1;
            foreach (var (ordinal, assignment) in list)
            {
                if (ordinal < before && ordinal >= lastOrdinal)
                {
                    last = assignment;
                    lastOrdinal = ordinal;
                }
            }

            return last;
        }

        // Built once; a summary's flow is shared by the bodies that call it, on several threads.
        private ControlFlowGraph? Graph()
        {
            lock (_gate)
            {
                if (!_graphBuilt)
                {
                    _graph = _createGraph();
                    _graphBuilt = true;
                }

                return _graph;
            }
        }

        // The block and the position in it of the operation that holds a syntax node.
        private (int Block, int Ordinal)? Position(SyntaxNode syntax)
        {
            if (Graph() is not { } graph)
            {
                return null;
            }

            lock (_gate)
            {
                _positions ??= PositionsOf(graph);
                return _positions.TryGetValue(syntax, out var position) ? position : null;
            }
        }

        private static Dictionary<SyntaxNode, (int Block, int Ordinal)> PositionsOf(ControlFlowGraph graph)
        {
            var positions = new Dictionary<SyntaxNode, (int, int)>();
            foreach (var (block, ordinal, operation) in EveryOperation(graph))
            {
                if (!positions.ContainsKey(operation.Syntax))
                {
                    positions.Add(operation.Syntax, (block, ordinal));
                }
            }

            return positions;
        }

        // Every operation of the graph with its block and its position there (the block's branch value comes last,
        // at ordinal Operations.Length), in block order, each operation before its descendants.
        private static IEnumerable<(int Block, int Ordinal, IOperation Operation)> EveryOperation(ControlFlowGraph graph)
        {
            foreach (var block in graph.Blocks)
            {
                for (int ordinal = 0; ordinal <= block.Operations.Length; ordinal++)
                {
                    var operation = ordinal < block.Operations.Length ? block.Operations[ordinal] : block.BranchValue;
                    if (operation is null)
                    {
                        continue;
                    }

                    foreach (var descendant in operation.DescendantsAndSelf())
                    {
                        yield return (block.Ordinal, ordinal, descendant);
                    }
                }
            }
        }
    }
}
