using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Summaries
{
    /// <summary>
    /// The tests of string values that choose a <c>return</c> of a method: the <c>if</c> (or <c>else</c>) it is under,
    /// each earlier <c>if</c> of an enclosing block that returned or threw (so its test failed), and the <c>case</c>
    /// of a <c>switch</c> statement it is in. Conditions of other shapes are skipped: the return stays possible there.
    /// </summary>
    internal static class ReturnGuards
    {
        internal static ImmutableArray<(IOperation Subject, Func<string, bool> Test)> Of(IOperation @return, IOperation root, Func<IInvocationOperation, IOperation?> predicate)
        {
            ImmutableArray<(IOperation, Func<string, bool>)>.Builder? guards = null;
            var child = @return;
            for (var parent = @return.Parent; parent is not null && child != root; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation { Syntax: IfStatementSyntax } @if:
                        if (child == @if.WhenTrue)
                        {
                            Add(ref guards, @if.Condition, arm: true, predicate);
                        }
                        else if (child == @if.WhenFalse)
                        {
                            Add(ref guards, @if.Condition, arm: false, predicate);
                        }

                        break;

                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation { Syntax: IfStatementSyntax, WhenFalse: null, WhenTrue: { } taken } earlier && Exits(taken))
                            {
                                // `if (image.EndsWith(":latest")) return "Always";` before this return: its test failed.
                                Add(ref guards, earlier.Condition, arm: false, predicate);
                            }
                        }

                        break;

                    case ISwitchCaseOperation section when section.Parent is ISwitchOperation { Value: { } subject } @switch:
                        if (Section(@switch, section, predicate) is { } test)
                        {
                            (guards ??= ImmutableArray.CreateBuilder<(IOperation, Func<string, bool>)>()).Add((subject, test));
                        }

                        break;

                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return guards?.ToImmutable() ?? ImmutableArray<(IOperation, Func<string, bool>)>.Empty;
                }
            }

            return guards?.ToImmutable() ?? ImmutableArray<(IOperation, Func<string, bool>)>.Empty;
        }

        private static void Add(ref ImmutableArray<(IOperation, Func<string, bool>)>.Builder? guards, IOperation condition, bool arm, Func<IInvocationOperation, IOperation?> predicate)
        {
            if (ValueTestReader.Shape(condition, predicate) is not { } shape)
            {
                return;
            }

            var test = shape.Test;
            (guards ??= ImmutableArray.CreateBuilder<(IOperation, Func<string, bool>)>()).Add((shape.Subject, arm ? test : text => !test(text)));
        }

        // A statement after which nothing of the block runs: a return, a throw, or a block that ends with one.
        private static bool Exits(IOperation statement)
        {
            while (statement is IBlockOperation { Operations.Length: > 0 } block)
            {
                statement = block.Operations[block.Operations.Length - 1];
            }

            return statement is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
        }

        // The test a switch statement's section makes: any of its clauses, and no earlier section (the default section:
        // no other section).
        private static Func<string, bool>? Section(ISwitchOperation @switch, ISwitchCaseOperation section, Func<IInvocationOperation, IOperation?> predicate)
        {
            var clauses = new System.Collections.Generic.List<(IPatternOperation?, IOperation?, IOperation?, bool)>();
            var owners = new System.Collections.Generic.List<ISwitchCaseOperation>();
            foreach (var each in @switch.Cases)
            {
                foreach (var clause in each.Clauses)
                {
                    switch (clause)
                    {
                        case IDefaultCaseClauseOperation:
                            clauses.Add((null, null, null, true));
                            break;
                        case IPatternCaseClauseOperation { Pattern: { } pattern } withPattern:
                            clauses.Add((pattern, null, withPattern.Guard, false));
                            break;
                        case ISingleValueCaseClauseOperation { Value: { } value }:
                            clauses.Add((null, value, null, false));
                            break;
                        default:
                            clauses.Add((null, null, null, false));
                            break;
                    }

                    owners.Add(each);
                }
            }

            var tests = ValueTestReader.Arms(@switch.Value, clauses.ToArray(), predicate);
            Func<string, bool>? any = null;
            for (int i = 0; i < tests.Length; i++)
            {
                if (owners[i] != section)
                {
                    continue;
                }

                if (tests[i] is not { } test)
                {
                    // A clause of this section that is not read: the section may be taken for any value.
                    return null;
                }

                var before = any;
                any = before is null ? test : text => before(text) || test(text);
            }

            return any;
        }
    }
}
