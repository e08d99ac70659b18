using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA105: registry credentials written in source. A docker config document with a credential field, in any
    /// constant string; and any constant value under a docker-registry Secret's data key.
    /// </summary>
    internal static class HardCodedRegistryCredentialRule
    {
        /// <summary>
        /// A constant string holding a docker config with a credential, reported once, on the outermost constant (a
        /// literal, or a constant concatenation or interpolation).
        /// </summary>
        internal static void CheckConstantString(Action<Diagnostic> report, in ConstantText constant)
        {
            if (!constant.IsOutermost || !RegistryCredential.IsDockerConfigWithCredential(constant.Text))
            {
                return;
            }

            report(Diagnostic.Create(
                Descriptors.KMA105_HardCodedRegistryCredential,
                constant.Location,
                "This docker config contains a registry credential"));
        }

        /// <summary>
        /// The constant under a docker-registry Secret's data key, when it holds a credential. A placeholder config (empty
        /// auth, password and identitytoken) is no credential. A payload that is itself a docker config with a credential
        /// is left to <see cref="CheckConstantString"/>, so a credential is reported once.
        /// </summary>
        internal static void CheckSecretPayload(Action<Diagnostic> report, SecretPayload payload)
        {
            if (RegistryCredential.IsDockerConfigWithCredential(payload.Text) || RegistryCredential.PayloadHasCredential(payload.Text) != true)
            {
                return;
            }

            report(Diagnostic.Create(
                Descriptors.KMA105_HardCodedRegistryCredential,
                payload.Location,
                $"The {payload.Key} of a docker-registry Secret is a constant"));
        }

        /// <summary>
        /// A <c>.dockerconfigjson</c> or <c>.dockercfg</c> entry of a docker-registry Secret in YAML (<c>data</c>, base64, or
        /// <c>stringData</c>) whose docker config holds a credential, on the value. A placeholder config, or a value that
        /// is neither JSON nor base64 of JSON, is left alone.
        /// </summary>
        internal static void CheckYaml(Action<Diagnostic> report, Analysis.Yaml.YamlDataEntry entry)
        {
            if (entry.InSecret && SecretType.IsDockerRegistry(entry.SecretType) && SecretType.IsDockerRegistryKey(entry.Key)
                && entry.Value is { IsScalar: true, Text: { } text } value
                && RegistryCredential.PayloadHasCredential(text) == true)
            {
                report(Diagnostic.Create(
                    Descriptors.KMA105_HardCodedRegistryCredential,
                    value.Location,
                    $"The {entry.Key} of a docker-registry Secret is written in the manifest"));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA105, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA105_HardCodedRegistryCredential = Create(
            DiagnosticIds.HardCodedRegistryCredential,
            "Registry credential in source code",
            "{0}: a registry credential in source leaks with the repository; read it from the environment or a secret store",
            Categories.Security,
            DiagnosticSeverity.Warning,
            "A docker config document with an auth, password or identitytoken field, or a constant under a docker-registry Secret's data key, is a credential in plain text (auth is only base64 of user:password).");
    }
}
