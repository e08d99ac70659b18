using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Connects the writes of a method body to the container they reach, path by path: <c>c.ImagePullPolicy = …</c> on
    /// the local it is stored in, <c>spec.Containers[0].Image = …</c>, a <c>foreach</c> over its list that writes each
    /// element. A write that may or may not reach it makes the property unknown; a write on some paths only leaves
    /// the property unset on the others.
    /// </summary>
    internal static class ContainerFlow
    {
        internal static ContainerModel Complete(IObjectCreationOperation creation, ManifestValue image, ManifestValue policy, ManifestBody body)
        {
            if ((!image.IsSet || !policy.IsSet) && ContainerReader.FindAssignedLocal(creation, out bool ambiguous) is not null && ambiguous)
            {
                // The local also holds other objects: its writes cannot be told apart, so what is unset is unknown.
                return new ContainerModel(
                    creation,
                    image.IsSet ? image : ManifestValue.Unknown(null),
                    policy.IsSet ? policy : ManifestValue.Unknown(null),
                    body.IsImageVolume(creation));
            }

            if (body.Index.PlacementOf(creation) is { } place)
            {
                image = Apply(creation, image, ContainerProperty.Image, place, body);
                policy = Apply(creation, policy, ContainerProperty.ImagePullPolicy, place, body);
            }

            return new ContainerModel(creation, image, policy, body.IsImageVolume(creation));
        }

        private static ManifestValue Apply(IOperation creation, ManifestValue initial, ContainerProperty property, AccessPath place, ManifestBody body)
        {
            List<PropertyWrite>? simple = null;
            List<PropertyWrite>? coalesce = null;
            foreach (var write in body.Index.Writes)
            {
                if (write.Property != property || write.Instance is null)
                {
                    continue;
                }

                var match = write.Instance.Reaches(place);
                if (match == PathMatch.Definite && write.Instance.CoversEveryElement && !IsUnconditionalInLoop(write.Assignment))
                {
                    // `foreach (var c in spec.Containers) if (…) c.ImagePullPolicy = …`: this element may be skipped.
                    match = PathMatch.Possible;
                }

                switch (match)
                {
                    case PathMatch.Possible:
                        return ManifestValue.Unknown(initial.Operation);
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

        private static ManifestValue ApplySimple(IOperation creation, ManifestValue initial, List<PropertyWrite> writes, ManifestBody body)
        {
            bool? covered = Covered(creation, writes, null, body);
            var first = writes[0].Assignment.Value;
            if (writes.Count > 1)
            {
                // Several writes: which one wins on each path is not followed.
                return covered == false && !initial.IsSet ? ManifestValue.Unknown(first).OnSomePathsOnly() : ManifestValue.Unknown(first);
            }

            var values = body.Fold(first);
            switch (covered)
            {
                case true:
                    return ManifestValue.From(first, values);
                case null:
                    // The graph cannot place the write (a lambda): count it as written, as without flow.
                    return initial.IsSet ? ManifestValue.Unknown(first) : ManifestValue.From(first, values);
                default:
                    return initial.IsSet
                        ? ManifestValue.From(first, initial.Values.Union(values).Map(ValueScenario.Branch, null))
                        : ManifestValue.From(first, values).OnSomePathsOnly();
            }
        }

        // `c.ImagePullPolicy ??= "IfNotPresent"`: assigns where the value so far is unset or null.
        private static ManifestValue ApplyCoalesce(IOperation creation, ManifestValue current, List<PropertyWrite>? simple, List<PropertyWrite> writes, ManifestBody body)
        {
            if (current.IsSet && !current.SomePathsOnly && !current.Values.HasUnknown && !current.Values.MayBeNull && !current.Values.Constants.IsEmpty)
            {
                return current;
            }

            var first = writes[0].Assignment.Value;
            if (writes.Count > 1)
            {
                return ManifestValue.Unknown(first);
            }

            var added = body.Fold(first);
            if (current.IsSet && !current.SomePathsOnly)
            {
                string description = "used when " + ValueFolder.Describe(writes[0].Assignment.Target) + " is null";
                return ManifestValue.From(first, current.Values.WithoutNull().Union(added.Map(ValueScenario.Unconfigured, description)));
            }

            bool? covered = Covered(creation, writes, simple, body);
            var values = current.Values.WithoutNull().Union(added);
            return covered == false ? ManifestValue.From(first, values).OnSomePathsOnly() : ManifestValue.From(first, values);
        }

        // Whether the writes cover every path from the creation to the end of the body. A foreach that writes every
        // element (checked unconditional before) covers its containers however often it runs. A `??=` counts at its
        // test, after which the property is set whichever way the test went.
        private static bool? Covered(IOperation creation, List<PropertyWrite> writes, List<PropertyWrite>? more, ManifestBody body)
        {
            var syntaxes = new List<SyntaxNode>(writes.Count + (more?.Count ?? 0));
            foreach (var list in new[] { writes, more })
            {
                foreach (var write in list ?? new List<PropertyWrite>())
                {
                    if (write.Instance is { CoversEveryElement: true })
                    {
                        return true;
                    }

                    syntaxes.Add(write.IsCoalesce ? write.Assignment.Target.Syntax : write.Assignment.Syntax);
                }
            }

            return body.Flow.CoversEveryPath(creation.Syntax, syntaxes);
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
