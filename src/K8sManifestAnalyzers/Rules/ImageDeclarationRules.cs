using System;
using System.Threading;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Generator;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA201 to KMA207: a [ContainerImage] declaration the generator cannot turn into builders (malformed repository,
    /// invalid pull-secret name, a type it cannot extend, C# before 8, a member the builders would collide with), a
    /// builder argument that is no valid tag or digest, or a mutable tag; and KMA008 on a declared repository outside
    /// the allowed registries. The declarations are read with the generator's own parser checks.
    /// </summary>
    internal static class ImageDeclarationRules
    {
        /// <summary>KMA201, KMA204 to KMA207 and KMA008 on one type's [ContainerImage] declaration.</summary>
        internal static void CheckDeclaration(Action<Diagnostic> report, ISymbol symbol, INamedTypeSymbol attributeType, AnalyzerOptions analyzerOptions, CancellationToken cancellationToken)
        {
            // The generator uses the first [ContainerImage]; a second one is the compiler's CS0579.
            if (symbol is not INamedTypeSymbol type
                || ImageDeclaration.Read(type, cancellationToken) is not { Syntax: { } syntax } declaration
                || !SymbolEqualityComparer.Default.Equals(declaration.Attribute.AttributeClass, attributeType))
            {
                return;
            }

            if (declaration.OldLanguage is { } version)
            {
                report(Diagnostic.Create(Descriptors.KMA206_ImageBuildersNeedCSharp8, syntax.GetLocation(), version.ToDisplayString()));
            }

            if (declaration.NotExtensible is { } shape)
            {
                report(Diagnostic.Create(Descriptors.KMA204_ImageTypeNotExtensible, type.Locations[0], shape));
            }
            else if (declaration.Conflict is { } conflict)
            {
                string what = conflict is INamedTypeSymbol
                    ? "a class cannot have a member of its own name"
                    : conflict.Name == "Repository" ? "the declared repository, a constant" : "a builder method";
                var location = conflict.Locations.Length > 0 && conflict.Locations[0].IsInSource ? conflict.Locations[0] : type.Locations[0];
                report(Diagnostic.Create(Descriptors.KMA207_GeneratedMemberConflict, location, conflict.Name, type.Name, what));
            }

            var arguments = syntax.ArgumentList?.Arguments ?? default;
            var repositoryLocation = arguments.Count > 0 ? arguments[0].GetLocation() : syntax.GetLocation();
            if (declaration.RepositoryIsNull)
            {
                report(Diagnostic.Create(Descriptors.KMA201_InvalidImageDeclaration, repositoryLocation, "null", ImageReference.Describe(ImageReferenceError.NameEmpty)));
            }
            else if (declaration.Repository is { } repository)
            {
                string? problem = declaration.Reference is not null ? null
                    : ImageReference.TryParseNormalized(repository, out var reference, out var error)
                        ? reference!.Tag is not null ? "a repository has no tag (Tag(…) adds one)" : "a repository has no digest (Digest(…) adds one)"
                        : ImageProblem.Explain(repository, error);
                if (problem is not null)
                {
                    report(Diagnostic.Create(Descriptors.KMA201_InvalidImageDeclaration, repositoryLocation, repository, problem));
                }
                else
                {
                    // The allowed-registries policy (KMA008) covers images declared for the builders too.
                    var allowed = ManifestOptions.GetList(analyzerOptions, syntax.SyntaxTree, ManifestOptions.AllowedRegistries);
                    if (!allowed.IsEmpty && !RegistryPrefix.MatchesAny(declaration.Reference!, allowed))
                    {
                        report(RegistryNotAllowedRule.Create(repositoryLocation, repository, declaration.Reference!, allowed));
                    }
                }
            }

            if (!declaration.PullSecretIsValid)
            {
                var location = syntax.GetLocation();
                foreach (var argument in arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == "PullSecret")
                    {
                        location = argument.GetLocation();
                    }
                }

                report(Diagnostic.Create(Descriptors.KMA205_InvalidPullSecretName, location, declaration.PullSecret));
            }
        }

        /// <summary>KMA202 and KMA203 on the constant arguments of a generated builder call.</summary>
        internal static void CheckBuilderCall(Action<Diagnostic> report, IOperation operation, INamedTypeSymbol attributeType, INamedTypeSymbol? imageReference)
        {
            if (operation is not IInvocationOperation invocation)
            {
                return;
            }

            var method = invocation.TargetMethod;
            bool isBuilder = method.Name is "Tag" or "Digest" or "TagAndDigest" && method.IsStatic && HasAttribute(method.ContainingType, attributeType);
            bool isWith = method.Name is "WithTag" or "WithDigest" && imageReference is not null
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, imageReference);
            if (!isBuilder && !isWith)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.ConstantValue is not { HasValue: true, Value: string value } || argument.Parameter is null)
                {
                    continue;
                }

                if (argument.Parameter.Name == "tag")
                {
                    if (!ImageReference.IsValidTag(value))
                    {
                        report(Diagnostic.Create(Descriptors.KMA202_InvalidTagOrDigest, argument.Value.Syntax.GetLocation(), value, "tag", "a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'"));
                    }
                    else if (value == "latest" && !(method.Name == "TagAndDigest"))
                    {
                        report(Diagnostic.Create(Descriptors.KMA203_MutableTagInBuilder, argument.Value.Syntax.GetLocation()));
                    }
                }
                else if (argument.Parameter.Name == "digest" && ImageReference.ValidateDigest(value) is var error && error != ImageReferenceError.None)
                {
                    report(Diagnostic.Create(Descriptors.KMA202_InvalidTagOrDigest, argument.Value.Syntax.GetLocation(), value, "digest", ImageReference.Describe(error)));
                }
            }
        }

        private static bool HasAttribute(INamedTypeSymbol? type, INamedTypeSymbol attributeType)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA201 to KMA207, beside the rule that reports them, so that a rule is one file. They are a part of
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

        internal static readonly DiagnosticDescriptor KMA202_InvalidTagOrDigest = Create(
            DiagnosticIds.InvalidTagOrDigest,
            "Image tag or digest is not valid",
            "'{0}' is not a valid image {1}: {2}; the call throws ArgumentException",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Tags match [\\w][\\w.-]{0,127}; digests are sha256:, sha384: or sha512: followed by the lowercase hex digest of the right length.");

        internal static readonly DiagnosticDescriptor KMA203_MutableTagInBuilder = Create(
            DiagnosticIds.MutableTagInBuilder,
            "Image built with the tag latest",
            "The tag 'latest' names whatever was pushed last: use a version tag or Digest(…)",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An image with the tag latest is not pinned: rollbacks cannot return to a known build and nodes may run different builds.");

        internal static readonly DiagnosticDescriptor KMA204_ImageTypeNotExtensible = Create(
            DiagnosticIds.ImageTypeNotExtensible,
            "[ContainerImage] class cannot be extended",
            "{0}: the generator adds members to the class, so it and every type containing it must be partial, not generic and not file-local",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The builders are generated as another part of the class.");

        internal static readonly DiagnosticDescriptor KMA205_InvalidPullSecretName = Create(
            DiagnosticIds.InvalidPullSecretName,
            "[ContainerImage] pull secret is not a valid Secret name",
            "'{0}' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Secret names are DNS subdomains: dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most.");

        internal static readonly DiagnosticDescriptor KMA206_ImageBuildersNeedCSharp8 = Create(
            DiagnosticIds.ImageBuildersNeedCSharp8,
            "[ContainerImage] needs C# 8 or later",
            "The image builders need C# 8 or later (nullable annotations); this project compiles C# {0}, so no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Set <LangVersion> to 8.0 or later to use [ContainerImage]. Projects below C# 8 that do not use the attribute are not affected.");

        internal static readonly DiagnosticDescriptor KMA207_GeneratedMemberConflict = Create(
            DiagnosticIds.GeneratedMemberConflict,
            "[ContainerImage] class has a member the generator adds",
            "'{0}' is a name the generator gives a member of '{1}' ({2}); rename it, so the builders can be generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "The generator adds Repository, Tag(string), Digest(string) and TagAndDigest(string, string) to a [ContainerImage] class. A member of the same name (a field, a property, a record parameter, a method with the same parameters) or a class of that name would clash, so no builder is generated for the class.");
    }
}
