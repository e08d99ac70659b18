using System.Collections.Generic;
using System.Linq;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// Collects the calls that set a container resource's image and pull policy, from its <c>AddContainer</c> on: the
    /// fluent chain, a local holding the builder (<c>var seq = builder.AddContainer(…); seq.WithImageTag("2024.3");</c>),
    /// and extension methods of the compilation that return the builder they receive, read in their own bodies with the
    /// call's arguments. Returns null when the builder goes where it cannot be followed (returned, stored, handed to a
    /// method that may change the image): the image is then not known, and nothing is reported.
    /// </summary>
    internal sealed class AspireChainReader
    {
        private const int MaxDepth = 3;

        private readonly AspireTypes _types;
        private readonly Compilation _compilation;
        private readonly List<AspireStep> _steps = new();

        private AspireChainReader(AspireTypes types, Compilation compilation)
        {
            _types = types;
            _compilation = compilation;
        }

        /// <summary>The steps, in the order they run, from <paramref name="addContainer"/> on; null when the builder escapes.</summary>
        internal static List<AspireStep>? Read(IInvocationOperation addContainer, AspireTypes types, Compilation compilation, IValueScope? scope)
        {
            var reader = new AspireChainReader(types, compilation);
            var context = new Context(ContainerReader.Root(addContainer), scope, through: null, optional: false, depth: 0, inHelper: false);
            reader._steps.Add(new AspireStep(AspireCall.AddContainer, addContainer, scope, null, false, OrderOf(addContainer), 0));
            if (!reader.Follow(addContainer, context))
            {
                return null;
            }

            // A stable sort: the calls a helper makes keep their order after the helper's call.
            return reader._steps.OrderBy(static step => step.Order).ThenBy(static step => step.InnerOrder).ToList();
        }

        private readonly struct Context
        {
            internal Context(IOperation root, IValueScope? scope, IInvocationOperation? through, bool optional, int depth, bool inHelper)
            {
                Root = root;
                Scope = scope;
                Through = through;
                Optional = optional;
                Depth = depth;
                InHelper = inHelper;
            }

            internal IOperation Root { get; }

            internal IValueScope? Scope { get; }

            internal IInvocationOperation? Through { get; }

            internal bool Optional { get; }

            internal int Depth { get; }

            internal bool InHelper { get; }

            internal Context AsOptional(bool optional) => new(Root, Scope, Through, Optional || optional, Depth, InHelper);
        }

        // Follows where a value holding the builder goes; false when it escapes.
        private bool Follow(IOperation value, Context context)
        {
            var node = value;
            while (node.Parent is IConversionOperation or IParenthesizedOperation)
            {
                node = node.Parent;
            }

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
                case IReturnOperation when context.InHelper:
                    // Returned by a helper that returns the builder it receives: the caller goes on from the call.
                    return true;
                default:
                    return false;
            }
        }

        private bool FollowCall(IArgumentOperation argument, IInvocationOperation call, Context context)
        {
            var method = call.TargetMethod;
            bool receiver = method.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
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
                    _steps.Add(new AspireStep(kind, call, context.Scope, context.Through, context.Optional, context.Through is { } through ? OrderOf(through) : OrderOf(call), OrderOf(call)));
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

        // An extension method of the compilation that receives the builder and returns it: its calls on the builder are
        // read in its body, with this call's arguments for its parameters.
        private bool FollowHelper(IInvocationOperation call, Context context)
        {
            // The definition: a generic helper's body speaks of its own parameters, not those of the constructed method.
            var method = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
            if (context.Depth >= MaxDepth || !_types.IsBuilder(method.ReturnType) || method.IsAbstract || method.IsVirtual
                || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax syntax
                || !_compilation.ContainsSyntaxTree(syntax.SyntaxTree)
                || method.Parameters.Length == 0)
            {
                return false;
            }

#pragma warning disable RS1030 // The helper's body is in another member, often another file.
            var root = _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax);
#pragma warning restore RS1030
            if (root is null || !ReturnsReceiver(root, method.Parameters[0]))
            {
                return false;
            }

            var scope = new AspireHelperScope(method, call, context.Scope);
            var inner = new Context(root, scope, context.Through ?? call, context.Optional, context.Depth + 1, inHelper: true);
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

                    if (value is IInvocationOperation { Arguments.Length: > 0 } call && call.TargetMethod.IsExtensionMethod && _types.IsBuilder(call.Type)
                        && (_types.Classify(call.TargetMethod) is not (AspireCall.None or AspireCall.AddContainer) || _types.KeepsImage(call.TargetMethod)
                            || KubernetesTypes.IsInSource(call.TargetMethod)))
                    {
                        value = call.Arguments[0].Value;
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

        private static bool InsideFunction(IOperation operation, IOperation root)
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

        // The position of a call's argument list: `a.X(1).Y(2)` runs X before Y.
        private static int OrderOf(IInvocationOperation call) =>
            call.Syntax is InvocationExpressionSyntax invocation ? invocation.ArgumentList.SpanStart : call.Syntax.Span.End;
    }
}
