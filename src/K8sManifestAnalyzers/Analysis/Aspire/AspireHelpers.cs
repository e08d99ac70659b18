using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using K8sManifestAnalyzers.Analysis.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// The app host's own methods that take part in a container resource's builder chain, read once per compilation:
    /// their bodies (with the flow of the KubernetesClient method summaries when there is one, so their locals are
    /// followed), the methods that add a container and return its builder (<c>AddSeq(this IDistributedApplicationBuilder
    /// b, string tag = "latest") =&gt; b.AddContainer("seq", "datalust/seq", tag)</c>), and the calls to those in the
    /// compilation. Methods of other assemblies, abstract, virtual and partial methods, and local functions are not read.
    /// </summary>
    internal sealed class AspireHelpers
    {
        private readonly Compilation _compilation;
        private readonly AspireTypes _types;
        private readonly CompilationFacts _facts;
        private readonly ConcurrentDictionary<IMethodSymbol, StrongBox<AspireHelperBody?>> _bodies = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, StrongBox<AspireFactory?>> _factories = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IInvocationOperation>> _callSites = new(SymbolEqualityComparer.Default);

        private readonly System.Lazy<Dictionary<string, List<InvocationExpressionSyntax>>> _invocations;

        internal AspireHelpers(Compilation compilation, AspireTypes types, CompilationFacts facts)
        {
            _compilation = compilation;
            _types = types;
            _facts = facts;
            _invocations = new System.Lazy<Dictionary<string, List<InvocationExpressionSyntax>>>(IndexInvocations, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The body of a method of the compilation that can be followed; null for any other.</summary>
        internal AspireHelperBody? BodyOf(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return _bodies.GetOrAdd(method, m => new StrongBox<AspireHelperBody?>(BuildBody(m))).Value;
        }

        /// <summary>
        /// The container a method of the compilation adds and returns the builder of, on every path; null when it is not
        /// such a method (it receives the builder, returns several, or something else).
        /// </summary>
        internal AspireFactory? FactoryOf(IMethodSymbol method)
        {
            // Cheap tests first: this runs for every call in an app host.
            if (!_types.IsBuilder(method.ReturnType) || !KubernetesTypes.IsInSource(method) || ReceivesBuilder(method))
            {
                return null;
            }

            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return _factories.GetOrAdd(method, m => new StrongBox<AspireFactory?>(BuildFactory(m))).Value;
        }

        /// <summary>True when the method's first parameter is a resource builder: a helper that goes on with the builder it is given.</summary>
        internal bool ReceivesBuilder(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            return method.Parameters.Length > 0 && _types.IsBuilder(method.Parameters[0].Type);
        }

        /// <summary>The calls to <paramref name="method"/> written in the compilation, in the order of its trees and their text.</summary>
        internal ImmutableArray<IInvocationOperation> CallSitesOf(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return _callSites.GetOrAdd(method, FindCallSites);
        }

        private ImmutableArray<IInvocationOperation> FindCallSites(IMethodSymbol method)
        {
            var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
            if (!Invocations.TryGetValue(method.Name, out var named))
            {
                return calls.ToImmutable();
            }

            SemanticModel? model = null;
            foreach (var invocation in named)
            {
                if (model?.SyntaxTree != invocation.SyntaxTree)
                {
#pragma warning disable RS1030 // The callers of a helper are in other members and often other files; looked up once per compilation.
                    model = _compilation.GetSemanticModel(invocation.SyntaxTree);
#pragma warning restore RS1030
                }

                if (model.GetOperation(invocation) is IInvocationOperation call
                    && SymbolEqualityComparer.Default.Equals((call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition, method))
                {
                    calls.Add(call);
                }
            }

            return calls.ToImmutable();
        }

        // Every invocation of the compilation by the name it calls, in the order of the trees and their text: one walk of
        // the syntax per compilation, the first time a helper's callers are asked for.
        private Dictionary<string, List<InvocationExpressionSyntax>> Invocations => _invocations.Value;

        private Dictionary<string, List<InvocationExpressionSyntax>> IndexInvocations()
        {
            var index = new Dictionary<string, List<InvocationExpressionSyntax>>(System.StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax invocation && InvokedName(invocation) is { } name)
                    {
                        string text = name.Identifier.ValueText;
                        if (!index.TryGetValue(text, out var list))
                        {
                            index.Add(text, list = new List<InvocationExpressionSyntax>());
                        }

                        list.Add(invocation);
                    }
                }
            }

            return index;
        }

        private static SimpleNameSyntax? InvokedName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            SimpleNameSyntax name => name,
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };

        private AspireHelperBody? BuildBody(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsExtern || method.IsPartialDefinition
                || ((method.IsVirtual || method.IsOverride) && !method.IsSealed)
                || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax syntax
                || !_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                return null;
            }

            // The KubernetesClient summary's body, when there is one: the same bound operations, and its flow for locals.
            if (_facts.Types is { } kubernetes && _facts.Values.Methods?.Get(method, kubernetes) is { } summary)
            {
                return new AspireHelperBody(method, summary.Index.Root, summary.Flow);
            }

#pragma warning disable RS1030 // The helper's body is in another member, often another file: bound once and cached.
            var root = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
            return root is null ? null : new AspireHelperBody(method, root, null);
        }

        private AspireFactory? BuildFactory(IMethodSymbol method)
        {
            if (BodyOf(method) is not { } body)
            {
                return null;
            }

            IInvocationOperation? start = null;
            foreach (var operation in body.Root.Descendants())
            {
                if (operation is not IReturnOperation returned || AspireChainReader.InsideFunction(operation, body.Root))
                {
                    continue;
                }

                // Every return gives back the builder of one and the same call.
                if (returned.ReturnedValue is not { } value || StartOf(value, body.Root) is not { } found || (start is not null && found.Syntax != start.Syntax))
                {
                    return null;
                }

                start = found;
            }

            return start is null ? null : new AspireFactory(body, start);
        }

        // The call a returned builder comes from: AddContainer, or a call to another method that returns a builder it does
        // not receive, through the calls that keep the builder and a local assigned once.
        private IInvocationOperation? StartOf(IOperation value, IOperation root)
        {
            for (int hops = 0; hops < 32; hops++)
            {
                value = ObjectMembers.WithoutConversions(value);
                switch (value)
                {
                    case IInvocationOperation call when _types.Classify(call.TargetMethod) == AspireCall.AddContainer:
                        return call;
                    case IInvocationOperation call when _types.IsBuilder(call.Type) && ReceivesBuilder(call.TargetMethod) && ReceiverOf(call) is { } receiver
                        && (_types.Classify(call.TargetMethod) is not (AspireCall.None or AspireCall.AddContainer) || _types.KeepsImage(call.TargetMethod) || KubernetesTypes.IsInSource(call.TargetMethod)):
                        value = receiver;
                        continue;
                    case IInvocationOperation call when _types.IsBuilder(call.Type) && KubernetesTypes.IsInSource(call.TargetMethod):
                        return call;
                    case ILocalReferenceOperation local when InitializerOf(local.Local, root) is { } initializer:
                        value = initializer;
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The value given for a method's first parameter (the builder a fluent call goes on with).</summary>
        internal static IOperation? ReceiverOf(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        // The value of a local assigned once, where it is declared: null when it is declared without one, assigned again
        // (`web = builder.AddContainer(…)`) or passed by reference, since the builder returned may then be another one.
        private static IOperation? InitializerOf(ILocalSymbol local, IOperation root)
        {
            IOperation? initializer = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.Initializer?.Value is not { } value || initializer is not null)
                        {
                            return null;
                        }

                        initializer = value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        return null;
                }
            }

            return initializer;
        }
    }
}
