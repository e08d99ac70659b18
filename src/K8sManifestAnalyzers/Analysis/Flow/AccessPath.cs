using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Flow
{
    /// <summary>One step of an access path: a property, or an element of a list.</summary>
    internal readonly struct AccessStep
    {
        private AccessStep(string? property, int index)
        {
            Property = property;
            Index = index;
        }

        /// <summary>The index that stands for any element (a <c>foreach</c> variable, <c>First()</c>).</summary>
        internal const int AnyIndex = -1;

        /// <summary>The index of an element whose position is not known (appended with <c>Add</c>).</summary>
        internal const int UnknownIndex = -2;

        /// <summary>The property name, or <see langword="null"/> for an element step.</summary>
        internal string? Property { get; }

        /// <summary>For an element step: its position, <see cref="AnyIndex"/> or <see cref="UnknownIndex"/>.</summary>
        internal int Index { get; }

        internal static AccessStep Member(string name) => new(name, 0);

        internal static AccessStep Element(int index) => new(null, index);

        public override string ToString() => Property ?? (Index >= 0 ? "[" + Index + "]" : Index == AnyIndex ? "[*]" : "[?]");
    }

    /// <summary>How a write's path relates to an object's place.</summary>
    internal enum PathMatch
    {
        None,

        /// <summary>The write may reach the object (an element whose position is not known): its value is unknown.</summary>
        Possible,

        /// <summary>The write reaches this object: the same path, or every element of its list.</summary>
        Definite,
    }

    /// <summary>
    /// Where an object sits, or what a write goes through, as a local or parameter of the method body and the
    /// property and element steps from it: <c>spec</c>, <c>pod.Spec.Containers[0]</c>, <c>spec.Containers[*]</c>.
    /// </summary>
    internal sealed class AccessPath
    {
        internal AccessPath(ISymbol root, ImmutableArray<AccessStep> steps, SyntaxNode? site = null)
        {
            Root = root;
            Steps = steps;
            Site = site;
        }

        internal ISymbol Root { get; }

        /// <summary>
        /// For an object created in a call's argument (<c>new V1PodSpec { … }.Harden()</c>), the argument: the root is the
        /// called method's parameter, as that call passes it. Null for a local or parameter of the body.
        /// </summary>
        internal SyntaxNode? Site { get; }

        internal ImmutableArray<AccessStep> Steps { get; }

        internal AccessPath Append(AccessStep step) => new(Root, Steps.Add(step), Site);

        internal AccessPath Append(ImmutableArray<AccessStep> steps) => new(Root, Steps.AddRange(steps), Site);

        /// <summary>Whether a write through this path reaches the object placed at <paramref name="place"/>.</summary>
        internal PathMatch Reaches(AccessPath place)
        {
            if (!SymbolEqualityComparer.Default.Equals(Root, place.Root) || Site != place.Site || Steps.Length != place.Steps.Length)
            {
                return PathMatch.None;
            }

            var result = PathMatch.Definite;
            for (int i = 0; i < Steps.Length; i++)
            {
                var write = Steps[i];
                var placed = place.Steps[i];
                if (write.Property is not null || placed.Property is not null)
                {
                    if (write.Property != placed.Property)
                    {
                        return PathMatch.None;
                    }

                    continue;
                }

                if (write.Index == AccessStep.AnyIndex)
                {
                    continue;
                }

                if (write.Index == AccessStep.UnknownIndex || placed.Index < 0)
                {
                    result = PathMatch.Possible;
                    continue;
                }

                if (write.Index != placed.Index)
                {
                    return PathMatch.None;
                }
            }

            return result;
        }

        /// <summary>
        /// True when this path leads to <paramref name="place"/> or to an object that holds it
        /// (<c>pod</c> holds <c>pod.Spec.Containers[0]</c>): a call given this object may write the placed one.
        /// </summary>
        internal bool Holds(AccessPath place)
        {
            if (Steps.Length > place.Steps.Length)
            {
                return false;
            }

            var prefix = new AccessPath(place.Root, place.Steps.RemoveRange(Steps.Length, place.Steps.Length - Steps.Length), place.Site);
            return Reaches(prefix) != PathMatch.None;
        }

        /// <summary>True when the path goes through an element that stands for every element of a list.</summary>
        internal bool CoversEveryElement
        {
            get
            {
                foreach (var step in Steps)
                {
                    if (step.Property is null && step.Index == AccessStep.AnyIndex)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public override string ToString()
        {
            var text = new StringBuilder(Root.Name);
            foreach (var step in Steps)
            {
                text.Append(step.Property is null ? string.Empty : ".").Append(step);
            }

            return text.ToString();
        }
    }
}
