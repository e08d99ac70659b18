using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA117: an env var whose name says it carries a credential (<see cref="CredentialName"/>) with a constant value
    /// that is one (<see cref="CredentialValue"/>), and a ConfigMap data entry of the same kind. Each constant the value
    /// can take is judged on its own; unknown values, and entries that read <c>ValueFrom</c>, are left alone. The
    /// value itself is never shown in the message.
    /// </summary>
    internal static class CredentialInEnvValueRule
    {
        /// <summary>An env var created in place, or by a method of the compilation at a call (then only what the call passes).</summary>
        internal static void CheckEnvVar(Action<Diagnostic> report, EnvEntry entry, CredentialName names)
        {
            if (!entry.IsKnown || entry.HasValueFrom || entry.ValueOperation is not { } value)
            {
                return;
            }

            var written = OperationValues.From(value, entry.Value);
            foreach (var constant in entry.Value.Constants)
            {
                if (NameFor(entry.Name, constant) is not { } chosen
                    || !CredentialValue.IsCredential(constant.Text, names.Classify(chosen.Text)))
                {
                    continue;
                }

                ValueLocation where;
                if (entry.Call is not { } call)
                {
                    where = ValueLocation.Of(written, constant);
                }
                else if (ValueLocation.IsPassedBy(constant, call))
                {
                    where = ValueLocation.Through(constant, "passed to " + entry.Method, call);
                }
                else if (ValueLocation.IsPassedBy(chosen, call))
                {
                    // `Secret("DB_PASSWORD")` where Secret writes a constant value: on the name the call passes.
                    where = ValueLocation.Through(chosen, "the value " + entry.Method + " writes", call);
                }
                else
                {
                    // Name and value are both written in the method: reported there.
                    continue;
                }

                report(where.From is null
                    ? Diagnostic.Create(Descriptors.KMA117_CredentialInEnvValue, where.Location, chosen.Text)
                    : Diagnostic.Create(Descriptors.KMA117_CredentialInEnvValueFrom, where.Location, chosen.Text, where.From));
            }
        }

        /// <summary>The <c>Data</c> entries of a ConfigMap created in place.</summary>
        internal static void CheckConfigMap(Action<Diagnostic> report, IObjectCreationOperation configMap, KubernetesTypes types, ManifestBody body, CredentialName names)
        {
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
                    if (CredentialValue.IsCredential(constant.Text, kind))
                    {
                        var where = ValueLocation.Of(written, constant);
                        report(where.From is null
                            ? Diagnostic.Create(Descriptors.KMA117_CredentialInConfigMap, where.Location, key)
                            : Diagnostic.Create(Descriptors.KMA117_CredentialInConfigMapFrom, where.Location, key, where.From));
                    }
                }
            });
        }

        /// <summary>The env entries of a container in YAML: a <c>value</c> under a credential name, on the value.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, Analysis.Yaml.YamlContainer container, CredentialName names)
        {
            foreach (var env in container.Env)
            {
                if (!env.HasValueFrom && env.Name is { } name && env.Value is { IsScalar: true, Text: { } text } value
                    && CredentialValue.IsCredential(text, names.Classify(name)))
                {
                    report(Diagnostic.Create(Descriptors.KMA117_CredentialInEnvValue, value.Location, name));
                }
            }
        }

        /// <summary>A ConfigMap's <c>data</c> entry in YAML under a credential key, on the value.</summary>
        internal static void CheckYaml(Action<Diagnostic> report, Analysis.Yaml.YamlDataEntry entry, CredentialName names)
        {
            if (!entry.InSecret && entry.Value is { IsScalar: true, Text: { } text } value
                && CredentialValue.IsCredential(text, names.Classify(entry.Key)))
            {
                report(Diagnostic.Create(Descriptors.KMA117_CredentialInConfigMap, value.Location, entry.Key));
            }
        }

        // The name that goes with one constant of the value: the name when it is one constant; for a row of a table
        // (`foreach (var (name, value) in Table)`), the name written in the same row as the value. Null otherwise.
        private static PossibleValue? NameFor(PossibleValues names, PossibleValue value)
        {
            if (names.IsSingleConstant)
            {
                return names.Constants[0].Text is null ? null : names.Constants[0];
            }

            if (names.HasUnknown || names.Constants.IsEmpty || RowOf(OperationSite.OperationOf(value.Origin)?.Syntax) is not { } row)
            {
                return null;
            }

            PossibleValue? found = null;
            foreach (var name in names.Constants)
            {
                if (name.Text is not null && RowOf(OperationSite.OperationOf(name.Origin)?.Syntax) == row)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = name;
                }
            }

            return found;
        }

        // The row a cell of a table is written in: its tuple, creation or `{ key, value }` element, a few levels up.
        private static SyntaxNode? RowOf(SyntaxNode? cell)
        {
            var current = cell?.Parent;
            for (int level = 0; current is not null && level < 3; level++, current = current.Parent)
            {
                if (current is TupleExpressionSyntax or BaseObjectCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax
                    || (current is InitializerExpressionSyntax initializer && initializer.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ComplexElementInitializerExpression)))
                {
                    return current;
                }
            }

            return null;
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA117, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string CredentialInEnvValueDescription =
            "An env var whose name says it holds a password, token, key or secret, or a ConfigMap key of that kind, gets a constant: the credential is in the repository, in every image of the manifest and in plain text in the object the API server stores. Read it from a Secret (valueFrom.secretKeyRef) instead.";

        internal static readonly DiagnosticDescriptor KMA117_CredentialInEnvValue = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "Env var '{0}' gets a constant credential: it is stored in plain text with the pod spec and leaks with the source; read it from a Secret with valueFrom.secretKeyRef",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        /// <summary>KMA117 on a constant defined elsewhere or passed to a helper; {1} says where it comes from.</summary>
        internal static readonly DiagnosticDescriptor KMA117_CredentialInEnvValueFrom = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "Env var '{0}' gets a constant credential ({1}): it is stored in plain text with the pod spec and leaks with the source; read it from a Secret with valueFrom.secretKeyRef",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        internal static readonly DiagnosticDescriptor KMA117_CredentialInConfigMap = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "ConfigMap key '{0}' holds a constant credential: ConfigMap data is stored and shown in plain text; move the entry into a Secret",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);

        /// <summary>KMA117 on a ConfigMap entry whose constant is defined elsewhere; {1} says where it comes from.</summary>
        internal static readonly DiagnosticDescriptor KMA117_CredentialInConfigMapFrom = Create(
            DiagnosticIds.CredentialInEnvValue,
            "Credential in an env value",
            "ConfigMap key '{0}' holds a constant credential ({1}): ConfigMap data is stored and shown in plain text; move the entry into a Secret",
            Categories.Security,
            DiagnosticSeverity.Warning,
            CredentialInEnvValueDescription);
    }
}
