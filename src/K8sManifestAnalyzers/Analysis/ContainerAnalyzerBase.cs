using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Shared plumbing of the container rules: resolves the KubernetesClient types once per compilation (and does
    /// nothing when they are absent), then hands each written image or policy value, and each container creation,
    /// to the rule.
    /// </summary>
    public abstract class ContainerAnalyzerBase : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = KubernetesTypes.TryCreate(start.Compilation);
                if (types is null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    c => AnalyzeWrite(c.ReportDiagnostic, c.Options, c.Operation, types),
                    OperationKind.SimpleAssignment,
                    OperationKind.CoalesceAssignment);

                // The generated builders (`X.Tag("1.0").ToContainer("api", "Always")`) write the policy they are given.
                if (types.Builders is { } builders)
                {
                    start.RegisterOperationAction(c => AnalyzeBuilderCall(c, builders), OperationKind.Invocation);
                }

                // Container-level rules run per operation block: a container's policy may be written later in the
                // same body, and a diagnostic there must be produced even when only that line is analyzed (the IDE
                // analyzes the span being edited), so creations are collected for the whole block and judged at
                // its end.
                start.RegisterOperationBlockStartAction(block =>
                {
                    List<IOperation>? creations = null;
                    block.RegisterOperationAction(
                        c => (creations ??= new List<IOperation>()).Add(c.Operation),
                        OperationKind.ObjectCreation,
                        OperationKind.With);
                    block.RegisterOperationBlockEndAction(end =>
                    {
                        if (creations is not null)
                        {
                            foreach (var creation in creations)
                            {
                                AnalyzeCreation(end, creation, types);
                            }
                        }
                    });
                });
            });
        }

        /// <summary>Checks one value written to a container's image or pull policy, wherever it is written.</summary>
        internal abstract void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value);

        /// <summary>Checks one container creation (a <c>new</c> or a <c>with</c>) as a whole.</summary>
        internal abstract void AnalyzeContainer(Action<Diagnostic> report, ContainerModel container);

        /// <summary>
        /// Checks a container built by a generated builder with an explicit constant policy and a constant image: only
        /// the pairing of the two can be wrong there (the builder always writes a policy and a valid image).
        /// </summary>
        internal virtual void AnalyzeBuiltContainer(Action<Diagnostic> report, ContainerModel container)
        {
        }

        private void AnalyzeBuilderCall(OperationAnalysisContext context, BuilderImages builders)
        {
            if (context.Operation is not IInvocationOperation invocation
                || builders.Classify(invocation) is not (BuilderCall.CreatesContainer or BuilderCall.AddsContainer))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Name != "imagePullPolicy")
                {
                    continue;
                }

                // A null policy means the builder's default: nothing to check.
                var policy = ManifestValue.From(argument.Value);
                if (policy.State != ValueState.Constant)
                {
                    return;
                }

                AnalyzeValue(context.ReportDiagnostic, context.Options, ContainerProperty.ImagePullPolicy, policy);
                if (builders.Read(invocation.Instance) is { IsConstant: true } image)
                {
                    AnalyzeBuiltContainer(context.ReportDiagnostic, new ContainerModel(invocation, ManifestValue.Constant(image.Text, image.Expression), policy));
                }
            }
        }

        private void AnalyzeCreation(OperationBlockAnalysisContext context, IOperation operation, KubernetesTypes types)
        {
            ContainerModel? container = null;
            if (operation is IObjectCreationOperation creation)
            {
                container = ContainerReader.Read(creation, types);
                if (container is not null)
                {
                    // Constructor arguments of KubernetesClient 17 and older are written values too.
                    foreach (var argument in creation.Arguments)
                    {
                        AnalyzeWrite(context.ReportDiagnostic, context.Options, argument, types);
                    }
                }
            }
            else if (operation is IWithOperation copy)
            {
                container = ContainerReader.Read(copy, types);
            }

            if (container is not null)
            {
                AnalyzeContainer(context.ReportDiagnostic, container);
            }
        }

        private void AnalyzeWrite(Action<Diagnostic> report, AnalyzerOptions options, IOperation write, KubernetesTypes types)
        {
            var property = ContainerReader.ReadWrite(write, types, out var value);
            if (property != ContainerProperty.None && value is not null)
            {
                AnalyzeValue(report, options, property, ManifestValue.From(value));
            }
        }
    }
}
