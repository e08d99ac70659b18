using System.Collections.Immutable;
using System.Threading;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Reads what KMA201 to KMA207 judge: a type's <c>[ContainerImage]</c> declaration in source, through the one reader
    /// of declarations (<see cref="ImageDeclaration"/>), with the places its rules report on
    /// (<see cref="ImageDeclarationSite"/>); and a call to a generated builder with its constant arguments
    /// (<see cref="TagOrDigestCall"/>).
    /// </summary>
    internal static class ImageDeclarationReader
    {
        /// <summary>
        /// The declaration of a named type whose first <c>[ContainerImage]</c> is <paramref name="attributeType"/> and is
        /// written in source; null otherwise. The generator uses the first attribute; a second one is the compiler's CS0579.
        /// </summary>
        internal static ImageDeclarationSite? ReadDeclaration(ISymbol symbol, INamedTypeSymbol attributeType, CancellationToken cancellationToken)
        {
            if (symbol is not INamedTypeSymbol type
                || ImageDeclaration.Read(type, cancellationToken) is not { Syntax: { } syntax } declaration
                || !SymbolEqualityComparer.Default.Equals(declaration.Attribute.AttributeClass, attributeType))
            {
                return null;
            }

            var attribute = syntax.GetLocation();
            var arguments = syntax.ArgumentList?.Arguments ?? default;
            var repository = arguments.Count > 0 ? arguments[0].GetLocation() : attribute;
            var pullSecret = attribute;
            foreach (var argument in arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "PullSecret")
                {
                    pullSecret = argument.GetLocation();
                }
            }

            var typeLocation = type.Locations[0];
            var conflict = declaration.Conflict is { } member
                ? new MemberConflict(member.Name, member is INamedTypeSymbol, member.Locations.Length > 0 && member.Locations[0].IsInSource ? member.Locations[0] : typeLocation)
                : null;
            return new ImageDeclarationSite(declaration, type.Name, typeLocation, attribute, repository, pullSecret, conflict);
        }

        /// <summary>
        /// A call to <c>Tag</c>, <c>Digest</c> or <c>TagAndDigest</c> of a class with <paramref name="attributeType"/>, or
        /// to <c>WithTag</c> / <c>WithDigest</c> of <paramref name="imageReference"/>; null for any other operation.
        /// </summary>
        internal static TagOrDigestCall? ReadTagOrDigestCall(IOperation operation, INamedTypeSymbol attributeType, INamedTypeSymbol? imageReference)
        {
            if (operation is not IInvocationOperation invocation)
            {
                return null;
            }

            var method = invocation.TargetMethod;
            bool isBuilder = method.Name is "Tag" or "Digest" or "TagAndDigest" && method.IsStatic && HasAttribute(method.ContainingType, attributeType);
            bool isWith = method.Name is "WithTag" or "WithDigest" && imageReference is not null
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, imageReference);
            if (!isBuilder && !isWith)
            {
                return null;
            }

            var arguments = ImmutableArray.CreateBuilder<TagOrDigestArgument>(invocation.Arguments.Length);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string value } && argument.Parameter is { } parameter)
                {
                    arguments.Add(new TagOrDigestArgument(parameter.Name, value, argument.Value.Syntax.GetLocation()));
                }
            }

            return new TagOrDigestCall(method.Name == "TagAndDigest", arguments.ToImmutable());
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
