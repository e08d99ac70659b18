using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Summaries;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Connects the writes of a method body to the container they reach, path by path: <c>c.ImagePullPolicy = …</c> on
    /// the local it is stored in, <c>spec.Containers[0].Image = …</c>, a <c>foreach</c> over its list that writes each
    /// element, a helper the container is passed to, a fluent builder chained on it. A write that may or may not
    /// reach it (a call that is not followed) makes the property unknown; a write on some paths only leaves the
    /// property unset on the others.
    /// </summary>
    internal static class ContainerFlow
    {
        internal static ContainerModel Complete(IOperation creation, ManifestValue image, ManifestValue policy, ManifestBody body)
        {
            bool isVolume = body.IsImageVolume(creation);
            if ((!image.IsSet || !policy.IsSet) && ContainerReader.FindAssignedLocal(creation, body.Index, out bool ambiguous) is not null && ambiguous)
            {
                // The local also holds other objects: its writes cannot be told apart, so what is unset is unknown.
                return OperationValues.Container(creation, image.IsSet ? image : OperationValues.Unknown(null), policy.IsSet ? policy : OperationValues.Unknown(null), isVolume);
            }

            // A fluent chain on the new object: `new V1Container { … }.WithImage("…").PullAlways()`.
            var top = ApplyChain(creation, ref image, ref policy, body);
            if (top is not null && top != creation && (!image.IsSet || !policy.IsSet) && ContainerReader.FindAssignedLocal(top, body.Index, out bool reassigned) is not null && reassigned)
            {
                // `var c = new V1Container().WithImage(…); c = c.PullAlways();`: the local's writes cannot be told apart.
                return OperationValues.Container(creation, image.IsSet ? image : OperationValues.Unknown(null), policy.IsSet ? policy : OperationValues.Unknown(null), isVolume);
            }

            var placement = top is null ? null : body.Index.PlacementOf(top);
            if (top is not null && placement is null && Unwrapped(top.Parent) is ICoalesceOperation or IConditionalOperation)
            {
                // `existing ?? new V1Container { … }`: the writes that follow go to whichever object it is.
                return OperationValues.Container(creation, image.IsSet ? image : OperationValues.Unknown(null), policy.IsSet ? policy : OperationValues.Unknown(null), isVolume);
            }

            if (top is not null && placement is { } place)
            {
                foreach (var held in body.Index.MayWrite)
                {
                    if (held.Holds(place))
                    {
                        // Handed to a call that is not followed: it may write anything of the container.
                        return OperationValues.Container(creation, image.AsUnknown(), policy.AsUnknown(), isVolume);
                    }
                }

                image = Apply(top, image, ContainerProperty.Image, place, body);
                policy = Apply(top, policy, ContainerProperty.ImagePullPolicy, place, body);
            }

            return OperationValues.Container(creation, image, policy, isVolume);
        }

        private static IOperation? Unwrapped(IOperation? operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        // Follows calls that take the object as an argument and return it (fluent builders), applying their writes.
        // Returns the outermost expression that holds the object, or null when a call that is not followed took it.
        private static IOperation? ApplyChain(IOperation creation, ref ManifestValue image, ref ManifestValue policy, ManifestBody body)
        {
            var top = creation;
            for (int i = 0; i < 16; i++)
            {
                var parent = top.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    top = parent;
                    parent = parent.Parent;
                }

                if (parent is not IArgumentOperation { Parent: IInvocationOperation call, Parameter: { } parameter } || call.Instance == top)
                {
                    return top;
                }

                var summary = body.Types.Values.Methods?.Get(call.TargetMethod, body.Types);
                if (summary is null)
                {
                    if (MethodSummaries.IsKnownNotToWrite(call.TargetMethod))
                    {
                        return top;
                    }

                    image = image.AsUnknown();
                    policy = policy.AsUnknown();
                    return null;
                }

                if (summary.MayWrite.Contains(parameter.Ordinal))
                {
                    image = image.AsUnknown();
                    policy = policy.AsUnknown();
                    return null;
                }

                foreach (var write in summary.Writes)
                {
                    if (write.Parameter == parameter.Ordinal && write.Steps.IsEmpty)
                    {
                        var scope = new CallScope(summary, call, body.Scope);
                        if (write.Write.Property == ContainerProperty.Image)
                        {
                            image = Chained(image, write, body, scope, call);
                        }
                        else if (write.Write.Property == ContainerProperty.ImagePullPolicy)
                        {
                            policy = Chained(policy, write, body, scope, call);
                        }
                    }
                }

                if (summary.ReturnsParameter != parameter.Ordinal)
                {
                    // Written and not returned: what follows is not this object.
                    return null;
                }

                top = call;
            }

            return top;
        }

        private static ManifestValue Chained(ManifestValue current, ParameterWrite write, ManifestBody body, IValueScope scope, IInvocationOperation call)
        {
            var summary = body.Types.Values.Methods?.Get(call.TargetMethod, body.Types);
            var values = body.Folder.Fold(write.Write.Value, scope, body.PropertyDefaults).Map(ValueScenario.Always, "set by " + (summary?.DisplayName ?? call.TargetMethod.Name));
            if (write.Write.IsCoalesce && current.IsSet && !current.Values.MayBeNull && !current.Values.HasUnknown)
            {
                return current;
            }

            var written = OperationValues.From(call, values);
            if (!write.OnEveryPath)
            {
                return current.IsSet ? OperationValues.From(call, current.Values.Union(values).Map(ValueScenario.Branch, null)) : written.OnSomePathsOnly();
            }

            return written;
        }

        private static ManifestValue Apply(IOperation creation, ManifestValue initial, ContainerProperty property, AccessPath place, ManifestBody body)
        {
            List<PropertyWrite>? simple = null;
            List<PropertyWrite>? coalesce = null;
            foreach (var write in body.Index.Writes)
            {
                if (write.Property != property)
                {
                    continue;
                }

                if (write.Instance is null || write.Instance is { Site: null, Root: IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } } })
                {
                    // A write whose object is not followed (`spec.Containers.Where(…)`, `ForEach(c => c.… = …)`) may reach it.
                    return initial.AsUnknown();
                }

                var match = write.Instance.Reaches(place);
                if (match == PathMatch.Definite && write.Instance.CoversEveryElement && !IsUnconditionalInLoop(write.Operation))
                {
                    // `foreach (var c in spec.Containers) if (…) c.ImagePullPolicy = …`: this element may be skipped.
                    match = PathMatch.Possible;
                }

                switch (match)
                {
                    case PathMatch.Possible:
                        return initial.AsUnknown();
                    case PathMatch.Definite when write.IsCoalesce:
                        (coalesce ??= new List<PropertyWrite>()).Add(write);
                        break;
                    case PathMatch.Definite:
                        (simple ??= new List<PropertyWrite>()).Add(write);
                        break;
                }
            }

            var result = initial;
            if (simple is not null)
            {
                result = ApplySimple(creation, initial, simple, body);
            }

            if (coalesce is not null)
            {
                result = ApplyCoalesce(creation, result, simple, coalesce, body);
            }

            return result;
        }

        // The expression a finding about the write goes on: the assignment's value, or the call that makes the write.
        private static IOperation Written(PropertyWrite write) => write.Callee is null ? write.Value : write.Operation;

        private static PossibleValues Fold(PropertyWrite write, ManifestBody body)
        {
            var values = body.Folder.Fold(write.Value, write.ScopeFor(body.Scope), body.PropertyDefaults);
            return write.Callee is { } callee ? values.Map(ValueScenario.Always, "set by " + callee.DisplayName) : values;
        }

        private static ManifestValue ApplySimple(IOperation creation, ManifestValue initial, List<PropertyWrite> writes, ManifestBody body)
        {
            bool? covered = Covered(creation, writes, null, body);
            var first = Written(writes[0]);
            if (writes.Count > 1)
            {
                // Several writes: which one wins on each path is not followed.
                return covered == false && !initial.IsSet ? OperationValues.Unknown(first).OnSomePathsOnly() : OperationValues.Unknown(first);
            }

            var values = Fold(writes[0], body);
            switch (covered)
            {
                case true:
                    return OperationValues.From(first, values);
                case null:
                    // The graph cannot place the write (a lambda): count it as written, as without flow.
                    return initial.IsSet ? OperationValues.Unknown(first) : OperationValues.From(first, values);
                default:
                    return initial.IsSet
                        ? OperationValues.From(first, initial.Values.Union(values).Map(ValueScenario.Branch, null))
                        : OperationValues.From(first, values).OnSomePathsOnly();
            }
        }

        // `c.ImagePullPolicy ??= "IfNotPresent"`: assigns where the value so far is unset or null.
        private static ManifestValue ApplyCoalesce(IOperation creation, ManifestValue current, List<PropertyWrite>? simple, List<PropertyWrite> writes, ManifestBody body)
        {
            if (current.IsSet && !current.SomePathsOnly && !current.Values.HasUnknown && !current.Values.MayBeNull && !current.Values.Constants.IsEmpty)
            {
                return current;
            }

            var first = Written(writes[0]);
            if (writes.Count > 1)
            {
                return OperationValues.Unknown(first);
            }

            var added = Fold(writes[0], body);
            if (current.IsSet && !current.SomePathsOnly)
            {
                string description = "used when " + ValueFolder.Describe(writes[0].Operation is IAssignmentOperation assignment ? assignment.Target : writes[0].Operation) + " is null";
                return OperationValues.From(first, current.Values.WithoutNull().Union(added.Map(ValueScenario.Unconfigured, description)));
            }

            bool? covered = Covered(creation, writes, simple, body);
            var values = current.Values.WithoutNull().Union(added);
            return covered == false ? OperationValues.From(first, values).OnSomePathsOnly() : OperationValues.From(first, values);
        }

        // Whether the writes cover every path from the creation to the end of the body. A foreach that writes every
        // element (checked unconditional before) covers its containers however often it runs. A `??=` counts at its
        // test, after which the property is set whichever way the test went. A call that writes on some of its own
        // paths only covers nothing.
        private static bool? Covered(IOperation creation, List<PropertyWrite> writes, List<PropertyWrite>? more, ManifestBody body)
        {
            var syntaxes = new List<SyntaxNode>(writes.Count + (more?.Count ?? 0));
            foreach (var list in new[] { writes, more })
            {
                foreach (var write in list ?? new List<PropertyWrite>())
                {
                    if (write.Instance is { CoversEveryElement: true } && write.OnEveryPath)
                    {
                        return true;
                    }

                    if (write.OnEveryPath)
                    {
                        syntaxes.Add(write.Coverage);
                    }
                }
            }

            return syntaxes.Count == 0 ? false : body.Flow.CoversEveryPath(creation.Syntax, syntaxes, body.Index.PlacementOf(creation)?.Root as ILocalSymbol);
        }

        // The write is a statement of the foreach body itself, not under a condition, so it runs for every element.
        private static bool IsUnconditionalInLoop(IOperation write)
        {
            for (var current = write.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IForEachLoopOperation:
                        return true;
                    case IExpressionStatementOperation or IBlockOperation:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
