using System.Threading;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Generator
{
    /// <summary>
    /// One <c>[ContainerImage]</c> declaration, read once the way the generator reads it: the first attribute of a type,
    /// its repository and pull secret, and each reason the generator writes no builders for it. The generator
    /// (<see cref="ContainerImageGenerator.Parser.Parse"/>), KMA201 to KMA207 (<c>Analysis/ImageDeclarationReader</c>), the
    /// reader of builder calls (<c>Analysis/BuilderImages</c>) and the pull-secret collector all read declarations
    /// through <see cref="Read"/>, so they agree on which declarations get builders (<see cref="GetsBuilders"/>).
    /// </summary>
    internal sealed class ImageDeclaration
    {
        private ImageDeclaration(INamedTypeSymbol type, AttributeData attribute, AttributeSyntax? syntax)
        {
            Type = type;
            Attribute = attribute;
            Syntax = syntax;
            if (attribute.ConstructorArguments.Length == 1)
            {
                var argument = attribute.ConstructorArguments[0];
                RepositoryIsNull = argument.IsNull;
                Repository = argument.Value as string;
                Reference = ContainerImageGenerator.Parser.ParseRepository(Repository);
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "PullSecret")
                {
                    PullSecret = named.Value.Value as string;
                }
            }

            NotExtensible = ContainerImageGenerator.Parser.Validate(type);
            Conflict = NotExtensible is null ? ContainerImageGenerator.Parser.ConflictingMember(type) : null;
        }

        internal INamedTypeSymbol Type { get; }

        /// <summary>The first <c>[ContainerImage]</c> of the type: the one the builders use (a second is the compiler's CS0579).</summary>
        internal AttributeData Attribute { get; }

        /// <summary>Where the attribute is written; null when it is not in source.</summary>
        internal AttributeSyntax? Syntax { get; }

        /// <summary>The repository as written, or null when the argument is not a string (or is missing).</summary>
        internal string? Repository { get; }

        /// <summary>True for <c>[ContainerImage(null)]</c>.</summary>
        internal bool RepositoryIsNull { get; }

        /// <summary>The repository normalized (<c>nginx</c> is <c>docker.io/library/nginx</c>); null when it is no valid repository without tag or digest.</summary>
        internal ImageReference? Reference { get; }

        /// <summary>The <c>PullSecret</c> as written, valid or not.</summary>
        internal string? PullSecret { get; }

        /// <summary>True when the pull secret is absent or a valid Secret name.</summary>
        internal bool PullSecretIsValid => PullSecret is null || ContainerImageGenerator.Parser.IsValidSecretName(PullSecret);

        /// <summary>Why the generator cannot extend the type (KMA204), or null.</summary>
        internal string? NotExtensible { get; }

        /// <summary>A member of the type that the builders would collide with (KMA207), or null.</summary>
        internal ISymbol? Conflict { get; }

        /// <summary>The language version of the attribute's file when it is before C# 8 (KMA206), or null.</summary>
        internal LanguageVersion? OldLanguage =>
            Syntax?.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp8 } options ? options.LanguageVersion : null;

        /// <summary>True when the generator writes builders for the declaration.</summary>
        internal bool GetsBuilders => Reference is not null && PullSecretIsValid && NotExtensible is null && Conflict is null && OldLanguage is null;

        /// <summary>The declaration of <paramref name="type"/>, or null when it carries no <c>[ContainerImage]</c>.</summary>
        internal static ImageDeclaration? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            if (!ContainerImageGenerator.Parser.MayDeclareImage(type, cancellationToken)
                || ContainerImageGenerator.Parser.FirstImageAttribute(type) is not { } attribute)
            {
                return null;
            }

            return new ImageDeclaration(type, attribute, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);
        }
    }
}
