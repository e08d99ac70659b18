using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Turns Roslyn operations into the container model: which container, which image value, which policy value.
    /// Every rule reads containers through this one place. Operations are matched by pattern, never cast, so
    /// half-typed code (invalid operations, missing values) reads as "unknown" instead of throwing.
    /// </summary>
    internal static class ContainerReader
    {
        /// <summary>
        /// If <paramref name="operation"/> writes a container's image or pull policy (an assignment in an object
        /// initializer, a <c>with</c> initializer or anywhere else, <c>??=</c>, or a constructor argument of
        /// KubernetesClient 17 and older), the property and the written value.
        /// </summary>
        internal static ContainerProperty ReadWrite(IOperation operation, KubernetesTypes types, out IOperation? value)
        {
            switch (operation)
            {
                case IAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    when assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation:
                    value = assignment.Value;
                    return types.Classify(target.Property);

                case IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue } argument:
                    value = argument.Value;
                    return types.ClassifyParameter(argument.Parameter);

                default:
                    value = null;
                    return ContainerProperty.None;
            }
        }

        /// <summary>
        /// The container an object creation builds, or <see langword="null"/> if it builds none. With a
        /// <paramref name="body"/>, values are folded to their possible constants and later writes are connected to the
        /// container wherever they reach it (the local it is stored in, <c>spec.Containers[0]</c>, a <c>foreach</c> over
        /// its list), path by path; without one, later writes to the local it is stored in count, in any order.
        /// </summary>
        internal static ContainerModel? Read(IObjectCreationOperation creation, KubernetesTypes types, ManifestBody? body = null)
        {
            if (!types.HasImage(creation.Type))
            {
                return null;
            }

            var image = ManifestValue.Unset;
            var policy = ManifestValue.Unset;
            foreach (var argument in creation.Arguments)
            {
                Collect(argument, types, body, ref image, ref policy);
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    Collect(member, types, body, ref image, ref policy);
                }
            }

            if (body is not null)
            {
                return ContainerFlow.Complete(creation, image, policy, body);
            }

            if ((!image.IsSet || !policy.IsSet) && FindAssignedLocal(creation, out bool ambiguous) is { } local)
            {
                if (ambiguous)
                {
                    // The local also holds other objects: its writes cannot be told apart, so what is unset is unknown.
                    image = image.IsSet ? image : ManifestValue.Unknown(null);
                    policy = policy.IsSet ? policy : ManifestValue.Unknown(null);
                }
                else
                {
                    CollectLaterWrites(creation, local, types, ref image, ref policy);
                }
            }

            return new ContainerModel(creation, image, policy, types.IsImageVolume(creation.Type));
        }

        /// <summary>The container a <c>with</c> expression copies, or <see langword="null"/> if it copies none.</summary>
        internal static ContainerModel? Read(IWithOperation copy, KubernetesTypes types)
        {
            if (!types.HasImage(copy.Type))
            {
                return null;
            }

            var image = ManifestValue.Unset;
            var policy = ManifestValue.Unset;
            foreach (var member in copy.Initializer.Initializers)
            {
                Collect(member, types, null, ref image, ref policy);
            }

            // Whatever the with expression leaves alone comes from the original container.
            if (!image.IsSet)
            {
                image = ManifestValue.Unknown(null);
            }

            if (!policy.IsSet)
            {
                policy = ManifestValue.Unknown(null);
            }

            return new ContainerModel(copy, image, policy, types.IsImageVolume(copy.Type));
        }

        /// <summary>The top of the operation tree <paramref name="operation"/> belongs to (a method body, an initializer).</summary>
        internal static IOperation Root(IOperation operation)
        {
            while (operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        private static void Collect(IOperation write, KubernetesTypes types, ManifestBody? body, ref ManifestValue image, ref ManifestValue policy)
        {
            switch (ReadWrite(write, types, out var value))
            {
                case ContainerProperty.Image when value is not null:
                    image = Merge(image, value, body);
                    break;
                case ContainerProperty.ImagePullPolicy when value is not null:
                    policy = Merge(policy, value, body);
                    break;
            }
        }

        // A second write to the same property leaves the value known only when nothing was known before.
        private static ManifestValue Merge(ManifestValue existing, IOperation value, ManifestBody? body) =>
            existing.IsSet ? ManifestValue.Unknown(value) : body is null ? ManifestValue.From(value) : body.Read(value);

        /// <summary>
        /// The local a creation is stored in (<c>var x = new …</c> or <c>x = new …</c>), if any.
        /// <paramref name="ambiguous"/> is set when the local is assigned more than once in the body, so its later
        /// writes may belong to another object.
        /// </summary>
        internal static ILocalSymbol? FindAssignedLocal(IOperation creation, out bool ambiguous)
        {
            ambiguous = false;
            var current = creation;
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            var local = parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when assignment.Value == current => target.Local,
                _ => null,
            };

            if (local is not null)
            {
                ambiguous = CountAssignments(Root(creation), local, out _) != 1;
            }

            return local;
        }

        /// <summary>
        /// How many times <paramref name="local"/> is given a value in <paramref name="root"/> (its initializer,
        /// assignments, <c>ref</c>/<c>out</c> arguments); <paramref name="lastValue"/> is the last value found.
        /// </summary>
        internal static int CountAssignments(IOperation root, ILocalSymbol local, out IOperation? lastValue)
        {
            if (LocalsOf(root).TryGetValue(local, out var facts))
            {
                lastValue = facts.LastValue;
                return facts.Assignments;
            }

            lastValue = null;
            return 0;
        }

        // What a body does with its locals, found in one walk and kept while the body's operation tree lives: a
        // body with many containers in locals was walked once per container (twice), quadratic in its size.
        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, LocalFacts>> LocalsByRoot = new();

        private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, LocalFacts>>.CreateValueCallback IndexLocals = IndexLocalsOf;

        private static Dictionary<ILocalSymbol, LocalFacts> LocalsOf(IOperation root) => LocalsByRoot.GetValue(root, IndexLocals);

        private static Dictionary<ILocalSymbol, LocalFacts> IndexLocalsOf(IOperation root)
        {
            var locals = new Dictionary<ILocalSymbol, LocalFacts>(SymbolEqualityComparer.Default);
            foreach (var operation in root.Descendants())
            {
                ILocalSymbol? assigned = null;
                IOperation? value = null;
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        assigned = declarator.Symbol;
                        value = initializer.Value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        assigned = target.Local;
                        value = assignment.Value;
                        break;
                    case IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                        assigned = passed.Local;
                        value = passed;
                        break;
                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation instance } }:
                        Facts(locals, instance.Local).PropertyWrites.Add(operation);
                        break;
                }

                if (assigned is not null)
                {
                    var facts = Facts(locals, assigned);
                    facts.Assignments++;
                    facts.LastValue = value;
                }
            }

            return locals;
        }

        private static LocalFacts Facts(Dictionary<ILocalSymbol, LocalFacts> locals, ILocalSymbol local)
        {
            if (!locals.TryGetValue(local, out var facts))
            {
                facts = new LocalFacts();
                locals.Add(local, facts);
            }

            return facts;
        }

        private sealed class LocalFacts
        {
            internal int Assignments { get; set; }

            internal IOperation? LastValue { get; set; }

            /// <summary>Assignments to a property of the local (<c>c.Image = …</c>, <c>c.Image ??= …</c>), in order.</summary>
            internal List<IOperation> PropertyWrites { get; } = new();
        }

        // Writes such as `c.ImagePullPolicy = "Always";` or `c.Image ??= image;` to the same local, anywhere in
        // the same method body (lambdas and local functions included).
        private static void CollectLaterWrites(IOperation creation, ILocalSymbol local, KubernetesTypes types, ref ManifestValue image, ref ManifestValue policy)
        {
            if (!LocalsOf(Root(creation)).TryGetValue(local, out var facts))
            {
                return;
            }

            foreach (var operation in facts.PropertyWrites)
            {
                Collect(operation, types, null, ref image, ref policy);
            }
        }
    }
}
