using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of KMA117 (<see cref="CredentialInEnvValueRule"/>) and KMA119 (<see cref="DuplicateEnvNameRule"/>): env vars
    /// and ConfigMaps created in place or by a method of the compilation, containers' env lists, and Adds to them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EnvironmentAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA117_CredentialInEnvValue,
            Descriptors.KMA117_CredentialInEnvValueFrom,
            Descriptors.KMA117_CredentialInConfigMap,
            Descriptors.KMA117_CredentialInConfigMapFrom,
            Descriptors.KMA119_DuplicateEnvName);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (KubernetesTypes.TryCreate(start.Compilation) is not { HasEnvironmentTypes: true } types)
                {
                    return;
                }

                // One action for the three kinds (each registration costs the driver a dispatch per operation): new
                // V1EnvVar, new V1ConfigMap and the env list of new V1Container / V1EphemeralContainer; container.Env = …
                // outside an initializer (the creation reads those); container.Env.Add(…), and env vars a method of the
                // compilation creates at a call.
                start.RegisterOperationAction(
                    c =>
                    {
                        switch (c.Operation)
                        {
                            case IObjectCreationOperation creation:
                                AnalyzeCreation(c, creation, types);
                                break;

                            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: EnvVarReader.Env } target } assignment
                                when assignment.Parent is not IObjectOrCollectionInitializerOperation && types.IsContainerType(target.Property.ContainingType):
                                if (!EnvVarReader.HasOnlyDistinctConstantNames(assignment.Value, types))
                                {
                                    CheckLists(c, assignment.Value, types);
                                }

                                break;

                            case IInvocationOperation call:
                                AnalyzeInvocation(c, call, types);
                                break;
                        }
                    },
                    OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment,
                    OperationKind.Invocation);
            });
        }

        private static void AnalyzeCreation(OperationAnalysisContext c, IObjectCreationOperation creation, KubernetesTypes types)
        {
            if (types.IsEnvVar(creation.Type))
            {
                // Most entries are `new() { Name = "LOG_LEVEL", Value = … }`: a constant name that says no credential, or no
                // value at all, is decided before the body is read.
                if (ObjectMembers.Find(creation, "Value") is null
                    || (ObjectMembers.Find(creation, "Name") is { ConstantValue: { HasValue: true, Value: var constantName } }
                        && !(constantName is string text && ManifestOptions.CredentialNames(c.Options, creation.Syntax.SyntaxTree).Matches(text))))
                {
                    return;
                }

                var entry = EnvVarReader.Read(creation, types, BodyOf(c, types));
                CredentialInEnvValueRule.CheckEnvVar(c.ReportDiagnostic, entry, ManifestOptions.CredentialNames(c.Options, creation.Syntax.SyntaxTree));
            }
            else if (types.IsConfigMap(creation.Type))
            {
                CredentialInEnvValueRule.CheckConfigMap(c.ReportDiagnostic, creation, types, BodyOf(c, types), ManifestOptions.CredentialNames(c.Options, creation.Syntax.SyntaxTree));
            }
            else if (types.IsContainerType(creation.Type) && ObjectMembers.Find(creation, EnvVarReader.Env) is { } env && !EnvVarReader.HasOnlyDistinctConstantNames(env, types))
            {
                CheckLists(c, env, types);
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext c, IInvocationOperation call, KubernetesTypes types)
        {
            if (EnvVarReader.IsAddToEnv(call, types, out var owner, out var added))
            {
                DuplicateEnvNameRule.CheckAdd(c.ReportDiagnostic, call, owner, added, types, BodyOf(c, types));
            }
            else if (types.IsEnvVar(call.Type) && KubernetesTypes.IsInSource(call.TargetMethod)
                && EnvVarReader.ReadCall(call, call, types, BodyOf(c, types)) is { } entry)
            {
                CredentialInEnvValueRule.CheckEnvVar(c.ReportDiagnostic, entry, ManifestOptions.CredentialNames(c.Options, call.Syntax.SyntaxTree));
            }
        }

        private static void CheckLists(OperationAnalysisContext context, IOperation env, KubernetesTypes types)
        {
            var lists = new List<List<EnvEntry>>();
            EnvVarReader.ReadLists(env, types, BodyOf(context, types), lists);
            foreach (var list in lists)
            {
                DuplicateEnvNameRule.CheckList(context.ReportDiagnostic, list);
            }
        }

        // The shared body of the operation's root, in which values are folded.
        private static ManifestBody BodyOf(OperationAnalysisContext context, KubernetesTypes types) =>
            ManifestBody.For(ContainerReader.Root(context.Operation), types, ManifestOptions.PropertyDefaults(context.Options, context.Operation.Syntax.SyntaxTree));
    }
}
