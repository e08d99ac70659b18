using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>What an Aspire call does to a container resource's image or pull policy.</summary>
    internal enum AspireCall
    {
        /// <summary>Not a method of Aspire.Hosting's container builder extensions.</summary>
        None,

        /// <summary>Another method of <c>ContainerResourceBuilderExtensions</c>.</summary>
        Other,

        /// <summary><c>AddContainer(builder, name, image)</c> and <c>AddContainer(builder, name, image, tag)</c>.</summary>
        AddContainer,

        /// <summary><c>WithImage(builder, image, tag = null)</c>.</summary>
        WithImage,

        /// <summary><c>WithImageTag(builder, tag)</c>.</summary>
        WithImageTag,

        /// <summary><c>WithImageRegistry(builder, registry)</c>.</summary>
        WithImageRegistry,

        /// <summary><c>WithImageSHA256(builder, sha256)</c>.</summary>
        WithImageSha256,

        /// <summary><c>WithImagePullPolicy(builder, pullPolicy)</c>.</summary>
        WithImagePullPolicy,
    }

    /// <summary>
    /// The Aspire.Hosting types the Aspire front-end reads, resolved by metadata name once per compilation
    /// (<see cref="CompilationFacts.Aspire"/>); null when Aspire.Hosting is not referenced. Aspire is never loaded.
    /// </summary>
    internal sealed class AspireTypes
    {
        internal const string ExtensionsName = "Aspire.Hosting.ContainerResourceBuilderExtensions";
        internal const string ResourceBuilderName = "Aspire.Hosting.ApplicationModel.IResourceBuilder`1";
        internal const string PullPolicyName = "Aspire.Hosting.ApplicationModel.ImagePullPolicy";

        private AspireTypes(INamedTypeSymbol extensions, INamedTypeSymbol resourceBuilder, INamedTypeSymbol? pullPolicy)
        {
            Extensions = extensions;
            ResourceBuilder = resourceBuilder;
            PullPolicy = pullPolicy;
        }

        internal INamedTypeSymbol Extensions { get; }

        internal INamedTypeSymbol ResourceBuilder { get; }

        /// <summary>The enum <c>ImagePullPolicy { Default, Always, Missing, Never }</c> (Aspire 13.2 and later); null before.</summary>
        internal INamedTypeSymbol? PullPolicy { get; }

        internal static AspireTypes? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName(ExtensionsName) is { } extensions
            && compilation.GetTypeByMetadataName(ResourceBuilderName) is { } builder
                ? new AspireTypes(extensions, builder, compilation.GetTypeByMetadataName(PullPolicyName))
                : null;

        /// <summary>What <paramref name="method"/> does, when it is one of the container builder extensions.</summary>
        internal AspireCall Classify(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, Extensions))
            {
                return AspireCall.None;
            }

            return method.Name switch
            {
                "AddContainer" when method.Parameters.Length is 3 or 4 => AspireCall.AddContainer,
                "WithImage" when method.Parameters.Length == 3 => AspireCall.WithImage,
                "WithImageTag" when method.Parameters.Length == 2 => AspireCall.WithImageTag,
                "WithImageRegistry" when method.Parameters.Length == 2 => AspireCall.WithImageRegistry,
                "WithImageSHA256" when method.Parameters.Length == 2 => AspireCall.WithImageSha256,
                "WithImagePullPolicy" when method.Parameters.Length == 2 => AspireCall.WithImagePullPolicy,
                _ => AspireCall.Other,
            };
        }

        /// <summary>True for <c>IResourceBuilder&lt;T&gt;</c>.</summary>
        internal bool IsBuilder(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ResourceBuilder);

        /// <summary>
        /// True for a method of Aspire.Hosting (or an Aspire integration) that keeps the image as it is: it returns the
        /// builder it is given and its name says nothing of images or builds. Methods that may replace the image
        /// (<c>WithDockerfile</c>, <c>WithImagePushOptions</c>, <c>PublishAs…</c>) are not.
        /// </summary>
        internal bool KeepsImage(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            if (method.Locations.Length > 0 && method.Locations[0].IsInSource)
            {
                return false;
            }

            string? ns = method.ContainingNamespace?.ToDisplayString();
            if (ns is null || !(ns == "Aspire.Hosting" || ns.StartsWith("Aspire.Hosting.", System.StringComparison.Ordinal)))
            {
                return false;
            }

            string name = method.Name;
            return name.IndexOf("Image", System.StringComparison.Ordinal) < 0
                && name.IndexOf("Dockerfile", System.StringComparison.Ordinal) < 0
                && name.IndexOf("Build", System.StringComparison.Ordinal) < 0
                && !name.StartsWith("Publish", System.StringComparison.Ordinal)
                && !name.StartsWith("Add", System.StringComparison.Ordinal);
        }

        /// <summary>The <c>ImagePullPolicy</c> member a constant argument names (<c>Missing</c>, <c>Never</c>, …); null otherwise.</summary>
        internal string? PolicyName(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (PullPolicy is null || !value.ConstantValue.HasValue || value.ConstantValue.Value is not { } constant)
            {
                return null;
            }

            foreach (var member in PullPolicy.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
                {
                    return field.Name;
                }
            }

            return null;
        }
    }
}
