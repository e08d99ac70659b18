using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA105: registry credentials written in source. A docker config document with a credential field, in any
    /// constant string; and any constant value under a docker-registry Secret's data key.
    /// </summary>
    internal static class HardCodedRegistryCredentialRule
    {
        private static readonly string[] DataProperties = { "Data", "StringData" };

        // The outermost constant string expression (a literal, or a constant concatenation or interpolation).
        // A UTF-8 literal ("…"u8) is read like the string it encodes.
        internal static void CheckConstantString(Action<Diagnostic> report, IOperation operation)
        {
            string? text = operation is IUtf8StringOperation utf8 ? utf8.Value : ObjectMembers.ConstantString(operation);
            if (text is null
                || IsPartOfLargerConstant(operation)
                || !RegistryCredential.IsDockerConfigWithCredential(text))
            {
                return;
            }

            report(Diagnostic.Create(
                Descriptors.KMA105_HardCodedRegistryCredential,
                operation.Syntax.GetLocation(),
                "This docker config contains a registry credential"));
        }

        internal static void CheckSecret(Action<Diagnostic> report, IObjectCreationOperation creation)
        {
            if (!SecretType.IsDockerRegistry(ObjectMembers.ConstantString(ObjectMembers.Find(creation, "Type"))))
            {
                return;
            }

            foreach (var property in DataProperties)
            {
                if (ObjectMembers.Find(creation, property) is { } data
                    && ObjectMembers.WithoutConversions(data) is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var entry in initializer.Initializers)
                    {
                        if (PullSecretReader.TryReadDictionaryEntry(entry, out var key, out var value)
                            && SecretType.IsDockerRegistryKey(ObjectMembers.ConstantString(key))
                            && FindCredentialPayload(value) is { } payload)
                        {
                            report(Diagnostic.Create(
                                Descriptors.KMA105_HardCodedRegistryCredential,
                                payload.Syntax.GetLocation(),
                                $"The {ObjectMembers.ConstantString(key)} of a docker-registry Secret is a constant"));
                        }
                    }
                }
            }
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

        // The constant that makes up a data value, when it holds a credential: a constant string (StringData) or UTF-8
        // literal, the constant argument of Encoding.UTF8.GetBytes / Convert.FromBase64String, or a byte array of
        // constants. A placeholder config (empty auth, password and identitytoken) is no credential. Payloads the
        // string rule already reports are skipped, so a credential is reported once.
        private static IOperation? FindCredentialPayload(IOperation value)
        {
            value = ObjectMembers.WithoutConversions(value);
            switch (value)
            {
                case IUtf8StringOperation utf8:
                    return HoldsCredential(utf8.Value) ? value : null;

                case { ConstantValue: { HasValue: true, Value: string text } }:
                    return HoldsCredential(text) ? value : null;

                case IInvocationOperation { Arguments.Length: 1 } invocation
                    when invocation.TargetMethod.Name is "GetBytes" or "FromBase64String":
                    return FindCredentialPayload(invocation.Arguments[0].Value);

                case IInvocationOperation { TargetMethod.Name: "ToArray", Instance: IUtf8StringOperation utf8 }:
                    return HoldsCredential(utf8.Value) ? value : null;

                case IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } initializer }:
                    var bytes = new byte[initializer.ElementValues.Length];
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        if (initializer.ElementValues[i].ConstantValue is not { HasValue: true, Value: { } element }
                            || !TryGetByte(element, out bytes[i]))
                        {
                            return null;
                        }
                    }

                    return HoldsCredential(System.Text.Encoding.UTF8.GetString(bytes)) ? value : null;

                default:
                    return null;
            }
        }

        private static bool HoldsCredential(string text) =>
            !RegistryCredential.IsDockerConfigWithCredential(text) && RegistryCredential.PayloadHasCredential(text) == true;

        private static bool TryGetByte(object constant, out byte value)
        {
            switch (constant)
            {
                case byte b:
                    value = b;
                    return true;
                case int i when i is >= 0 and <= 255:
                    value = (byte)i;
                    return true;
                default:
                    value = 0;
                    return false;
            }
        }

        private static bool IsPartOfLargerConstant(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IInterpolationOperation or IInterpolatedStringTextOperation:
                        continue;
                    case IBinaryOperation or IInterpolatedStringOperation:
                        return parent.ConstantValue is { HasValue: true, Value: string };
                    default:
                        return false;
                }
            }

            return false;
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
