using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// A member of a <c>[ContainerImage]</c> class with the name of one the generator adds (KMA207), as
    /// <see cref="ImageDeclarationReader"/> reads it from the declaration.
    /// </summary>
    internal sealed class MemberConflict
    {
        internal MemberConflict(string name, bool isType, Location location)
        {
            Name = name;
            IsType = isType;
            Location = location;
        }

        /// <summary>The member's name: <c>Repository</c>, <c>Tag</c>, <c>Digest</c> or <c>TagAndDigest</c>.</summary>
        internal string Name { get; }

        /// <summary>True when the member is a nested class.</summary>
        internal bool IsType { get; }

        /// <summary>Where the member is declared; the class when it is not declared in source.</summary>
        internal Location Location { get; }
    }
}
