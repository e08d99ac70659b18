using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>One entry of an <c>ImagePullSecrets</c> list.</summary>
    internal readonly struct PullSecretEntry
    {
        internal PullSecretEntry(IOperation element, IOperation? nameValue, string? name, bool isKnown)
        {
            Element = element;
            NameValue = nameValue;
            Name = name;
            IsKnown = isKnown;
        }

        /// <summary>The list element (usually <c>new V1LocalObjectReference { Name = … }</c>).</summary>
        internal IOperation Element { get; }

        /// <summary>The expression written to <c>Name</c>, when there is one.</summary>
        internal IOperation? NameValue { get; }

        /// <summary>The constant name; <see langword="null"/> or empty when the entry names nothing.</summary>
        internal string? Name { get; }

        /// <summary>False when the name is computed, or the element is not a reference we can read.</summary>
        internal bool IsKnown { get; }

        internal bool IsEmpty => IsKnown && string.IsNullOrEmpty(Name);
    }
}
