using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Summaries
{
    /// <summary>
    /// Summaries of the methods of the compilation, computed on demand from their own bodies and cached by symbol for
    /// the compilation's lifetime: a call to an edited method is summarized again only in the new compilation the edit
    /// creates. Methods in other assemblies, abstract or virtual methods, and calls deeper than
    /// <see cref="MaxDepth"/> are not followed.
    /// </summary>
    internal sealed class MethodSummaries
    {
        /// <summary>How many calls deep a summary follows calls it makes.</summary>
        internal const int MaxDepth = 3;

        private static readonly MethodSummary None = new(null!, null!, null!, default, default, -1, default, ImmutableHashSet<int>.Empty, null, false);

        private readonly Compilation _compilation;
        private readonly KubernetesTypes _types;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _cache = new(SymbolEqualityComparer.Default);

        internal MethodSummaries(Compilation compilation, KubernetesTypes types)
        {
            _compilation = compilation;
            _types = types;
        }

        /// <summary>
        /// True for methods that cannot write what the rules read: the base library, KubernetesClient itself and
        /// Microsoft's extensions (logging, serialization, LINQ). A method of another assembly may write anything.
        /// </summary>
        internal static bool IsKnownNotToWrite(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                // A delegate runs code of its creator's choosing.
                return false;
            }

            var ns = method.ContainingNamespace;
            while (ns is { ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            // K8sManifests: the generated image builders, which the rules read on their own terms.
            return ns?.Name is "System" or "Microsoft" or "k8s" or Generator.ContainerImageGenerator.Parser.AttributeNamespace;
        }

        /// <summary>
        /// The summary of a method of the compilation, or null when it cannot be followed. A summary is cached only
        /// when nothing cut its construction short (the depth bound, recursion): what is cached is the same whichever
        /// call asked first and on whichever thread, so results do not depend on the order analyzers run in.
        /// </summary>
        internal MethodSummary? Get(IMethodSymbol method, KubernetesTypes types, int depth = 1)
        {
            if (depth > MaxDepth)
            {
                t_truncations++;
                return null;
            }

            method = method.ReducedFrom ?? method;
            var key = method.OriginalDefinition;
            if (_cache.TryGetValue(key, out var cached))
            {
                return ReferenceEquals(cached, None) ? null : cached;
            }

            var inProgress = t_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(key))
            {
                // Recursion: the method reads as not followed inside itself.
                t_truncations++;
                return null;
            }

            int truncations = t_truncations;
            MethodSummary? summary;
            try
            {
                summary = Build(key, depth);
            }
            finally
            {
                inProgress.Remove(key);
            }

            if (t_truncations == truncations)
            {
                var stored = _cache.GetOrAdd(key, summary ?? None);
                return ReferenceEquals(stored, None) ? null : stored;
            }

            return summary;
        }

        [ThreadStatic]
        private static HashSet<IMethodSymbol>? t_inProgress;

        [ThreadStatic]
        private static int t_truncations;

        /// <summary>The values a call to a method of the compilation returns, folded with the call's arguments.</summary>
        internal PossibleValues FoldReturn(IInvocationOperation invocation, ValueFolder folder, IValueScope? caller, bool propertyDefaults, int depth)
        {
            if ((caller?.CallDepth ?? 0) >= MaxDepth || (caller?.IsFollowing(invocation.TargetMethod) ?? false)
                || Get(invocation.TargetMethod, _types) is not { ReturnValues.IsDefaultOrEmpty: false } summary)
            {
                return PossibleValues.Unknown;
            }

            var scope = new CallScope(summary, invocation, caller);
            var values = PossibleValues.None;
            for (int i = 0; i < summary.ReturnValues.Length; i++)
            {
                var returned = folder.FoldIn(summary.ReturnValues[i], scope, propertyDefaults, depth);
                foreach (var (subject, test) in summary.ReturnGuards[i])
                {
                    // `if (image.EndsWith(":latest")) return "Always"; return "IfNotPresent";`: a rule that knows the image
                    // keeps the return it reaches.
                    if (!returned.Constants.IsEmpty && ValueTestReader.Of(subject, test, tested => folder.FoldIn(tested, scope, propertyDefaults, depth)) is { } chosen)
                    {
                        returned = returned.TestedBy(chosen);
                    }
                }

                values = values.Union(returned);
            }

            return values.Map(summary.ReturnValues.Length > 1 ? ValueScenario.Branch : ValueScenario.Always, "returned by " + summary.DisplayName + "()");
        }

        /// <summary>
        /// The one expression a method of the compilation returns, on every path (an expression body, or one
        /// <c>return</c> no test chooses); null for any other method.
        /// </summary>
        internal IOperation? PredicateOf(IMethodSymbol method) =>
            Get(method, _types) is { ReturnValues.Length: 1 } summary && summary.ReturnGuards[0].IsEmpty ? summary.ReturnValues[0] : null;

        private MethodSummary? Build(IMethodSymbol method, int depth)
        {
            if (method.IsAbstract || method.IsExtern || (method.IsVirtual || method.IsOverride) && !method.IsSealed || IsKnownNotToWrite(method)
                || method.DeclaringSyntaxReferences.Length != 1
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction))
            {
                return null;
            }

            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
            if (syntax is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax) || !_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // The callee's body is in another member, often another file: it is bound once and cached.
            var root = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
            if (root is null)
            {
                return null;
            }

            var index = BodyIndex.Build(root, _types, depth);
            var flow = new BodyFlow(index, () => ManifestBody.GraphOf(root));
            var returns = ImmutableArray.CreateBuilder<IOperation>();
            var guards = ImmutableArray.CreateBuilder<ImmutableArray<(IOperation Subject, Func<string, bool> Test)>>();
            foreach (var operation in root.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value } && !InsideNestedFunction(operation, root))
                {
                    returns.Add(value);
                    guards.Add(ReturnGuards.Of(operation, root, call => PredicateOf(call.TargetMethod)));
                }
            }

            int returnsParameter = ReturnedParameter(returns);
            var writes = ImmutableArray.CreateBuilder<ParameterWrite>();
            foreach (var write in index.Writes)
            {
                if (write.Instance is { Root: IParameterSymbol parameter } path && Owns(method, parameter))
                {
                    bool onEveryPath = write.OnEveryPath && flow.CoversEveryPathFromEntry(new[] { write.Coverage }) != false;
                    writes.Add(new ParameterWrite(parameter.Ordinal, path.Steps, write, onEveryPath));
                }
            }

            var mayWrite = ImmutableHashSet.CreateBuilder<int>();
            foreach (var path in index.MayWrite)
            {
                if (path.Root is IParameterSymbol parameter && Owns(method, parameter))
                {
                    mayWrite.Add(parameter.Ordinal);
                }
            }

            var created = CreatedObject(returns, index);
            return new MethodSummary(method, index, flow, returns.ToImmutable(), guards.ToImmutable(), returnsParameter, writes.ToImmutable(), mayWrite.ToImmutable(), created, created is not null && _types.HasImage(created.Type));
        }

        private static bool Owns(IMethodSymbol method, IParameterSymbol parameter) =>
            SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method.OriginalDefinition);

        // Every return returns the same parameter unchanged: `return container;` in a fluent builder.
        private static int ReturnedParameter(ImmutableArray<IOperation>.Builder returns)
        {
            int ordinal = -1;
            foreach (var value in returns)
            {
                if (ObjectMembers.WithoutConversions(value) is not IParameterReferenceOperation parameter
                    || (ordinal >= 0 && ordinal != parameter.Parameter.Ordinal))
                {
                    return -1;
                }

                ordinal = parameter.Parameter.Ordinal;
            }

            return ordinal;
        }

        // The object a factory creates: its only return is the creation, or a local assigned once with it.
        private static IObjectCreationOperation? CreatedObject(ImmutableArray<IOperation>.Builder returns, BodyIndex index)
        {
            if (returns.Count != 1)
            {
                return null;
            }

            var value = ObjectMembers.WithoutConversions(returns[0]);
            if (value is ILocalReferenceOperation local && index.AssignmentsOf(local.Local) is { Count: 1 } assignments)
            {
                value = ObjectMembers.WithoutConversions(assignments[0].Value);
            }

            return value as IObjectCreationOperation;
        }

        private static bool InsideNestedFunction(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

    }
}
