using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>KMA106: an ImagePullSecrets list with an entry that names nothing, or a name listed twice.</summary>
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

                start.RegisterOperationAction(
                    c =>
                    {
                        switch (c.Operation)
                        {
                            // ImagePullSecrets = …, in an initializer or not, and ??=.
                            case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets } target } assignment
                                when IsPullSecretOwner(types, target.Property.ContainingType):
                                Check(c, assignment.Value, types);
                                break;

                            // new V1PodSpec(…, imagePullSecrets: …) in KubernetesClient 17 and older.
                            case IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue, Parameter: { Name: "imagePullSecrets" } parameter } argument
                                when parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                                    && IsPullSecretOwner(types, constructor.ContainingType):
                                Check(c, argument.Value, types);
                                break;
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CoalesceAssignment,
                    OperationKind.Argument);
            });
        }

        private static bool IsPullSecretOwner(KubernetesTypes types, ITypeSymbol type) => types.IsPodSpec(type) || types.IsServiceAccount(type);

        private static void Check(OperationAnalysisContext context, IOperation list, KubernetesTypes types)
        {
            // Each branch of a conditional is a list of its own: a name in both is not listed twice.
            if (ObjectMembers.WithoutConversions(list) is IConditionalOperation conditional)
            {
                Check(context, conditional.WhenTrue, types);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    Check(context, whenFalse, types);
                }

                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in PullSecretReader.ReadList(list, types, out _))
            {
                string? problem = null;
                if (entry.IsEmpty)
                {
                    problem = entry.NameValue is null ? "This imagePullSecrets entry has no name" : "This imagePullSecrets entry has an empty name";
                }
                else if (entry.IsKnown && !seen.Add(entry.Name!))
                {
                    problem = $"The pull secret '{entry.Name}' is listed twice";
                }

                if (problem is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, entry.Element.Syntax.GetLocation(), problem));
                }
            }
        }
    }
}
