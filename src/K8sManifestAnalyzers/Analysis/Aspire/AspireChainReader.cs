using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sManifestAnalyzers.Analysis.Summaries;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// Collects the calls that set a container resource's image and pull policy, from its <c>AddContainer</c> on: the
    /// fluent chain, a local holding the builder (<c>var seq = builder.AddContainer(…); seq.WithImageTag("2024.3");</c>),
    /// methods of the compilation that receive the builder and return it, and methods that add the container and return
    /// its builder (<c>builder.AddSeq("seq").WithImageTag("2024.3")</c>), each read in its own body with the call's
    /// arguments. The chain is read from the call where the builder is last returned, so a helper's calls come before
    /// those its caller makes after it.
    /// </summary>
    internal sealed class AspireChainReader
    {
        private const int MaxDepth = 3;

        private readonly AspireTypes _types;
        private readonly AspireHelpers? _helpers;
        private readonly List<AspireStep> _steps = new();
        private readonly List<AspireHelperBody> _factories = new();
        private bool _returned;

        private AspireChainReader(AspireTypes types, AspireHelpers? helpers)
        {
            _types = types;
            _helpers = helpers;
        }

        /// <summary>
        /// The steps, in the order they run, from <paramref name="start"/> on (an <c>AddContainer</c> call or a call to a
        /// method of the compilation that adds a container); null when the builder escapes. <paramref name="returned"/>
        /// is true when the builder is also returned from the body being read: its callers decide the rest.
        /// </summary>
        internal static List<AspireStep>? Read(IInvocationOperation start, AspireTypes types, AspireHelpers? helpers, IValueScope? scope, out bool returned, out ImmutableArray<AspireHelperBody> factories)
        {
            var reader = new AspireChainReader(types, helpers);
            var context = new Context(ContainerReader.Root(start), scope, ImmutableArray<AspireFrame>.Empty, optional: false, depth: 0, inHelper: false);
            returned = false;
            factories = ImmutableArray<AspireHelperBody>.Empty;
            if (!reader.ReadStart(start, context) || !reader.Follow(start, context))
            {
                return null;
            }

            returned = reader._returned;
            factories = reader._factories.ToImmutableArray();

            // A stable sort: the calls a helper makes keep their order after the helper's call.
            return reader._steps.OrderBy(static step => step, Comparer<AspireStep>.Create(AspireStep.CompareOrder)).ToList();
        }

        private readonly struct Context
        {
            internal Context(IOperation root, IValueScope? scope, ImmutableArray<AspireFrame> frames, bool optional, int depth, bool inHelper)
            {
                Root = root;
                Scope = scope;
                Frames = frames;
                Optional = optional;
                Depth = depth;
                InHelper = inHelper;
            }

            internal IOperation Root { get; }

            internal IValueScope? Scope { get; }

            /// <summary>The helper calls being read through, the analyzed body's first.</summary>
            internal ImmutableArray<AspireFrame> Frames { get; }

            internal bool Optional { get; }

            internal int Depth { get; }

            internal bool InHelper { get; }

            internal Context AsOptional(bool optional) => new(Root, Scope, Frames, Optional || optional, Depth, InHelper);
        }

        private void AddStep(AspireCall kind, IInvocationOperation call, Context context)
        {
            var order = ImmutableArray.CreateBuilder<int>(context.Frames.Length + 1);
            foreach (var frame in context.Frames)
            {
                order.Add(OrderOf(frame.Call));
            }

            order.Add(OrderOf(call));
            _steps.Add(new AspireStep(kind, call, context.Scope, context.Frames, context.Optional, order.MoveToImmutable()));
        }

        // The call the builder comes from: AddContainer, or a method of the compilation that adds the container, read in
        // its body with this call's arguments up to its return.
        private bool ReadStart(IInvocationOperation start, Context context)
        {
            if (_types.Classify(start.TargetMethod) == AspireCall.AddContainer)
            {
                AddStep(AspireCall.AddContainer, start, context);
                return true;
            }

            if (_helpers?.FactoryOf(start.TargetMethod) is not { } factory || context.Depth >= MaxDepth || Follows(context, factory.Body.Method))
            {
                return false;
            }

            _factories.Add(factory.Body);
            var scope = new CallScope(factory.Body.Method, factory.Body.Flow, start, context.Scope);
            var inner = new Context(factory.Body.Root, scope, context.Frames.Add(new AspireFrame(start, addsContainer: true)), context.Optional, context.Depth + 1, inHelper: true);
            return ReadStart(factory.Start, inner) && Follow(factory.Start, inner);
        }

        // Recursion: a helper already being read through.
        private static bool Follows(Context context, IMethodSymbol method)
        {
            if (context.Scope?.IsFollowing(method) == true)
            {
                return true;
            }

            foreach (var frame in context.Frames)
            {
                if (SymbolEqualityComparer.Default.Equals((frame.Call.TargetMethod.ReducedFrom ?? frame.Call.TargetMethod).OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        // Follows where a value holding the builder goes; false when it escapes.
        private bool Follow(IOperation value, Context context)
        {
            var node = ObjectMembers.WithConversionsAbove(value);

            switch (node.Parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation call } argument:
                    return FollowCall(argument, call, context);
                case IExpressionStatementOperation:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return FollowLocal(declarator.Symbol, declarator, context);
                case IPropertyReferenceOperation { Property.Name: "Resource" or "ApplicationBuilder" }:
                    // Reading the resource (its name, its endpoints) leaves the image as it is.
                    return true;
                case IReturnOperation returned when context.InHelper:
                    // Returned by a helper that returns the builder it receives or adds: the caller goes on from the call.
                    // A lambda's return inside the helper is not the helper's.
                    return !InsideFunction(returned, context.Root);
                case IReturnOperation returned when context.Depth == 0 && !InsideFunction(returned, context.Root):
                    // Returned by the body being read: the image is what its callers make of it (AspireHelpers).
                    _returned = true;
                    return true;
                default:
                    return false;
            }
        }

        private bool FollowCall(IArgumentOperation argument, IInvocationOperation call, Context context)
        {
            var method = call.TargetMethod;
            bool receiver = argument.Parameter?.Ordinal == 0 && (method.IsExtensionMethod || (_helpers?.ReceivesBuilder(method) == true && KubernetesTypes.IsInSource(method)));
            if (!receiver)
            {
                // Handed to another Aspire call (`.WithReference(seq)`, `.WaitFor(seq)`): those read the resource, they do
                // not set its image.
                return _types.KeepsImage(method);
            }

            var kind = _types.Classify(method);
            switch (kind)
            {
                case AspireCall.WithImage:
                case AspireCall.WithImageTag:
                case AspireCall.WithImageRegistry:
                case AspireCall.WithImageSha256:
                case AspireCall.WithImagePullPolicy:
                    AddStep(kind, call, context);
                    return Follow(call, context);
                case AspireCall.AddContainer:
                    return false;
            }

            if (_types.KeepsImage(method) && _types.IsBuilder(method.ReturnType))
            {
                return Follow(call, context);
            }

            return FollowHelper(call, context) && Follow(call, context);
        }

        // `var seq = builder.AddContainer(…);`: each later use of the local, in the order written. A use inside a branch,
        // a loop or a lambda may not run. A local assigned again is not followed.
        private bool FollowLocal(ILocalSymbol local, IVariableDeclaratorOperation declarator, Context context)
        {
            var home = EnclosingBlock(declarator);
            foreach (var operation in context.Root.Descendants())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation compound } when SymbolEqualityComparer.Default.Equals(compound.Local, local):
                    case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation coalesce } when SymbolEqualityComparer.Default.Equals(coalesce.Local, local):
                        return false;
                }
            }

            foreach (var operation in context.Root.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (reference.IsDeclaration || reference.Parent is IDeclarationExpressionOperation)
                    {
                        return false;
                    }

                    bool optional = EnclosingBlock(reference) != home || InsideFunction(reference, context.Root);
                    if (!Follow(reference, context.AsOptional(optional)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        // A method of the compilation that receives the builder and returns it: its calls on the builder are read in its
        // body, with this call's arguments for its parameters.
        private bool FollowHelper(IInvocationOperation call, Context context)
        {
            if (context.Depth >= MaxDepth || !_types.IsBuilder(call.TargetMethod.ReturnType) || _helpers?.BodyOf(call.TargetMethod) is not { } body
                || body.Method.Parameters.Length == 0 || Follows(context, body.Method))
            {
                return false;
            }

            // The definition: a generic helper's body speaks of its own parameters, not those of the constructed method.
            var method = body.Method;
            var root = body.Root;
            if (!ReturnsReceiver(root, method.Parameters[0]))
            {
                return false;
            }

            var scope = new CallScope(method, body.Flow, call, context.Scope);
            var inner = new Context(root, scope, context.Frames.Add(new AspireFrame(call, addsContainer: false)), context.Optional, context.Depth + 1, inHelper: true);
            var receiver = method.Parameters[0];
            foreach (var operation in root.Descendants())
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, receiver))
                {
                    bool optional = InsideFunction(reference, root) || !AtTopOf(reference, root);
                    if (!Follow(reference, inner.AsOptional(optional)))
                    {
                        return false;
                    }
                }
                else if (operation is ISimpleAssignmentOperation { Target: IParameterReferenceOperation assigned } && SymbolEqualityComparer.Default.Equals(assigned.Parameter, receiver))
                {
                    return false;
                }
            }

            return true;
        }

        // Every return gives back the receiver, through calls that keep the builder.
        private bool ReturnsReceiver(IOperation root, IParameterSymbol receiver)
        {
            bool any = false;
            foreach (var operation in root.Descendants())
            {
                if (operation is not IReturnOperation { ReturnedValue: { } value } || InsideFunction(operation, root))
                {
                    continue;
                }

                any = true;
                while (true)
                {
                    value = ObjectMembers.WithoutConversions(value);
                    if (value is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, receiver))
                    {
                        break;
                    }

                    if (value is IInvocationOperation call && _types.IsBuilder(call.Type) && AspireHelpers.ReceiverOf(call) is { } given
                        && (call.TargetMethod.IsExtensionMethod || (_helpers?.ReceivesBuilder(call.TargetMethod) == true && KubernetesTypes.IsInSource(call.TargetMethod)))
                        && (_types.Classify(call.TargetMethod) is not (AspireCall.None or AspireCall.AddContainer) || _types.KeepsImage(call.TargetMethod)
                            || KubernetesTypes.IsInSource(call.TargetMethod)))
                    {
                        value = given;
                        continue;
                    }

                    return false;
                }
            }

            return any;
        }

        // The statement list a use is in (a use in a nested block is conditional, or repeated, relative to the declaration).
        private static IOperation? EnclosingBlock(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        // In a helper, a call on the receiver runs on every path when it is in the body's own statement list or its
        // expression body.
        private static bool AtTopOf(IOperation operation, IOperation root)
        {
            var block = EnclosingBlock(operation);
            return block is null || block.Parent == root || block == root || (block is IBlockOperation && block.Parent is IMethodBodyOperation);
        }

        internal static bool InsideFunction(IOperation operation, IOperation root)
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

        // The end of a call's argument list: `a.X(1).Y(2)` runs X before Y, and `Pin(b.AddContainer(…), "1.0")` runs
        // AddContainer before Pin.
        private static int OrderOf(IInvocationOperation call) =>
            call.Syntax is InvocationExpressionSyntax invocation ? invocation.ArgumentList.Span.End : call.Syntax.Span.End;
    }
}
