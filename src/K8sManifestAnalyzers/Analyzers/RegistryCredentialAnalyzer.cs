using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// KMA105: registry credentials written in source. A docker config document with a credential field, in any
    /// constant string; and any constant value under a docker-registry Secret's data key.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegistryCredentialAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] DataProperties = { "Data", "StringData" };

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMA105_HardCodedRegistryCredential);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

            // Credentials in docker config JSON leak whether or not KubernetesClient is referenced.
            context.RegisterOperationAction(AnalyzeConstantString, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary, OperationKind.Utf8String);
            context.RegisterCompilationStartAction(start =>
            {
                if (KubernetesTypes.TryCreate(start.Compilation) is { } types && types.HasPullSecretTypes)
                {
                    start.RegisterOperationAction(
                        c =>
                        {
                            if (c.Operation is IObjectCreationOperation creation && types.IsSecret(creation.Type))
                            {
                                AnalyzeSecret(c, creation);
                            }
                        },
                        OperationKind.ObjectCreation);
                }
            });
        }

        // The outermost constant string expression (a literal, or a constant concatenation or interpolation).
        // A UTF-8 literal ("…"u8) is read like the string it encodes.
        private static void AnalyzeConstantString(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            string? text = operation is IUtf8StringOperation utf8 ? utf8.Value : ObjectMembers.ConstantString(operation);
            if (text is null
                || IsPartOfLargerConstant(operation)
                || !RegistryCredential.IsDockerConfigWithCredential(text))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.KMA105_HardCodedRegistryCredential,
                operation.Syntax.GetLocation(),
                "This docker config contains a registry credential"));
        }

        private static void AnalyzeSecret(OperationAnalysisContext context, IObjectCreationOperation creation)
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
                            context.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.KMA105_HardCodedRegistryCredential,
                                payload.Syntax.GetLocation(),
                                $"The {ObjectMembers.ConstantString(key)} of a docker-registry Secret is a constant"));
                        }
                    }
                }
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
