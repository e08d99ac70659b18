using System;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA207: a member of a [ContainerImage] class with the name of one the generator adds (<c>Repository</c>,
    /// <c>Tag</c>, <c>Digest</c>, <c>TagAndDigest</c>), or a class of that name.
    /// </summary>
    internal static class GeneratedMemberConflictRule
    {
        internal static void Check(Action<Diagnostic> report, ImageDeclarationSite site)
        {
            // A conflict is looked for only in a type the generator can extend, so KMA204 and KMA207 never report the
            // same declaration.
            if (site.Conflict is not { } conflict)
            {
                return;
            }

            string what = conflict.IsType
                ? "a class cannot have a member of its own name"
                : conflict.Name == "Repository" ? "the declared repository, a constant" : "a builder method";
            report(Diagnostic.Create(Descriptors.KMA207_GeneratedMemberConflict, conflict.Location, conflict.Name, site.TypeName, what));
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA207, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA207_GeneratedMemberConflict = Create(
            DiagnosticIds.GeneratedMemberConflict,
            "[ContainerImage] class has a member the generator adds",
            "'{0}' is a name the generator gives a member of '{1}' ({2}); rename it, so the builders can be generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The generator adds Repository, Tag(string), Digest(string) and TagAndDigest(string, string) to a [ContainerImage] class. A member of the same name (a field, a property, a record parameter, a method with the same parameters) or a class of that name would clash, so no builder is generated for the class.");
    }
}
