using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>Host of KMA106 (<see cref="InvalidPullSecretEntryRule"/>): pull-secret lists written or added to.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PullSecretListAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMA106_InvalidPullSecretEntry);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = KubernetesTypes.TryCreate(start.Compilation);
                if (types is null || !types.HasPullSecretTypes)
                {
                    return;
                }

                // ImagePullSecrets = …, in an initializer or not, and ??=.
                start.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets } target } assignment
                            && InvalidPullSecretEntryRule.IsPullSecretOwner(types, target.Property.ContainingType))
                        {
                            InvalidPullSecretEntryRule.Check(c.ReportDiagnostic, assignment.Value, types);
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CoalesceAssignment);

                // new V1PodSpec(…, imagePullSecrets: …) in KubernetesClient 17 and older; newer versions have no such
                // constructor, and every argument of the project would be a callback for nothing.
                if (types.HasPullSecretConstructorParameter)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            if (c.Operation is IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue, Parameter: { Name: "imagePullSecrets" } parameter } argument
                                && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                                && InvalidPullSecretEntryRule.IsPullSecretOwner(types, constructor.ContainingType))
                            {
                                InvalidPullSecretEntryRule.Check(c.ReportDiagnostic, argument.Value, types);
                            }
                        },
                        OperationKind.Argument);
                }

                // `spec.ImagePullSecrets.Add(…)` after the list was written: an added name may already be listed. Adds
                // are rare, so the body is indexed only when one is found (no per-block registration for every method).
                start.RegisterOperationAction(
                    c =>
                    {
                        if (c.Operation is IInvocationOperation invocation)
                        {
                            if (PullSecretReader.IsAddToPullSecrets(invocation, types, out _))
                            {
                                InvalidPullSecretEntryRule.CheckAdd(c.ReportDiagnostic, invocation, types);
                            }
                            else if (KubernetesTypes.IsInSource(invocation.TargetMethod) && Analysis.Flow.BodyIndex.HandsOnModel(invocation, types))
                            {
                                InvalidPullSecretEntryRule.CheckHelperAdds(c.ReportDiagnostic, invocation, types);
                            }
                        }
                    },
                    OperationKind.Invocation);
            });
        }
    }
}
