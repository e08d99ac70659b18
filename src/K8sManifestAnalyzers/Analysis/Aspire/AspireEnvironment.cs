using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// The one Kubernetes environment an app host's body adds (<c>AddKubernetesEnvironment</c>) and the
    /// <c>DefaultImagePullPolicy</c> Aspire.Hosting.Kubernetes writes on every container it generates for it: Aspire's
    /// own default <c>"IfNotPresent"</c> when the body writes none, else the one constant every write gives. Read once
    /// per body; <see langword="null"/> when the body adds no Kubernetes environment, adds another compute environment
    /// (a resource may then go to either), or hands the environment to code that may set its policy.
    /// </summary>
    internal sealed class AspireEnvironment
    {
        /// <summary>What Aspire.Hosting.Kubernetes initialises <c>KubernetesEnvironmentResource.DefaultImagePullPolicy</c> to.</summary>
        internal const string AspireDefault = Model.PullPolicy.IfNotPresent;

        private static readonly ConditionalWeakTable<IOperation, Holder> Read = new();

        private AspireEnvironment(string policy, Location? writtenAt, bool writtenAsLiteral)
        {
            Policy = policy;
            WrittenAt = writtenAt;
            WrittenAsLiteral = writtenAsLiteral;
        }

        /// <summary>The policy every generated container gets.</summary>
        internal string Policy { get; }

        /// <summary>Where the body writes it; null when it is Aspire's default.</summary>
        internal Location? WrittenAt { get; }

        /// <summary>True when <see cref="WrittenAt"/> is a string literal, which a fix can rewrite.</summary>
        internal bool WrittenAsLiteral { get; }

        /// <summary>The environment of the body that holds <paramref name="call"/>, read once per body.</summary>
        internal static AspireEnvironment? Of(IOperation call, KubernetesTypes types)
        {
            var root = call;
            while (root.Parent is { } parent)
            {
                root = parent;
            }

            return Read.GetValue(root, r => new Holder(Build(r, types))).Environment;
        }

        private static AspireEnvironment? Build(IOperation root, KubernetesTypes types)
        {
            int environments = 0;
            bool others = false;
            string? policy = null;
            Location? writtenAt = null;
            bool literal = false;
            bool unknown = false;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                        string name = method.Name;
                        if (name == "AddKubernetesEnvironment" && invocation.Type is INamedTypeSymbol { TypeArguments.Length: 1 } added && types.IsAspireEnvironment(added.TypeArguments[0]))
                        {
                            environments++;
                        }
                        else if (name.StartsWith("Add", System.StringComparison.Ordinal) && name.EndsWith("Environment", System.StringComparison.Ordinal))
                        {
                            // AddDockerComposeEnvironment, AddAzureContainerAppEnvironment, …: resources may go there.
                            others = true;
                        }
                        else if (!IsAspire(method) && HandsOnEnvironment(invocation, types))
                        {
                            unknown = true;
                        }

                        break;

                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "DefaultImagePullPolicy" } target } assignment
                        when types.IsAspireEnvironment(target.Property.ContainingType):
                        var values = types.Values.Fold(assignment.Value, null, propertyDefaults: false);
                        if (!values.IsSingleConstant || values.Constants[0].Text is not { } text || (policy is not null && policy != text))
                        {
                            unknown = true;
                        }

                        policy = values.IsSingleConstant ? values.Constants[0].Text : null;
                        writtenAt = assignment.Value.Syntax.GetLocation();
                        literal = assignment.Value.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax written
                            && written.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression);
                        break;
                }
            }

            return environments != 1 || others || unknown ? null : new AspireEnvironment(policy ?? AspireDefault, writtenAt, literal);
        }

        // Aspire.Hosting and its integrations (referenced assemblies, not the project's own extensions, whatever their
        // namespace) set nothing of the environment but through the callbacks the body holds.
        private static bool IsAspire(IMethodSymbol method) =>
            !KubernetesTypes.IsInSource(method)
            && method.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "Aspire.Hosting" || ns.StartsWith("Aspire.Hosting.", System.StringComparison.Ordinal));

        // A call that receives the environment or its builder, which the body cannot see into.
        private static bool HandsOnEnvironment(IInvocationOperation invocation, KubernetesTypes types)
        {
            foreach (var argument in invocation.Arguments)
            {
                var type = argument.Value is IConversionOperation conversion ? conversion.Operand.Type : argument.Value.Type;
                if (types.IsAspireEnvironment(type) || (type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && types.IsAspireEnvironment(generic.TypeArguments[0])))
                {
                    return true;
                }
            }

            return types.IsAspireEnvironment(invocation.Instance?.Type);
        }

        private sealed class Holder
        {
            internal Holder(AspireEnvironment? environment) => Environment = environment;

            internal AspireEnvironment? Environment { get; }
        }
    }
}
