using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The pull-secret list rule of the per-body host (<see cref="Analyzers.ContainerAnalyzer"/>): KMA106
    /// (<see cref="InvalidPullSecretEntryRule"/>) on the ImagePullSecrets lists of pod specs and service accounts written,
    /// passed to a KubernetesClient 17 constructor, or added to (in the body, or by a helper of the compilation).
    /// </summary>
    internal static class PullSecretListRuleSet
    {
        /// <summary>The descriptors the pull-secret list rule reports.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(K8sManifestAnalyzers.Descriptors.KMA106_InvalidPullSecretEntry);

        /// <summary>
        /// Judges one operation of a body, when the compilation has the pull-secret types: ImagePullSecrets = … (in an
        /// initializer or not) and ??=; the imagePullSecrets argument of a constructor (KubernetesClient 17 and older: the
        /// caller hands arguments only when <see cref="KubernetesTypes.HasPullSecretConstructorParameter"/>);
        /// spec.ImagePullSecrets.Add(…) after the list was written, and a call to a helper of the compilation handed a model
        /// that adds to it.
        /// </summary>
        internal static void Analyze(Action<Diagnostic> report, AnalyzerOptions options, IOperation operation, KubernetesTypes types)
        {
            switch (operation)
            {
                case IAssignmentOperation { Kind: OperationKind.SimpleAssignment or OperationKind.CoalesceAssignment, Target: IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets } target } assignment
                    when InvalidPullSecretEntryRule.IsPullSecretOwner(types, target.Property.ContainingType):
                    InvalidPullSecretEntryRule.Check(report, assignment.Value, types);
                    break;

                case IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue, Parameter: { Name: "imagePullSecrets" } parameter } argument
                    when parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                        && InvalidPullSecretEntryRule.IsPullSecretOwner(types, constructor.ContainingType):
                    InvalidPullSecretEntryRule.Check(report, argument.Value, types);
                    break;

                // Adds are rare, so the body is indexed only when one is found.
                case IInvocationOperation invocation:
                    if (PullSecretReader.IsAddToPullSecrets(invocation, types, out _))
                    {
                        InvalidPullSecretEntryRule.CheckAdd(report, invocation, types);
                    }
                    else if (KubernetesTypes.IsInSource(invocation.TargetMethod) && BodyIndex.HandsOnModel(invocation, types))
                    {
                        InvalidPullSecretEntryRule.CheckHelperAdds(report, invocation, types);
                    }

                    break;
            }
        }
    }
}
