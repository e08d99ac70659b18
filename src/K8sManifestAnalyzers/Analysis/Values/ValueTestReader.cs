using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// How the C# reader reads a <see cref="ValueTest"/> from a condition: the shapes of a string test it recognizes
    /// (<c>==</c>, <c>EndsWith</c>, <c>Contains</c>, patterns, a <c>switch</c>'s arms, a helper that returns such a
    /// test), the tested expression, and the test.
    /// </summary>
    internal static class ValueTestReader
    {
        /// <summary>
        /// The subject and the test of a condition of a recognized shape, or null. <paramref name="fold"/> folds the
        /// tested expression in the condition's scope; <paramref name="predicate"/> gives the one expression a called
        /// method returns (<c>IsMutable(image)</c>), to read the test it makes of its argument.
        /// </summary>
        internal static ValueTest? Of(IOperation condition, Func<IOperation, PossibleValues> fold, Func<IInvocationOperation, IOperation?>? predicate = null)
        {
            var shape = Shape(condition, predicate, 0);
            return shape is { } found ? Of(found.Subject, found.Test, fold) : null;
        }

        /// <summary>A test of <paramref name="subject"/>'s value, or null when it has no constants.</summary>
        internal static ValueTest? Of(IOperation subject, Func<string, bool> test, Func<IOperation, PossibleValues> fold) =>
            ValueTest.Of(fold(subject), test);

        /// <summary>The tested value and the test of a condition, or null when its shape is not one read here.</summary>
        internal static (IOperation Subject, Func<string, bool> Test)? Shape(IOperation condition, Func<IInvocationOperation, IOperation?>? predicate) =>
            Shape(condition, predicate, 0);

        private static (IOperation Subject, Func<string, bool> Test)? Shape(IOperation condition, Func<IInvocationOperation, IOperation?>? predicate, int depth)
        {
            if (depth > 4)
            {
                return null;
            }

            switch (Strip(condition))
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not when Shape(not.Operand, predicate, depth) is { } inner:
                    return (inner.Subject, text => !inner.Test(text));

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
                    when Shape(logical.LeftOperand, predicate, depth) is { } first && Shape(logical.RightOperand, predicate, depth) is { } second
                        && SameValue(first.Subject, second.Subject):
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

                case IIsPatternOperation { Value: { } tested, Pattern: { } pattern } when Pattern(pattern) is { } matches:
                    // `tag is "latest" or "edge"`, `image is not null`.
                    return (tested, matches);

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

                case IInvocationOperation { TargetMethod.ReturnType.SpecialType: SpecialType.System_Boolean } call when predicate?.Invoke(call) is { } returned
                    && Shape(returned, predicate, depth + 1) is { } inside
                    && Strip(inside.Subject) is IParameterReferenceOperation { Parameter: { } parameter }
                    && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition):
                    // `IsMutable(image)` where `static bool IsMutable(string i) => i.EndsWith(":latest");`: the helper's test of
                    // its parameter is a test of the argument passed for it.
                    foreach (var passed in call.Arguments)
                    {
                        if (passed.Parameter?.Ordinal == parameter.Ordinal)
                        {
                            return (passed.Value, inside.Test);
                        }
                    }

                    return null;

                default:
                    return null;
            }
        }

        /// <summary>
        /// The test a pattern makes of a string (<c>"latest"</c>, <c>"latest" or "edge"</c>, <c>not "latest"</c>,
        /// <c>var x</c>, <c>_</c>, <c>string</c>, <c>null</c>); null when the pattern is of another shape.
        /// </summary>
        internal static Func<string, bool>? Pattern(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation { Value: { } value } when Constant(value) is { } constant:
                    return text => text == constant;
                case IConstantPatternOperation { Value: { } value } when Strip(value).ConstantValue is { HasValue: true, Value: null }:
                    return static _ => false;
                case IDiscardPatternOperation:
                    return static _ => true;
                case IDeclarationPatternOperation:
                case ITypePatternOperation:
                    // `var x`, `string s`, `string`: every constant string matches.
                    return static _ => true;
                case INegatedPatternOperation { Pattern: { } negated } when Pattern(negated) is { } inner:
                    return text => !inner(text);
                case IBinaryPatternOperation { LeftPattern: { } left, RightPattern: { } right } binary
                    when Pattern(left) is { } first && Pattern(right) is { } second:
                    return binary.OperatorKind == BinaryOperatorKind.Or
                        ? text => first(text) || second(text)
                        : text => first(text) && second(text);
                default:
                    return null;
            }
        }

        /// <summary>
        /// For the arms of a <c>switch</c> on <paramref name="subject"/>, in order, the test each arm makes of the
        /// subject's value: its pattern and guard hold, and those of no earlier arm do. An arm whose pattern is not read
        /// here gets null (nothing is known of it), and does not rule out the arms after it; a guard that is not read
        /// leaves the pattern's test, which the arm still needs.
        /// </summary>
        internal static Func<string, bool>?[] Arms(IOperation subject, (IPatternOperation? Pattern, IOperation? Constant, IOperation? Guard, bool IsDefault)[] arms, Func<IInvocationOperation, IOperation?>? predicate)
        {
            var tests = new Func<string, bool>?[arms.Length];
            Func<string, bool>? noEarlier = null;
            for (int i = 0; i < arms.Length; i++)
            {
                var (pattern, constant, guard, _) = arms[i];
                var own = pattern is not null ? Pattern(pattern) : constant is not null ? ConstantCase(constant) : null;
                bool exact = own is not null;
                if (own is not null && guard is not null)
                {
                    if (Shape(guard, predicate, 0) is { } shape && (SameValue(shape.Subject, subject) || (pattern is not null && IsDeclaredBy(shape.Subject, pattern))))
                    {
                        var matches = own;
                        own = text => matches(text) && shape.Test(text);
                    }
                    else
                    {
                        exact = false;
                    }
                }

                var earlier = noEarlier;
                tests[i] = own is null ? earlier : earlier is null ? own : text => own(text) && earlier(text);
                if (exact)
                {
                    var matched = own!;
                    noEarlier = earlier is null ? text => !matched(text) : text => earlier(text) && !matched(text);
                }
            }

            // A `default:` section of a switch statement is taken when no other section is, wherever it is written.
            for (int i = 0; i < arms.Length; i++)
            {
                if (arms[i].IsDefault)
                {
                    tests[i] = noEarlier;
                }
            }

            return tests;
        }

        // `case "latest":` in a switch statement; `case null:` matches no constant string.
        private static Func<string, bool>? ConstantCase(IOperation value) => Strip(value).ConstantValue switch
        {
            { HasValue: true, Value: string text } => candidate => candidate == text,
            { HasValue: true, Value: null } => static _ => false,
            _ => null,
        };

        // `x switch { var i when i.EndsWith(":latest") => … }`: the guard tests the variable the pattern declares.
        private static bool IsDeclaredBy(IOperation tested, IPatternOperation pattern) =>
            Strip(tested) is ILocalReferenceOperation { Local: { } local }
            && pattern is IDeclarationPatternOperation { DeclaredSymbol: { } declared }
            && SymbolEqualityComparer.Default.Equals(local, declared);

        private static bool SameValue(IOperation first, IOperation second) =>
            Strip(first) is IParameterReferenceOperation { Parameter: { } a } && Strip(second) is IParameterReferenceOperation { Parameter: { } b }
                ? SymbolEqualityComparer.Default.Equals(a, b)
                : first.Syntax.IsEquivalentTo(second.Syntax);

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
