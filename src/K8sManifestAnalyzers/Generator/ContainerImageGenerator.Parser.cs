using System.Collections.Immutable;
using System.Threading;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Generator
{
    public sealed partial class ContainerImageGenerator
    {
        /// <summary>Reads a [ContainerImage] class into a model, or gives null when nothing can be generated.</summary>
        internal static class Parser
        {
            internal const string AttributeNamespace = "K8sManifests";
            internal const string AttributeMetadataName = AttributeNamespace + ".ContainerImageAttribute";

            internal static ImageTypeModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
            {
                if (context.TargetSymbol is not INamedTypeSymbol type
                    || context.TargetNode is not TypeDeclarationSyntax declaration
                    || context.Attributes.IsEmpty
                    || IsHalfTyped(type, declaration)
                    || ImageDeclaration.Read(type, cancellationToken) is not { NotExtensible: null, Conflict: null, Reference: { } reference, PullSecretIsValid: true, Repository: { } repository } image)
                {
                    return null;
                }

                // With the attribute written twice (on one declaration, or on two parts of a partial class) the
                // compiler reports CS0579; the first one is used, and only the declaration that holds it yields a
                // model, so no two outputs share a hint name. The language version is the pipeline's (Steps.LanguageVersion).
                if (image.Attribute.ApplicationSyntaxReference is not { } application
                    || application.SyntaxTree != context.TargetNode.SyntaxTree
                    || !context.TargetNode.Span.Contains(application.Span))
                {
                    return null;
                }

                string? pullSecret = image.PullSecret;
                cancellationToken.ThrowIfCancellationRequested();
                var containing = ImmutableArray.CreateBuilder<ContainingType>();
                for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                {
                    containing.Insert(0, new ContainingType(Keyword(outer), Identifier(outer.Name)));
                }

                string? @namespace = type.ContainingNamespace is { IsGlobalNamespace: false } ns
                    ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty)
                    : null;
                return new ImageTypeModel(
                    @namespace,
                    new EquatableArray<ContainingType>(containing.ToImmutable()),
                    Identifier(type.Name),
                    type.IsRecord ? "record" : "class",
                    type.IsStatic,
                    repository,
                    reference.Domain!,
                    reference.Path,
                    pullSecret,
                    HintName(type));
            }

            /// <summary>
            /// False when no declaration of <paramref name="type"/> carries an attribute at all, read from syntax: then it
            /// declares no image, and its attributes need not be bound (the analyzers' symbol actions see every type of
            /// the project).
            /// </summary>
            internal static bool MayDeclareImage(INamedTypeSymbol type, CancellationToken cancellationToken)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || declaration.AttributeLists.Count > 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The first [ContainerImage] applied to <paramref name="type"/>, the one the builders use.</summary>
            internal static AttributeData? FirstImageAttribute(INamedTypeSymbol type)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "ContainerImageAttribute", ContainingNamespace: { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true } })
                    {
                        return attribute;
                    }
                }

                return null;
            }

            /// <summary>
            /// Why a class cannot carry [ContainerImage] (not partial, nested in a type that is not partial,
            /// generic), or null when it can.
            /// </summary>
            internal static string? Validate(INamedTypeSymbol type)
            {
                if (type.TypeParameters.Length > 0)
                {
                    return $"'{type.Name}' is generic";
                }

                for (var current = type; current is not null; current = current.ContainingType)
                {
                    if (current.IsFileLocal)
                    {
                        // The generated part would be another, project-visible type of the same name.
                        return current.Equals(type, SymbolEqualityComparer.Default)
                            ? $"'{type.Name}' is file-local"
                            : $"'{type.Name}' is nested in the file-local type '{current.Name}'";
                    }

                    foreach (var reference in current.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is TypeDeclarationSyntax syntax && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                        {
                            return current.Equals(type, SymbolEqualityComparer.Default)
                                ? $"'{type.Name}' is not partial"
                                : $"'{type.Name}' is nested in '{current.Name}', which is not partial";
                        }
                    }

                    if (!current.Equals(type, SymbolEqualityComparer.Default) && current.TypeParameters.Length > 0)
                    {
                        return $"'{type.Name}' is nested in the generic type '{current.Name}'";
                    }
                }

                return null;
            }

            /// <summary>
            /// A member the user declared with the name of one the generator adds (<c>Repository</c>, <c>Tag(string)</c>,
            /// <c>Digest(string)</c>, <c>TagAndDigest(string, string)</c>), or the class itself named so; null when none.
            /// </summary>
            internal static ISymbol? ConflictingMember(INamedTypeSymbol type)
            {
                if (type.Name is "Repository" or "Tag" or "Digest" or "TagAndDigest")
                {
                    return type;
                }

                string? generated = null;
                foreach (var name in GeneratedMemberNames)
                {
                    foreach (var member in type.GetMembers(name))
                    {
                        if ((member.IsImplicitlyDeclared && member is not IPropertySymbol)
                            || (member.Locations.Length > 0 && member.Locations[0].SourceTree is { } tree
                                && tree.FilePath.EndsWith(generated ??= HintName(type), System.StringComparison.Ordinal)))
                        {
                            // The builders themselves, once generated: what the analyzers see.
                            continue;
                        }

                        if (member is not IMethodSymbol method || name == "Repository" || HasStringParameters(method, name == "TagAndDigest" ? 2 : 1))
                        {
                            return member;
                        }
                    }
                }

                return null;
            }

            private static readonly string[] GeneratedMemberNames = { "Repository", "Tag", "Digest", "TagAndDigest" };

            private static bool HasStringParameters(IMethodSymbol method, int count)
            {
                if (method.Parameters.Length != count)
                {
                    return false;
                }

                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Type.SpecialType != SpecialType.System_String || parameter.RefKind != RefKind.None)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>
            /// The repository of the attribute, normalized (<c>nginx</c> is <c>docker.io/library/nginx</c>), or
            /// null when it is not a valid repository name without tag or digest.
            /// </summary>
            // A declaration still being typed (`partial class` with no name yet, or nested in one, or in a namespace
            // with no name yet) gets no builder: its code would not compile. The compiler reports the syntax error.
            private static bool IsHalfTyped(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
            {
                if (declaration.Identifier.IsMissing)
                {
                    return true;
                }

                for (ISymbol? current = type; current is not null; current = current.ContainingSymbol)
                {
                    if (current is INamespaceSymbol { IsGlobalNamespace: true })
                    {
                        return false;
                    }

                    if (current.Name.Length == 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            internal static ImageReference? ParseRepository(string? repository) =>
                ImageReference.TryParseNormalized(repository, out var reference, out _) && reference!.Tag is null && reference.Digest is null
                    ? reference
                    : null;

            /// <summary>
            /// A Secret name is a DNS subdomain as Kubernetes checks it (IsDNS1123Subdomain): at most 253
            /// characters of dot-separated labels, each of lowercase letters, digits and '-', starting and ending
            /// with a letter or digit.
            /// </summary>
            internal static bool IsValidSecretName(string name)
            {
                if (name.Length == 0 || name.Length > 253)
                {
                    return false;
                }

                foreach (string label in name.Split('.'))
                {
                    if (label.Length == 0 || !IsLowerAlphanumeric(label[0]) || !IsLowerAlphanumeric(label[label.Length - 1]))
                    {
                        return false;
                    }

                    foreach (char c in label)
                    {
                        if (!IsLowerAlphanumeric(c) && c != '-')
                        {
                            return false;
                        }
                    }
                }

                return true;
            }

            private static bool IsLowerAlphanumeric(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

            private static string Keyword(INamedTypeSymbol type) => type switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };

            // Unique per type, also where hint names are compared ignoring case (Nginx and NGINX) or where
            // escaping makes two names alike (@class and _class): the readable name plus a hash of the exact one.
            private static string HintName(INamedTypeSymbol type)
            {
                string fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var builder = new System.Text.StringBuilder();
                foreach (char c in fullName.Replace("global::", string.Empty))
                {
                    builder.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ? c : '_');
                }

                uint hash = 2166136261;
                foreach (char c in fullName)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return builder.Append(".ContainerImage.").Append(hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append(".g.cs").ToString();
            }

            /// <summary>A name as it can be written in C#: keywords get an <c>@</c>.</summary>
            internal static string Identifier(string name) =>
                SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
        }
    }
}
