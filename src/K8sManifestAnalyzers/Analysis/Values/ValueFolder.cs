using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// What a body knows of its locals and parameters while a value is folded: the assignments of a local that reach
    /// a read, and, inside a called method, the argument a call site passes for a parameter.
    /// </summary>
    internal interface IValueScope
    {
        /// <summary>The values assigned to the local that reach <paramref name="reference"/>; null when they cannot be known.</summary>
        IReadOnlyList<IOperation>? ReachingValues(ILocalReferenceOperation reference);

        /// <summary>The argument passed for the parameter, and the scope to fold it in; null when not known.</summary>
        (IOperation Value, IValueScope? Scope)? Argument(IParameterSymbol parameter);

        /// <summary>The methods this scope is inside, innermost last, to bound depth and stop recursion.</summary>
        int CallDepth { get; }

        /// <summary>True when <paramref name="method"/> is already being followed (recursion).</summary>
        bool IsFollowing(IMethodSymbol method);

        /// <summary>
        /// When <paramref name="local"/> is a <c>foreach</c> variable, or the parameter of a lambda a LINQ <c>Select</c>
        /// or a <c>ForEach</c> runs over each element, the collection it runs over, and for a variable of a
        /// deconstruction (<c>foreach (var (name, image) in rows)</c>) its position; -1 for the whole element.
        /// </summary>
        (IOperation Collection, int Position)? ForEachSource(ISymbol local);
    }

    /// <summary>
    /// Folds an expression to its possible constant values: through <c>??</c>, <c>?:</c>, switch expressions,
    /// concatenation and interpolation, <c>string.Empty</c>, <c>static readonly</c> fields, the initializers of
    /// settable options (the default a deployment gets when nothing configures it), expression-bodied properties and
    /// locals assigned on several paths. Whatever is not followed is unknown. Members are folded once per compilation
    /// and cached by symbol; depth is bounded and cycles stop.
    /// </summary>
    internal sealed class ValueFolder
    {
        private const int MaxDepth = 8;
        private const int MaxCombinations = 16;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<ISymbol, PossibleValues> _members = new(SymbolEqualityComparer.Default);
        private readonly INamedTypeSymbol? _string;

        internal ValueFolder(Compilation compilation)
        {
            _compilation = compilation;
            _string = compilation.GetSpecialType(SpecialType.System_String);
        }

        /// <summary>
        /// The possible values of <paramref name="value"/>. <paramref name="scope"/> resolves locals (and, in a called
        /// method, parameters) of the body being analyzed; <paramref name="propertyDefaults"/> is false when the
        /// initializers of settable members must not be taken as defaults (option <c>k8s_manifests.property_defaults</c>).
        /// </summary>
        internal PossibleValues Fold(IOperation? value, IValueScope? scope, bool propertyDefaults) =>
            Fold(value, new FoldState(scope, propertyDefaults), 0);

        /// <summary>The methods whose bodies the folder follows into (value-returning helpers); set once per compilation.</summary>
        internal Summaries.MethodSummaries? Methods { get; set; }

        // The one expression a called method of the compilation returns, to read a test it makes (`IsMutable(image)`).
        private IOperation? Predicate(IInvocationOperation call) => Methods?.PredicateOf(call.TargetMethod);

        private PossibleValues Fold(IOperation? operation, FoldState state, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return PossibleValues.Unknown;
            }

            if (operation.ConstantValue is { HasValue: true } constant)
            {
                // A named constant keeps its name for messages, like a static readonly field: "the value of Images.Api".
                string? description = operation is IFieldReferenceOperation { Field: { IsConst: true } named }
                    ? "the value of " + named.ContainingType.Name + "." + named.Name
                    : null;
                return constant.Value is null or string
                    ? PossibleValues.Of(new PossibleValue(constant.Value as string, OperationSite.Of(operation), ValueScenario.Always, description))
                    : PossibleValues.Unknown;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Fold(conversion.Operand, state, depth);

                case IParenthesizedOperation parenthesized:
                    return Fold(parenthesized.Operand, state, depth);

                case ICoalesceOperation coalesce:
                    return FoldCoalesce(coalesce, state, depth);

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    if (conditional.Condition.ConstantValue is { HasValue: true, Value: bool taken })
                    {
                        return Fold(taken ? conditional.WhenTrue : whenFalse, state, depth + 1);
                    }

                    var whenTrue = Fold(conditional.WhenTrue, state, depth + 1);
                    var otherwise = Fold(whenFalse, state, depth + 1);
                    if (!whenTrue.Constants.IsEmpty && ValueTestReader.Of(conditional.Condition, subject => Fold(subject, state, depth + 1), Predicate) is { } test)
                    {
                        // `image.EndsWith(":latest") ? "Always" : "IfNotPresent"`: a rule that knows the image keeps one arm.
                        whenTrue = whenTrue.TestedBy(test);
                        otherwise = otherwise.TestedBy(test.ForArm(false));
                    }

                    return whenTrue.Union(otherwise).Map(ValueScenario.Branch, null);

                case ISwitchExpressionOperation @switch:
                    var arms = PossibleValues.None;
                    var cases = new (IPatternOperation?, IOperation?, IOperation?, bool)[@switch.Arms.Length];
                    for (int i = 0; i < cases.Length; i++)
                    {
                        cases[i] = (@switch.Arms[i].Pattern, null, @switch.Arms[i].Guard, false);
                    }

                    var tests = ValueTestReader.Arms(@switch.Value, cases, Predicate);
                    ValueTest? subject = null;
                    for (int i = 0; i < cases.Length; i++)
                    {
                        var arm = Fold(@switch.Arms[i].Value, state, depth + 1);
                        if (tests[i] is { } armTest && !arm.Constants.IsEmpty
                            && (subject ??= ValueTestReader.Of(@switch.Value, static _ => true, value => Fold(value, state, depth + 1))) is { } tested)
                        {
                            // `image switch { var i when i.EndsWith(":latest") => "Always", _ => "IfNotPresent" }`.
                            arm = arm.TestedBy(tested.WithTest(armTest));
                        }

                        arms = arms.Union(arm);
                    }

                    return @switch.Arms.Length == 1 ? arms : arms.Map(ValueScenario.Branch, null);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsString(binary.Type):
                    return Concatenate(new[] { new Part(binary.LeftOperand), new Part(binary.RightOperand) }, operation, state, depth);

                case IInterpolatedStringOperation interpolated:
                    var parts = new List<Part>(interpolated.Parts.Length);
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text:
                                parts.Add(new Part(text.Text));
                                break;
                            case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                                parts.Add(new Part(hole.Expression));
                                break;
                            default:
                                return PossibleValues.Unknown;
                        }
                    }

                    return Concatenate(parts, operation, state, depth);

                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Concat" or "Format" } method } call when IsString(method.ContainingType):
                    return StringCallParts(call) is { } called ? Concatenate(called, operation, state, depth) : PossibleValues.Unknown;

                case IFieldReferenceOperation { Instance: ILocalReferenceOperation row } cell when state.Scope?.ForEachSource(row.Local) is { Position: -1 } table:
                    return FoldRows(table.Collection, cell.Field, -1, state, depth);

                case IPropertyReferenceOperation { Instance: ILocalReferenceOperation row, Arguments.IsEmpty: true } cell when state.Scope?.ForEachSource(row.Local) is { Position: -1 } table:
                    return FoldRows(table.Collection, cell.Property, -1, state, depth);

                case ILocalReferenceOperation deconstructed when state.Scope?.ForEachSource(deconstructed.Local) is { Position: >= 0 } table:
                    return FoldRows(table.Collection, null, table.Position, state, depth);

                case IFieldReferenceOperation { Instance: IParameterReferenceOperation row } cell when state.Scope?.ForEachSource(row.Parameter) is { Position: -1 } table:
                    return FoldRows(table.Collection, cell.Field, -1, state, depth);

                case IPropertyReferenceOperation { Instance: IParameterReferenceOperation row, Arguments.IsEmpty: true } cell when state.Scope?.ForEachSource(row.Parameter) is { Position: -1 } table:
                    return FoldRows(table.Collection, cell.Property, -1, state, depth);

                case ILocalReferenceOperation element when IsString(element.Type) && state.Scope?.ForEachSource(element.Local) is { Position: -1 } table:
                    // `foreach (var image in Images)`: each element of a list of strings.
                    return FoldRows(table.Collection, null, -1, state, depth);

                case IParameterReferenceOperation element when IsString(element.Type) && state.Scope?.ForEachSource(element.Parameter) is { Position: -1 } table:
                    // `Images.Select(image => new V1Container { Image = image })`.
                    return FoldRows(table.Collection, null, -1, state, depth);

                case IFieldReferenceOperation { Instance: { } instance } field when ReadsObject(field.Field) && FoldOfObject(instance, field.Field, state, depth) is { } held:
                    return held;

                case IPropertyReferenceOperation { Instance: { } instance, Arguments.IsEmpty: true } property when ReadsObject(property.Property) && FoldOfObject(instance, property.Property, state, depth) is { } held:
                    return held;

                case IFieldReferenceOperation field:
                    return FoldMember(field.Field, operation, state, depth);

                case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                    return FoldMember(property.Property, operation, state, depth);

                case ILocalReferenceOperation local when state.Scope?.ReachingValues(local) is { Count: > 0 } reaching:
                    var assigned = PossibleValues.None;
                    foreach (var value in reaching)
                    {
                        // A constant from elsewhere that the local holds is chosen where the local is assigned.
                        var folded = Fold(value, state, depth + 1);
                        assigned = assigned.Union(folded.Constants.IsEmpty ? folded : folded.AnchoredAt(OperationSite.Of(value)));
                    }

                    return reaching.Count == 1 ? assigned : assigned.Map(ValueScenario.Branch, null);

                case IParameterReferenceOperation parameter when state.Scope?.Argument(parameter.Parameter) is { } argument:
                    return Fold(argument.Value, state.With(argument.Scope), depth + 1);

                case IInvocationOperation invocation when Methods is not null:
                    return Methods.FoldReturn(invocation, this, state.Scope, state.PropertyDefaults, depth);

                default:
                    return PossibleValues.Unknown;
            }
        }

        // A `foreach` over a table written in the code (a `static readonly` array or list of tuples or records, an array
        // or collection written in the loop): the cell of each row, as values of different rows (Branch). A row that
        // cannot be read, or a table that cannot be followed, makes the value unknown too.
        private PossibleValues FoldRows(IOperation collection, ISymbol? member, int position, FoldState state, int depth)
        {
            if (Rows(collection, state) is not { Count: > 0 } rows)
            {
                return PossibleValues.Unknown;
            }

            var values = PossibleValues.None;
            var named = ObjectMembers.WithoutConversionsOrParentheses(collection);
            string table = Describe(named is IInvocationOperation { TargetMethod: { IsExtensionMethod: true, Name: "ToList" or "ToArray" or "AsEnumerable" }, Arguments.Length: 1 } copy
                ? copy.Arguments[0].Value
                : named);
            for (int i = 0; i < rows.Count; i++)
            {
                // Messages name the row: "row 3 of Jobs".
                values = Cell(rows[i], member, position) is { } cell
                    ? values.Union(Fold(cell, state, depth + 1).Map(ValueScenario.Branch, "row " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " of " + table))
                    : values.WithOpaque();
            }

            return values;
        }

        // The rows of a table: the elements of an array, a list initializer or a collection expression, written in place
        // or as the initializer of a `static readonly` field (no static constructor may change it).
        private IReadOnlyList<IOperation>? Rows(IOperation collection, FoldState state)
        {
            var table = ObjectMembers.WithoutConversionsOrParentheses(collection);
            if (table is IInvocationOperation { TargetMethod: { IsExtensionMethod: true, Name: "ToList" or "ToArray" or "AsEnumerable" } copy, Arguments.Length: 1 } copied
                && Summaries.MethodSummaries.IsKnownNotToWrite(copy))
            {
                // `Images.ToList().ForEach(…)`: the same rows.
                table = ObjectMembers.WithoutConversionsOrParentheses(copied.Arguments[0].Value);
            }

            if (table is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }
                && field.DeclaringSyntaxReferences.Length == 1
                && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && !HasStaticConstructor(field.ContainingType))
            {
                table = Bind(initializer) is { } bound ? ObjectMembers.WithoutConversionsOrParentheses(bound) : null;
            }
            else if (table is ILocalReferenceOperation local && state.Scope?.ReachingValues(local) is { Count: 1 } reaching)
            {
                table = ObjectMembers.WithoutConversionsOrParentheses(reaching[0]);
            }

            switch (table)
            {
                case IArrayCreationOperation { Initializer: { } elements }:
                    return elements.ElementValues;
                case IArrayInitializerOperation elements:
                    return elements.ElementValues;
                case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } list }:
                    var added = new List<IOperation>(list.Initializers.Length);
                    foreach (var element in list.Initializers)
                    {
                        if (element is not IInvocationOperation { Arguments.Length: 1 } add)
                        {
                            return null;
                        }

                        added.Add(add.Arguments[0].Value);
                    }

                    return added;
                case { Syntax: CollectionExpressionSyntax } expression:
                    var items = new List<IOperation>();
                    foreach (var child in expression.ChildOperations)
                    {
                        if (child.Syntax is SpreadElementSyntax)
                        {
                            return null;
                        }

                        items.Add(child);
                    }

                    return items;
                default:
                    return null;
            }
        }

        // The cell of one row: a tuple's element (by the member's tuple field, or by position), or a record's or class's
        // member written in its initializer or passed to its constructor (a positional record; by position too).
        private static IOperation? Cell(IOperation row, ISymbol? member, int position)
        {
            if (member is null && position < 0)
            {
                // The element itself (a list of strings).
                return row;
            }

            switch (ObjectMembers.WithoutConversionsOrParentheses(row))
            {
                case ITupleOperation tuple:
                    int index = position >= 0 ? position
                        : member is IFieldSymbol { CorrespondingTupleField.Name: { } item } && item.StartsWith("Item", System.StringComparison.Ordinal)
                            && int.TryParse(item.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n - 1
                        : -1;
                    return index >= 0 && index < tuple.Elements.Length ? tuple.Elements[index] : null;

                case IObjectCreationOperation creation when member is not null:
                    return ObjectMembers.Find(creation, member.Name);

                case IObjectCreationOperation creation when position >= 0 && creation.Initializer is null:
                    return position < creation.Arguments.Length ? creation.Arguments[position].Value : null;

                default:
                    return null;
            }
        }

        // `a ?? b`: the non-null values of a; and b's values where a may be null, as the fallback used then.
        private PossibleValues FoldCoalesce(ICoalesceOperation coalesce, FoldState state, int depth)
        {
            var left = Fold(coalesce.Value, state, depth + 1);
            var result = left.WithoutNull();
            if (!left.HasOpaque && !left.MayBeNull)
            {
                // Constants and values with holes are never null.
                return result;
            }

            var right = Fold(coalesce.WhenNull, state, depth + 1);
            string description = "used when " + Describe(coalesce.Value) + " is null";
            right = right.Map(ValueScenario.Unconfigured, description);
            return new PossibleValues(result.Constants.AddRange(right.Constants), result.Partials.AddRange(right.Partials), left.HasOpaque || right.HasOpaque);
        }

        // The parts of `string.Concat(a, b, …)` and of `string.Format("…{0}…", a, …)` with a constant format whose holes
        // are plain `{n}`, each used once; null when the call is another one, or a hole has an alignment or a format.
        private List<Part>? StringCallParts(IInvocationOperation call)
        {
            var arguments = new List<IOperation>();
            foreach (var argument in call.Arguments)
            {
                switch (argument)
                {
                    case { ArgumentKind: ArgumentKind.Explicit, Parameter.Type: { } type } when IsString(type) || type.SpecialType == SpecialType.System_Object:
                        arguments.Add(argument.Value);
                        break;
                    case { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { Initializer: { } elements } }:
                        arguments.AddRange(elements.ElementValues);
                        break;
                    default:
                        return null;
                }
            }

            if (call.TargetMethod.Name == "Concat")
            {
                var parts = new List<Part>(arguments.Count);
                foreach (var argument in arguments)
                {
                    parts.Add(new Part(argument));
                }

                return parts;
            }

            if (arguments.Count == 0 || call.TargetMethod.Parameters[0].Name != "format" || arguments[0].ConstantValue is not { HasValue: true, Value: string format })
            {
                return null;
            }

            return FormatParts(format, arguments);
        }

        // `{{` and `}}` are braces; `{n}` is argument n + 1 of the call (after the format). Anything else throws at run
        // time or formats the argument: unknown.
        private static List<Part>? FormatParts(string format, List<IOperation> arguments)
        {
            var parts = new List<Part>();
            var used = new HashSet<int>();
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < format.Length; i++)
            {
                char c = format[i];
                if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                if (c == '}')
                {
                    return null;
                }

                if (c != '{')
                {
                    text.Append(c);
                    continue;
                }

                int index = 0;
                int start = ++i;
                while (i < format.Length && format[i] >= '0' && format[i] <= '9' && i - start < 6)
                {
                    index = (index * 10) + (format[i] - '0');
                    i++;
                }

                if (i == start || i >= format.Length || format[i] != '}' || index + 1 >= arguments.Count || !used.Add(index))
                {
                    return null;
                }

                parts.Add(new Part(text.ToString()));
                text.Clear();
                parts.Add(new Part(arguments[index + 1]));
            }

            parts.Add(new Part(text.ToString()));
            return parts;
        }

        // Constant combinations as before (every part has constants, at most 16 of them); besides them, the values with
        // holes: a part that may be unknown is a hole there, written as its source, up to 16 such values.
        private PossibleValues Concatenate(IReadOnlyList<Part> parts, IOperation whole, FoldState state, int depth)
        {
            var texts = new List<(string Text, ValueScenario Scenario, string? Description, ImmutableArray<PossibleValue> Parts)> { (string.Empty, ValueScenario.Always, null, ImmutableArray<PossibleValue>.Empty) };
            List<Combination>? partials = null;
            bool constantsPossible = true;
            bool partialsDropped = false;
            foreach (var part in parts)
            {
                var values = part.Operation is null
                    ? PossibleValues.Of(new PossibleValue(part.Text, OperationSite.Of(whole), ValueScenario.Always, null))
                    : Fold(part.Operation, state, depth + 1);
                bool hole = values.HasOpaque || (values.Constants.IsEmpty && values.Partials.IsEmpty);
                string? source = hole ? Describe(part.Operation!) : null;

                // Most concatenations are constants only: the list of values with holes is made when one appears.
                List<Combination>? nextPartials = null;
                if (!partialsDropped && (source is not null || !values.Partials.IsEmpty || partials is not null))
                {
                    nextPartials = new List<Combination>();
                    if (constantsPossible)
                    {
                        foreach (var (prefix, scenario, description, _) in texts)
                        {
                            var start = new Combination(prefix, scenario, description);
                            foreach (var partial in values.Partials)
                            {
                                nextPartials.Add(start.Append(partial));
                            }

                            if (source is not null)
                            {
                                nextPartials.Add(start.AppendHole(source));
                            }
                        }
                    }

                    if (partials is not null)
                    {
                        foreach (var combination in partials)
                        {
                            foreach (var value in values.Constants)
                            {
                                nextPartials.Add(combination.Append(value));
                            }

                            foreach (var partial in values.Partials)
                            {
                                nextPartials.Add(combination.Append(partial));
                            }

                            if (source is not null)
                            {
                                nextPartials.Add(combination.AppendHole(source));
                            }
                        }
                    }

                    if (nextPartials.Count > MaxCombinations)
                    {
                        partialsDropped = true;
                        nextPartials = null;
                    }
                }

                partials = nextPartials;
                if (values.Constants.IsEmpty)
                {
                    constantsPossible = false;
                    texts.Clear();
                    continue;
                }

                if (!constantsPossible)
                {
                    continue;
                }

                var next = new List<(string, ValueScenario, string?, ImmutableArray<PossibleValue>)>();
                foreach (var (prefix, scenario, description, joined) in texts)
                {
                    foreach (var value in values.Constants)
                    {
                        // The constants of the parts that are expressions (not the text written in the format) are kept.
                        var withPart = part.Operation is null ? joined : joined.Add(value).AddRange(value.Parts);
                        next.Add((prefix + value.Text, ValueScenarios.Combine(value.Scenario, scenario), description ?? value.Description, withPart));
                        if (next.Count > MaxCombinations)
                        {
                            return PossibleValues.Unknown;
                        }
                    }
                }

                texts = next;
            }

            var builder = ImmutableArray.CreateBuilder<PossibleValue>(texts.Count);
            var wholeSite = OperationSite.Of(whole);
            foreach (var (text, scenario, description, joined) in texts)
            {
                builder.Add(new PossibleValue(text, wholeSite, scenario, description, parts: joined));
            }

            var partialValues = ImmutableArray<PartialValue>.Empty;
            if (partials is { Count: > 0 })
            {
                var partialBuilder = ImmutableArray.CreateBuilder<PartialValue>(partials.Count);
                foreach (var combination in partials)
                {
                    partialBuilder.Add(combination.ToValue(wholeSite));
                }

                partialValues = partialBuilder.MoveToImmutable();
            }

            return new PossibleValues(builder.MoveToImmutable(), partialValues, partialsDropped);
        }

        // An instance member of a type of this compilation (a record, a values class) holding a string: read from the
        // object it is read on when that object can be followed to where it is made.
        private bool ReadsObject(ISymbol member) =>
            !member.IsStatic && member.DeclaringSyntaxReferences.Length == 1 && _compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree)
            && IsString(member is IFieldSymbol field ? field.Type : (member as IPropertySymbol)?.Type)
            && !member.IsAbstract && !member.IsVirtual && !member.IsOverride && member.ContainingType?.TypeKind is TypeKind.Class or TypeKind.Struct;

        // `profile.Tag` where `profile` is `new Profile("ghcr.io/acme/api", Tag: "latest")`, `Profiles.Default with { Tag = "latest" }`,
        // a `static readonly` instance, a local or a parameter holding one: the member's value in each object it may
        // be (values of different objects as Branch). Null when the object cannot be followed to where it is made; the
        // member is then read as before (its declaration's default).
        private PossibleValues? FoldOfObject(IOperation instance, ISymbol member, FoldState state, int depth)
        {
            var objects = new List<(IOperation Made, FoldState State, IOperation? PassedAt)>();
            if (!Objects(instance, state, 0, null, objects) || objects.Count == 0)
            {
                return null;
            }

            var values = PossibleValues.None;
            foreach (var (made, madeState, passedAt) in objects)
            {
                if (ReadMember(made, member, madeState, depth, 0) is not { } value)
                {
                    return null;
                }

                // `Make(Profiles.Edge)`: a value of an object made elsewhere is chosen where it is passed.
                values = values.Union(passedAt is null ? value : value.AnchoredAt(OperationSite.Of(passedAt)));
            }

            if (ObjectMembers.WithoutConversionsOrParentheses(instance) is not IInstanceReferenceOperation)
            {
                // The message names the object the value is read from (`read from Profiles.Edge`), not the member's code.
                var source = objects.Count == 1 ? objects[0].PassedAt ?? objects[0].Made : instance;
                values = values.Map(ValueScenario.Always, "read from " + Describe(source));
            }

            return objects.Count == 1 ? values : values.Map(ValueScenario.Branch, null);
        }

        // The expressions that make the object `instance` denotes: creations and `with` copies.
        private bool Objects(IOperation instance, FoldState state, int hops, IOperation? passedAt, List<(IOperation, FoldState, IOperation?)> objects)
        {
            if (hops > MaxDepth || objects.Count > MaxCombinations)
            {
                return false;
            }

            switch (ObjectMembers.WithoutConversionsOrParentheses(instance))
            {
                case IObjectCreationOperation or IWithOperation:
                    objects.Add((ObjectMembers.WithoutConversionsOrParentheses(instance), state, passedAt));
                    return true;

                case IInstanceReferenceOperation when state.This is { } self:
                    return Objects(self.Instance, self.State, hops + 1, passedAt, objects);

                case ILocalReferenceOperation local when state.Scope?.ReachingValues(local) is { Count: > 0 } reaching:
                    foreach (var value in reaching)
                    {
                        if (!Objects(value, state, hops + 1, passedAt, objects))
                        {
                            return false;
                        }
                    }

                    return true;

                case IParameterReferenceOperation parameter when state.Scope?.Argument(parameter.Parameter) is { } argument:
                    return Objects(argument.Value, state.With(argument.Scope), hops + 1, argument.Value, objects);

                case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }
                    when field.DeclaringSyntaxReferences.Length == 1
                        && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                        && !HasStaticConstructor(field.ContainingType) && Bind(initializer) is { } bound:
                    return Objects(bound, new FoldState(null, state.PropertyDefaults), hops + 1, passedAt, objects);

                case IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null } property }
                    when property.DeclaringSyntaxReferences.Length == 1
                        && property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax declaration
                        && (declaration.ExpressionBody?.Expression ?? (IsAutoProperty(declaration) ? declaration.Initializer?.Value : null)) is { } body
                        && !HasStaticConstructor(property.ContainingType) && Bind(body) is { } made:
                    return Objects(made, new FoldState(null, state.PropertyDefaults), hops + 1, passedAt, objects);

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Objects(conditional.WhenTrue, state, hops + 1, passedAt, objects) && Objects(whenFalse, state, hops + 1, passedAt, objects);

                default:
                    return false;
            }
        }

        // The member's value in one object: a computed property folded with `this` as the object; what a `with` sets,
        // else the copied object's; what a creation's initializer or constructor argument (a positional record's
        // parameter, its default included) sets, else the member's own initializer.
        private PossibleValues? ReadMember(IOperation made, ISymbol member, FoldState state, int depth, int hops)
        {
            if (hops > MaxDepth)
            {
                return null;
            }

            var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
            if (declaration is PropertyDeclarationSyntax { ExpressionBody.Expression: { } computed })
            {
                // `public string Image => $"{Registry}/{Repository}:{Tag}";`
                return Bind(computed) is { } body
                    ? Fold(body, new FoldState(null, state.PropertyDefaults) { This = (made, state) }, depth + 1)
                    : null;
            }

            if (declaration is PropertyDeclarationSyntax property && !IsAutoProperty(property))
            {
                return null;
            }

            switch (made)
            {
                case IWithOperation with:
                    foreach (var set in with.Initializer.Initializers)
                    {
                        if (set is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: { } target } } assignment
                            && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, member.OriginalDefinition))
                        {
                            return Fold(assignment.Value, state, depth + 1);
                        }
                    }

                    var copied = new List<(IOperation, FoldState, IOperation?)>();
                    if (!Objects(with.Operand, state, hops + 1, null, copied) || copied.Count != 1)
                    {
                        return null;
                    }

                    return ReadMember(copied[0].Item1, member, copied[0].Item2, depth, hops + 1);

                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, member.ContainingType.OriginalDefinition):
                    if (ObjectMembers.Find(creation, member.Name) is { } written)
                    {
                        return Fold(written, state, depth + 1);
                    }

                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                            && string.Equals(parameter.Name, member.Name, System.StringComparison.Ordinal))
                        {
                            // A positional record's parameter left to its default.
                            return Fold(argument.Value, state, depth + 1);
                        }
                    }

                    if (creation.Constructor is { } constructor && !constructor.IsImplicitlyDeclared && !IsPrimaryConstructor(constructor))
                    {
                        // A constructor with a body may set the member.
                        return null;
                    }

                    // Not set where the object is made: the member's own initializer, as its declaration gives it.
                    return FoldMember(member, made, state, depth);

                default:
                    return null;
            }
        }

        private static bool IsPrimaryConstructor(IMethodSymbol constructor) =>
            constructor.DeclaringSyntaxReferences.Length == 1 && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

        // Fields and properties declared in this compilation, folded once each.
        private PossibleValues FoldMember(ISymbol member, IOperation reference, FoldState state, int depth)
        {
            if (member is IFieldSymbol { IsStatic: true, Name: "Empty" } field && SymbolEqualityComparer.Default.Equals(field.ContainingType, _string))
            {
                return PossibleValues.Of(new PossibleValue(string.Empty, OperationSite.Of(reference), ValueScenario.Always, null));
            }

            if (member.DeclaringSyntaxReferences.Length != 1 || !IsString(member is IFieldSymbol f ? f.Type : (member as IPropertySymbol)?.Type)
                || member.IsAbstract || member.IsVirtual || (member.IsOverride && !member.IsSealed) || member.ContainingType?.TypeKind == TypeKind.Interface)
            {
                // A virtual or interface member may be another one at run time.
                return PossibleValues.Unknown;
            }

            var key = member.OriginalDefinition;
            if (_members.TryGetValue(key, out var cached))
            {
                return Settle(cached, state);
            }

            if (!state.Enter(key))
            {
                return PossibleValues.Unknown;
            }

            var folded = FoldDeclaration(member, state, depth);
            state.Leave(key);
            _members.TryAdd(key, folded);
            return Settle(folded, state);
        }

        // The cache keeps defaults of settable members as Unconfigured values; without property defaults they are unknown.
        private static PossibleValues Settle(PossibleValues values, FoldState state)
        {
            if (state.PropertyDefaults || (values.Constants.IsEmpty && values.Partials.IsEmpty))
            {
                return values;
            }

            var kept = ImmutableArray.CreateBuilder<PossibleValue>();
            foreach (var value in values.Constants)
            {
                if (!value.IsMemberDefault)
                {
                    kept.Add(value);
                }
            }

            var keptPartials = ImmutableArray.CreateBuilder<PartialValue>();
            foreach (var value in values.Partials)
            {
                if (!value.IsMemberDefault)
                {
                    keptPartials.Add(value);
                }
            }

            return kept.Count == values.Constants.Length && keptPartials.Count == values.Partials.Length
                ? values
                : new PossibleValues(kept.ToImmutable(), keptPartials.ToImmutable(), hasOpaque: true);
        }

        private PossibleValues FoldDeclaration(ISymbol member, FoldState state, int depth)
        {
            var syntax = member.DeclaringSyntaxReferences[0].GetSyntax();
            string name = member.ContainingType.Name + "." + member.Name;
            bool settable;
            ExpressionSyntax? initializer;
            switch (member, syntax)
            {
                case (IFieldSymbol field, VariableDeclaratorSyntax declarator):
                    initializer = declarator.Initializer?.Value;
                    settable = !(field.IsStatic && field.IsReadOnly && !HasStaticConstructor(field.ContainingType));
                    break;

                case (IPropertySymbol property, PropertyDeclarationSyntax declaration) when declaration.ExpressionBody is { } arrow:
                    return Fold(Bind(arrow.Expression), state, depth + 1).Map(ValueScenario.Always, "the value of " + name);

                case (IPropertySymbol property, PropertyDeclarationSyntax declaration) when IsAutoProperty(declaration):
                    initializer = declaration.Initializer?.Value;
                    settable = !(property.IsStatic && property.SetMethod is null && !HasStaticConstructor(property.ContainingType));
                    break;

                default:
                    return PossibleValues.Unknown;
            }

            if (initializer is null)
            {
                return PossibleValues.Unknown;
            }

            var values = Fold(Bind(initializer), state, depth + 1);
            if (settable && IsPlaceholder(values))
            {
                // `= string.Empty` or `= null!` on an option: no default, only a placeholder configuration fills.
                return PossibleValues.Unknown;
            }

            return settable
                ? values.Map(ValueScenario.Unconfigured, "the default of " + name, isMemberDefault: true).WithOpaque()
                : values.Map(ValueScenario.Always, "the value of " + name);
        }

        /// <summary>
        /// The initializer of a <c>static readonly</c> field of the compilation (of a class without a static
        /// constructor), bound; null for any other field.
        /// </summary>
        internal IOperation? StaticReadonlyInitializer(IFieldSymbol field) =>
            field is { IsStatic: true, IsReadOnly: true } && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
            && !HasStaticConstructor(field.ContainingType)
                ? Bind(initializer)
                : null;

        private IOperation? Bind(ExpressionSyntax expression)
        {
            if (!_compilation.ContainsSyntaxTree(expression.SyntaxTree))
            {
                return null;
            }

            // The member is declared in another part of the compilation; its initializer is bound once and cached.
#pragma warning disable RS1030 // Compilation.GetSemanticModel: an initializer in another file has no operation in this one.
            return _compilation.GetSemanticModel(expression.SyntaxTree).GetOperation(expression);
#pragma warning restore RS1030
        }

        private static bool IsPlaceholder(PossibleValues values)
        {
            foreach (var value in values.Constants)
            {
                if (value.Text is { Length: > 0 })
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAutoProperty(PropertyDeclarationSyntax declaration)
        {
            if (declaration.AccessorList is null)
            {
                return false;
            }

            foreach (var accessor in declaration.AccessorList.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasStaticConstructor(INamedTypeSymbol type)
        {
            foreach (var constructor in type.StaticConstructors)
            {
                if (!constructor.IsImplicitlyDeclared)
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsString(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, _string);

        /// <summary>A short text for an expression in a message: its source, on one line, at most 60 characters.</summary>
        internal static string Describe(IOperation operation)
        {
            string text = operation.Syntax.ToString().Replace("\r", " ").Replace("\n", " ");
            while (text.IndexOf("  ", System.StringComparison.Ordinal) >= 0)
            {
                text = text.Replace("  ", " ");
            }

            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }

        /// <summary>Folds in another scope (a called method's body), continuing the depth count.</summary>
        internal PossibleValues FoldIn(IOperation? value, IValueScope? scope, bool propertyDefaults, int depth) =>
            Fold(value, new FoldState(scope, propertyDefaults), depth + 1);

        // A part of a concatenation: an expression to fold, or a text of a format string.
        private readonly struct Part
        {
            internal Part(IOperation operation)
            {
                Operation = operation;
                Text = null;
            }

            internal Part(string text)
            {
                Operation = null;
                Text = text;
            }

            internal IOperation? Operation { get; }

            internal string? Text { get; }
        }

        // One value with holes being built: the texts so far (the last one still open) and the holes between them.
        private sealed class Combination
        {
            private readonly ImmutableArray<string> _texts;
            private readonly ImmutableArray<string> _holes;
            private readonly ValueScenario _scenario;
            private readonly string? _description;

            internal Combination(string prefix, ValueScenario scenario, string? description)
                : this(ImmutableArray.Create(prefix), ImmutableArray<string>.Empty, scenario, description)
            {
            }

            private Combination(ImmutableArray<string> texts, ImmutableArray<string> holes, ValueScenario scenario, string? description)
            {
                _texts = texts;
                _holes = holes;
                _scenario = scenario;
                _description = description;
            }

            internal Combination Append(PossibleValue value) =>
                new(AppendText(_texts, value.Text), _holes, Stronger(value.Scenario), _description ?? value.Description);

            internal Combination Append(PartialValue value)
            {
                var texts = AppendText(_texts, value.Texts[0]).AddRange(value.Texts.RemoveAt(0));
                return new Combination(texts, _holes.AddRange(value.Holes), Stronger(value.Scenario), _description ?? value.Description);
            }

            internal Combination AppendHole(string source) => new(_texts.Add(string.Empty), _holes.Add(source), _scenario, _description);

            internal PartialValue ToValue(ValueSite whole) => new(_texts, _holes, whole, _scenario, _description);

            private ValueScenario Stronger(ValueScenario other) => ValueScenarios.Combine(other, _scenario);

            private static ImmutableArray<string> AppendText(ImmutableArray<string> texts, string? text) =>
                string.IsNullOrEmpty(text) ? texts : texts.SetItem(texts.Length - 1, texts[texts.Length - 1] + text);
        }

        private sealed class FoldState
        {
            private HashSet<ISymbol>? _inProgress;

            internal FoldState(IValueScope? scope, bool propertyDefaults)
            {
                Scope = scope;
                PropertyDefaults = propertyDefaults;
            }

            internal IValueScope? Scope { get; }

            /// <summary>While a computed member is folded for one object: the expression that makes it, and its state.</summary>
            internal (IOperation Instance, FoldState State)? This { get; init; }

            internal FoldState With(IValueScope? scope) => new(scope, PropertyDefaults) { _inProgress = _inProgress };

            internal bool PropertyDefaults { get; }

            internal bool Enter(ISymbol member) => (_inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(member);

            internal void Leave(ISymbol member) => _inProgress?.Remove(member);
        }
    }
}
