using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// The C# front-end of the environment rules (KMA117, KMA119): turns one operation of a body into
    /// <see cref="EnvironmentFacts"/>, when the compilation has the env types. It reads new V1EnvVar, new V1ConfigMap and
    /// the env list of new V1Container / V1EphemeralContainer; container.Env = … outside an initializer (the creation reads
    /// those); container.Env.Add(…), and env vars a method of the compilation creates at a call. Values are folded in the
    /// shared body of the operation's root.
    /// </summary>
    internal static class EnvironmentReader
    {
        /// <summary>
        /// The facts <paramref name="operation"/> shows; null when it shows none, which is decided by cheap tests before
        /// anything is folded: an env var with no value or a constant name that names no credential, an env list of env
        /// vars with distinct constant names.
        /// </summary>
        internal static EnvironmentFacts? Read(IOperation operation, KubernetesTypes types, AnalyzerOptions options)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    return ReadCreation(creation, types, options);

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: EnvVarReader.Env } target } assignment
                    when assignment.Parent is not IObjectOrCollectionInitializerOperation && types.IsContainerType(target.Property.ContainingType):
                    return EnvVarReader.HasOnlyDistinctConstantNames(assignment.Value, types) ? null : ReadLists(operation, assignment.Value, types, options);

                case IInvocationOperation call:
                    return ReadInvocation(call, types, options);

                default:
                    return null;
            }
        }

        private static EnvironmentFacts? ReadCreation(IObjectCreationOperation creation, KubernetesTypes types, AnalyzerOptions options)
        {
            if (types.IsEnvVar(creation.Type))
            {
                // Most entries are `new() { Name = "LOG_LEVEL", Value = … }`: a constant name that says no credential, or no
                // value at all, is decided before the body is read.
                if (ObjectMembers.Find(creation, "Value") is null)
                {
                    return null;
                }

                var names = ManifestOptions.CredentialNames(options, creation.Syntax.SyntaxTree);
                if (ObjectMembers.Find(creation, "Name") is { ConstantValue: { HasValue: true, Value: var constantName } }
                    && !(constantName is string text && names.Matches(text)))
                {
                    return null;
                }

                var values = EnvVarReader.ReadValues(creation, BodyOf(creation, types, options), names, out bool hasValueFrom);
                return values.IsEmpty ? null : EnvironmentFacts.ForEnvVar(values, hasValueFrom);
            }

            if (types.IsConfigMap(creation.Type))
            {
                return ReadConfigMap(creation, types, BodyOf(creation, types, options), ManifestOptions.CredentialNames(options, creation.Syntax.SyntaxTree));
            }

            if (types.IsContainerType(creation.Type) && ObjectMembers.Find(creation, EnvVarReader.Env) is { } env && !EnvVarReader.HasOnlyDistinctConstantNames(env, types))
            {
                return ReadLists(creation, env, types, options);
            }

            return null;
        }

        private static EnvironmentFacts? ReadInvocation(IInvocationOperation call, KubernetesTypes types, AnalyzerOptions options)
        {
            if (EnvVarReader.IsAddToEnv(call, types, out var owner, out var added))
            {
                var body = BodyOf(call, types, options);
                var entry = EnvVarReader.Read(added, types, body);
                return entry.ConstantName is not null && EnvListReader.ListedBefore(call, owner, types, body) is { } listed
                    ? EnvironmentFacts.ForAdd(entry, listed)
                    : null;
            }

            if (types.IsEnvVar(call.Type) && KubernetesTypes.IsInSource(call.TargetMethod)
                && EnvVarReader.ReadValues(call, types, BodyOf(call, types, options), ManifestOptions.CredentialNames(options, call.Syntax.SyntaxTree), out bool hasValueFrom) is { IsEmpty: false } values)
            {
                return EnvironmentFacts.ForEnvVar(values, hasValueFrom);
            }

            return null;
        }

        // The Data entries of a ConfigMap created in place whose key names a credential, each constant of the value with
        // where a finding on it goes.
        private static EnvironmentFacts? ReadConfigMap(IObjectCreationOperation configMap, KubernetesTypes types, ManifestBody body, CredentialName names)
        {
            ImmutableArray<EnvValueRow>.Builder? rows = null;
            PullSecretCollector.ReadEntries(ObjectMembers.Find(configMap, "Data"), types, body.Scope, (key, value) =>
            {
                var kind = names.Classify(key);
                if (kind == CredentialKind.None)
                {
                    return;
                }

                var values = body.Fold(value);
                var written = OperationValues.From(value, values);
                foreach (var constant in values.Constants)
                {
                    if (constant.Text is { } text)
                    {
                        var where = ValueLocation.Of(written, constant);
                        (rows ??= ImmutableArray.CreateBuilder<EnvValueRow>()).Add(new EnvValueRow(key, kind, text, where.Location, where.From));
                    }
                }
            });
            return rows is null ? null : EnvironmentFacts.ForConfigMap(rows.ToImmutable());
        }

        private static EnvironmentFacts? ReadLists(IOperation operation, IOperation env, KubernetesTypes types, AnalyzerOptions options)
        {
            var lists = new List<List<EnvEntry>>();
            EnvVarReader.ReadLists(env, types, BodyOf(operation, types, options), lists);
            if (lists.Count == 0)
            {
                return null;
            }

            var read = ImmutableArray.CreateBuilder<ImmutableArray<EnvEntry>>(lists.Count);
            foreach (var list in lists)
            {
                read.Add(ImmutableArray.CreateRange(list));
            }

            return EnvironmentFacts.ForLists(read.MoveToImmutable());
        }

        // The shared body of the operation's root, in which values are folded.
        private static ManifestBody BodyOf(IOperation operation, KubernetesTypes types, AnalyzerOptions options) =>
            ManifestBody.For(ContainerReader.Root(operation), types, ManifestOptions.PropertyDefaults(options, operation.Syntax.SyntaxTree));
    }
}
