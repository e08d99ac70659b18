using System;
using K8sManifestAnalyzers.Generator;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA201: a [ContainerImage] repository that is null, malformed, or carries a tag or a digest (the builders add
    /// those). The generator writes no builders for it.
    /// </summary>
    internal static class InvalidImageDeclarationRule
    {
        internal static void Check(Action<Diagnostic> report, ImageDeclaration declaration, Location repositoryLocation)
        {
            if (declaration.RepositoryIsNull)
            {
                report(Diagnostic.Create(Descriptors.KMA201_InvalidImageDeclaration, repositoryLocation, "null", ImageReference.Describe(ImageReferenceError.NameEmpty)));
            }
            else if (declaration.Repository is { } repository && declaration.Reference is null)
            {
                // The declaration's reference is null exactly when the repository is no valid repository without tag or
                // digest: parsed as an image, it either fails (the parser says why) or has a tag or a digest.
                string problem = ImageReference.TryParseNormalized(repository, out var reference, out var error)
                    ? reference!.Tag is not null ? "a repository has no tag (Tag(…) adds one)" : "a repository has no digest (Digest(…) adds one)"
                    : ImageProblem.Explain(repository, error);
                report(Diagnostic.Create(Descriptors.KMA201_InvalidImageDeclaration, repositoryLocation, repository, problem));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA201, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA201_InvalidImageDeclaration = Create(
            DiagnosticIds.InvalidImageDeclaration,
            "[ContainerImage] repository is not valid",
            "'{0}' is not a valid image repository: {1}; no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The repository of [ContainerImage] must be a repository name in the Docker reference grammar, without a tag or a digest: the builders add those.");
    }
}
