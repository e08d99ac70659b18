using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// The condition that chose an arm of <c>?:</c> when it tests a string value against a constant
    /// (<c>image.EndsWith(":latest")</c>, <c>tag == "latest"</c>, <c>!image.Contains("@sha256:")</c>): the tested value's
    /// possible constants, and the test. A rule that knows which constant the tested value has (the container's own
    /// image) evaluates the test and keeps only the arm it takes.
    /// </summary>
    internal sealed class ValueTest
    {
        private readonly Func<string, bool> _test;

        private ValueTest(PossibleValues subject, Func<string, bool> test, bool arm)
        {
            Subject = subject;
            _test = test;
            Arm = arm;
        }

        /// <summary>The constants the tested value can take.</summary>
        internal PossibleValues Subject { get; }

        /// <summary>True for the values of the arm taken when the test holds.</summary>
        internal bool Arm { get; }

        /// <summary>
        /// Whether the arm is taken when the tested value is <paramref name="value"/>, or null when
        /// <paramref name="value"/> is not one of the tested value's constants (the test is about something else).
        /// </summary>
        internal bool? Takes(PossibleValue value)
        {
            if (value.Text is not { } text)
            {
                return null;
            }

            foreach (var candidate in Subject.Constants)
            {
                if (candidate.Text == text && candidate.Origin.Syntax == value.Origin.Syntax)
                {
                    return _test(text) == Arm;
                }
            }

            return null;
        }

        internal ValueTest ForArm(bool arm) => new(Subject, _test, arm);

        /// <summary>
        /// The subject and the test of a condition of a recognized shape, or null. <paramref name="fold"/> folds the
        /// tested expression in the condition's scope.
        /// </summary>
        internal static ValueTest? Of(IOperation condition, Func<IOperation, PossibleValues> fold)
        {
            var shape = Shape(condition);
            if (shape is not { } found)
            {
                return null;
            }

            var subject = fold(found.Subject);
            return subject.Constants.IsEmpty ? null : new ValueTest(subject, found.Test, arm: true);
        }

        private static (IOperation Subject, Func<string, bool> Test)? Shape(IOperation condition)
        {
            switch (Strip(condition))
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not when Shape(not.Operand) is { } inner:
                    return (inner.Subject, text => !inner.Test(text));

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
                    when Shape(logical.LeftOperand) is { } first && Shape(logical.RightOperand) is { } second
                        && first.Subject.Syntax.IsEquivalentTo(second.Subject.Syntax):
                    // `!image.Contains(':') && !image.Contains('@')`: two tests of the same value.
                    return logical.OperatorKind == BinaryOperatorKind.ConditionalAnd
                        ? (first.Subject, text => first.Test(text) && second.Test(text))
                        : (first.Subject, text => first.Test(text) || second.Test(text));

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    bool equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                    if (Constant(binary.RightOperand) is { } right && Constant(binary.LeftOperand) is null)
                    {
                        return (binary.LeftOperand, text => (text == right) == equals);
                    }

                    if (Constant(binary.LeftOperand) is { } left && Constant(binary.RightOperand) is null)
                    {
                        return (binary.RightOperand, text => (text == left) == equals);
                    }

                    return null;

                case IInvocationOperation { Instance: { } instance, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method } call
                    when call.Arguments.Length is 1 or 2 && Constant(call.Arguments[0].Value) is { } argument:
                    var comparison = StringComparison.Ordinal;
                    if (call.Arguments.Length == 2)
                    {
                        if (call.Arguments[1].Value.ConstantValue is not { HasValue: true, Value: int mode })
                        {
                            return null;
                        }

                        comparison = (StringComparison)mode;
                    }

                    return method.Name switch
                    {
                        "EndsWith" => (instance, text => text.EndsWith(argument, comparison)),
                        "StartsWith" => (instance, text => text.StartsWith(argument, comparison)),
                        "Contains" => (instance, text => text.IndexOf(argument, comparison) >= 0),
                        "Equals" => (instance, text => string.Equals(text, argument, comparison)),
                        _ => null,
                    };

                default:
                    return null;
            }
        }

        private static IOperation Strip(IOperation operation) => ObjectMembers.WithoutConversionsOrParentheses(operation);

        // A constant string, or a char as a one-character string (`image.Contains(':')`).
        private static string? Constant(IOperation operation) => Strip(operation).ConstantValue switch
        {
            { HasValue: true, Value: string text } => text,
            { HasValue: true, Value: char c } => c.ToString(),
            _ => null,
        };
    }
}
