using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// A <c>[ContainerImage]</c> declaration written in source, for KMA201 to KMA207: the declaration as the generator
    /// reads it, and the places in the attribute that the rules report on.
    /// </summary>
    internal sealed class ImageDeclarationSite
    {
        internal ImageDeclarationSite(ImageDeclaration declaration, string typeName, Location type, Location attribute, Location repository, Location pullSecret, MemberConflict? conflict)
        {
            Declaration = declaration;
            TypeName = typeName;
            Type = type;
            Attribute = attribute;
            Repository = repository;
            PullSecret = pullSecret;
            Conflict = conflict;
        }

        /// <summary>The declaration: repository, pull secret, and why the generator writes no builders for it.</summary>
        internal ImageDeclaration Declaration { get; }

        /// <summary>The name of the class.</summary>
        internal string TypeName { get; }

        /// <summary>The class's first declaration.</summary>
        internal Location Type { get; }

        /// <summary>The whole attribute.</summary>
        internal Location Attribute { get; }

        /// <summary>The repository argument; the attribute when it has no argument.</summary>
        internal Location Repository { get; }

        /// <summary>The last <c>PullSecret = …</c> argument; the attribute when it has none.</summary>
        internal Location PullSecret { get; }

        /// <summary>A member the builders would collide with (<see cref="ImageDeclaration.Conflict"/>), or null.</summary>
        internal MemberConflict? Conflict { get; }
    }
}
