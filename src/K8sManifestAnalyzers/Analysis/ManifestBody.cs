using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// What the readers know of the method body (operation block) being analyzed: its index of locals and writes,
    /// its control flow (built on demand), and the value folder of the compilation.
    /// </summary>
    internal sealed class ManifestBody
    {
        internal ManifestBody(BodyIndex index, BodyFlow flow, ValueFolder folder, bool propertyDefaults, KubernetesTypes types)
        {
            Types = types;
            Index = index;
            Flow = flow;
            Folder = folder;
            PropertyDefaults = propertyDefaults;
            Scope = flow;
        }

        internal KubernetesTypes Types { get; }

        internal BodyIndex Index { get; }

        internal bool IsImageVolume(IOperation creation) => Types.IsImageVolume(creation.Type);

        internal BodyFlow Flow { get; }

        internal ValueFolder Folder { get; }

        internal bool PropertyDefaults { get; }

        /// <summary>The possible values of an expression of this body.</summary>
        internal PossibleValues Fold(IOperation value) => Folder.Fold(value, Scope, PropertyDefaults);

        /// <summary>The scope values of this body are folded in: its own flow, or a call site's arguments for a callee.</summary>
        internal IValueScope Scope { get; set; } = null!;

        /// <summary>The written value with its possible values.</summary>
        internal ManifestValue Read(IOperation value) => ManifestValue.From(value, Fold(value));
    }
}
