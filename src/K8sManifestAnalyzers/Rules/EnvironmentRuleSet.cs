using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// The environment rules of the per-body host (<see cref="Analyzers.ContainerAnalyzer"/>): KMA117
    /// (<see cref="CredentialInEnvValueRule"/>) and KMA119 (<see cref="DuplicateEnvNameRule"/>) on env vars and ConfigMaps
    /// created in place or by a method of the compilation, containers' env lists, and Adds to them.
    /// </summary>
    internal static class EnvironmentRuleSet
    {
        /// <summary>The descriptors the environment rules report.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValue,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInEnvValueFrom,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMap,
            K8sManifestAnalyzers.Descriptors.KMA117_CredentialInConfigMapFrom,
            K8sManifestAnalyzers.Descriptors.KMA119_DuplicateEnvName);

        /// <summary>
        /// Judges one operation of a body, when the compilation has the env types: new V1EnvVar, new V1ConfigMap and the
        /// env list of new V1Container / V1EphemeralContainer; container.Env = … outside an initializer (the creation
        /// reads those); container.Env.Add(…), and env vars a method of the compilation creates at a call.
        /// </summary>
        internal static void Analyze(Action<Diagnostic> report, AnalyzerOptions options, IOperation operation, KubernetesTypes types)
        {
            var c = new Context(report, options, operation);
            switch (operation)
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
        }

        // What the rules need of the block they run in: where to report, the options, the operation judged.
        private readonly struct Context
        {
            internal Context(Action<Diagnostic> reportDiagnostic, AnalyzerOptions options, IOperation operation)
            {
                ReportDiagnostic = reportDiagnostic;
                Options = options;
                Operation = operation;
            }

            internal Action<Diagnostic> ReportDiagnostic { get; }

            internal AnalyzerOptions Options { get; }

            internal IOperation Operation { get; }
        }

        private static void AnalyzeCreation(Context c, IObjectCreationOperation creation, KubernetesTypes types)
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

        private static void AnalyzeInvocation(Context c, IInvocationOperation call, KubernetesTypes types)
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

        private static void CheckLists(Context context, IOperation env, KubernetesTypes types)
        {
            var lists = new List<List<EnvEntry>>();
            EnvVarReader.ReadLists(env, types, BodyOf(context, types), lists);
            foreach (var list in lists)
            {
                DuplicateEnvNameRule.CheckList(context.ReportDiagnostic, list);
            }
        }

        // The shared body of the operation's root, in which values are folded.
        private static ManifestBody BodyOf(Context context, KubernetesTypes types) =>
            ManifestBody.For(ContainerReader.Root(context.Operation), types, ManifestOptions.PropertyDefaults(context.Options, context.Operation.Syntax.SyntaxTree));
    }
}
