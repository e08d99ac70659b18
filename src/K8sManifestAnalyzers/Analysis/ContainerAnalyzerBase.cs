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
                    c => AnalyzeWrite(c, c.Operation, types),
                    OperationKind.SimpleAssignment,
                    OperationKind.CoalesceAssignment);
                start.RegisterOperationAction(
                    c =>
                    {
                        ContainerModel? container = null;
                        if (c.Operation is IObjectCreationOperation creation)
                        {
                            container = ContainerReader.Read(creation, types);
                            if (container is not null)
                            {
                                // Constructor arguments of KubernetesClient 17 and older are written values too.
                                foreach (var argument in creation.Arguments)
                                {
                                    AnalyzeWrite(c, argument, types);
                                }
                            }
                        }
                        else if (c.Operation is IWithOperation copy)
                        {
                            container = ContainerReader.Read(copy, types);
                        }

                        if (container is not null)
                        {
                            AnalyzeContainer(c, container);
                        }
                    },
                    OperationKind.ObjectCreation,
                    OperationKind.With);
            });
        }

        /// <summary>Checks one value written to a container's image or pull policy, wherever it is written.</summary>
        internal abstract void AnalyzeValue(OperationAnalysisContext context, ContainerProperty property, ManifestValue value);

        /// <summary>Checks one container creation (a <c>new</c> or a <c>with</c>) as a whole.</summary>
        internal abstract void AnalyzeContainer(OperationAnalysisContext context, ContainerModel container);

        private void AnalyzeWrite(OperationAnalysisContext context, IOperation write, KubernetesTypes types)
        {
            var property = ContainerReader.ReadWrite(write, types, out var value);
            if (property != ContainerProperty.None && value is not null)
            {
                AnalyzeValue(context, property, ManifestValue.From(value));
            }
        }
    }
}
