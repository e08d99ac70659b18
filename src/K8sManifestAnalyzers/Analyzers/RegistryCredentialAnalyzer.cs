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
            context.RegisterOperationAction(AnalyzeConstantString, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Binary);
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
        private static void AnalyzeConstantString(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (operation.ConstantValue is not { HasValue: true, Value: string text }
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
                            && FindConstantPayload(value) is { } payload)
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

        // The constant that makes up a data value: a constant string (StringData), the constant argument of
        // Encoding.UTF8.GetBytes / Convert.FromBase64String, or a byte array of constants. Payloads the string
        // rule already reports are skipped, so a credential is reported once.
        private static IOperation? FindConstantPayload(IOperation value)
        {
            value = ObjectMembers.WithoutConversions(value);
            switch (value)
            {
                case { ConstantValue: { HasValue: true, Value: string text } } when text.Length > 0:
                    return RegistryCredential.IsDockerConfigWithCredential(text) ? null : value;

                case IInvocationOperation { Arguments.Length: 1 } invocation
                    when invocation.TargetMethod.Name is "GetBytes" or "FromBase64String":
                    return FindConstantPayload(invocation.Arguments[0].Value);

                case IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        if (!element.ConstantValue.HasValue)
                        {
                            return null;
                        }
                    }

                    return value;

                default:
                    return null;
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
