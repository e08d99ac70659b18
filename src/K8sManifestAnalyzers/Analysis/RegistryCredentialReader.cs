using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Reads what KMA105 judges in C#: the constant strings of a body (<see cref="ConstantText"/>), and the constants
    /// under the data keys of docker-registry Secrets (<see cref="SecretPayload"/>). The first runs on every constant
    /// string of every body, also in projects without KubernetesClient: it allocates nothing.
    /// </summary>
    internal static class RegistryCredentialReader
    {
        private static readonly string[] DataProperties = { "Data", "StringData" };

        /// <summary>Whether <see cref="ReadConstantString"/> reads operations of this kind.</summary>
        internal static bool IsConstantStringKind(OperationKind kind) =>
            kind is OperationKind.Literal or OperationKind.InterpolatedString or OperationKind.Binary or OperationKind.Utf8String;

        /// <summary>
        /// A literal, interpolated string, concatenation or UTF-8 literal with a constant value (a UTF-8 literal is read
        /// like the string it encodes); false for any other operation.
        /// </summary>
        internal static bool ReadConstantString(IOperation operation, out ConstantText constant)
        {
            string? text = operation is IUtf8StringOperation utf8 ? utf8.Value : ObjectMembers.ConstantString(operation);
            if (text is null)
            {
                constant = default;
                return false;
            }

            // The owning model's tree, a field: the syntax node's tree is found by a climb to the root on first use.
            var syntax = operation.Syntax;
            constant = new ConstantText(text, !IsPartOfLargerConstant(operation), operation.SemanticModel?.SyntaxTree ?? syntax.SyntaxTree, syntax.Span);
            return true;
        }

        /// <summary>
        /// The constants under the <c>.dockerconfigjson</c> and <c>.dockercfg</c> keys of <c>Data</c> and
        /// <c>StringData</c> in a Secret created with a constant docker-registry type: a constant string or UTF-8 literal,
        /// the constant argument of <c>Encoding.UTF8.GetBytes</c> / <c>Convert.FromBase64String</c>, or a byte array of
        /// constants. Empty for any other Secret, and for data that is not constant.
        /// </summary>
        internal static ImmutableArray<SecretPayload> ReadSecret(IObjectCreationOperation creation)
        {
            if (!SecretType.IsDockerRegistry(ObjectMembers.ConstantString(ObjectMembers.Find(creation, "Type"))))
            {
                return ImmutableArray<SecretPayload>.Empty;
            }

            ImmutableArray<SecretPayload>.Builder? payloads = null;
            foreach (var property in DataProperties)
            {
                if (ObjectMembers.Find(creation, property) is { } data
                    && ObjectMembers.WithoutConversions(data) is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var entry in initializer.Initializers)
                    {
                        if (PullSecretReader.TryReadDictionaryEntry(entry, out var keyOperation, out var value)
                            && ObjectMembers.ConstantString(keyOperation) is { } key
                            && SecretType.IsDockerRegistryKey(key)
                            && FindPayload(value, out var text) is { } payload)
                        {
                            (payloads ??= ImmutableArray.CreateBuilder<SecretPayload>()).Add(new SecretPayload(key, text, payload.Syntax.GetLocation()));
                        }
                    }
                }
            }

            return payloads?.ToImmutable() ?? ImmutableArray<SecretPayload>.Empty;
        }

        // The constant that makes up a data value, and its text: a constant string (StringData) or UTF-8 literal, the
        // constant argument of Encoding.UTF8.GetBytes / Convert.FromBase64String, or a byte array of constants.
        private static IOperation? FindPayload(IOperation value, out string text)
        {
            value = ObjectMembers.WithoutConversions(value);
            switch (value)
            {
                case IUtf8StringOperation utf8:
                    text = utf8.Value;
                    return value;

                case { ConstantValue: { HasValue: true, Value: string constant } }:
                    text = constant;
                    return value;

                case IInvocationOperation { Arguments.Length: 1 } invocation
                    when invocation.TargetMethod.Name is "GetBytes" or "FromBase64String":
                    return FindPayload(invocation.Arguments[0].Value, out text);

                case IInvocationOperation { TargetMethod.Name: "ToArray", Instance: IUtf8StringOperation utf8 }:
                    text = utf8.Value;
                    return value;

                case IArrayCreationOperation { Initializer: { ElementValues.Length: > 0 } initializer }:
                    var bytes = new byte[initializer.ElementValues.Length];
                    for (int i = 0; i < bytes.Length; i++)
                    {
                        if (initializer.ElementValues[i].ConstantValue is not { HasValue: true, Value: { } element }
                            || !TryGetByte(element, out bytes[i]))
                        {
                            text = string.Empty;
                            return null;
                        }
                    }

                    text = System.Text.Encoding.UTF8.GetString(bytes);
                    return value;

                default:
                    text = string.Empty;
                    return null;
            }
        }

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
