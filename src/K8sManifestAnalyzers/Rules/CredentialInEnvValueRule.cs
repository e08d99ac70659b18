using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA117: an env var whose name says it carries a credential (<see cref="CredentialName"/>) with a constant value
    /// that is one (<see cref="CredentialValue"/>), and a ConfigMap data entry of the same kind. Each constant the value
    /// can take is judged on its own; unknown values, and entries that read <c>ValueFrom</c>, are left alone. The
    /// value itself is never shown in the message. The C# front-end (<see cref="EnvironmentReader"/>) pairs each constant
    /// with its name and places it.
    /// </summary>
    internal static class CredentialInEnvValueRule
    {
        /// <summary>
        /// The constants of an env var's value (created in place, or by a method of the compilation at a call: then only
        /// what the call passes) and of a ConfigMap's data, under names that name a credential.
        /// </summary>
        internal static void Check(Action<Diagnostic> report, EnvironmentFacts facts)
        {
            if (!facts.HasValueFrom)
            {
                foreach (var row in facts.EnvVarValues)
                {
                    if (CredentialValue.IsCredential(row.Value, row.NameKind))
                    {
                        report(row.From is null
                            ? Diagnostic.Create(Descriptors.KMA117_CredentialInEnvValue, row.Location, row.Name)
                            : Diagnostic.Create(Descriptors.KMA117_CredentialInEnvValueFrom, row.Location, row.Name, row.From));
                    }
                }
            }

            foreach (var row in facts.ConfigMapData)
            {
                if (CredentialValue.IsCredential(row.Value, row.NameKind))
                {
                    report(row.From is null
                        ? Diagnostic.Create(Descriptors.KMA117_CredentialInConfigMap, row.Location, row.Name)
                        : Diagnostic.Create(Descriptors.KMA117_CredentialInConfigMapFrom, row.Location, row.Name, row.From));
                }
            }
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
