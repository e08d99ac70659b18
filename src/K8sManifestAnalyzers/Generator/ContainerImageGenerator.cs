using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.Generator
{
    /// <summary>
    /// Turns <c>[ContainerImage("registry/repo", PullSecret = "…")] static partial class X;</c> into typed
    /// image-reference builders: <c>X.Tag("1.0")</c>, <c>X.Digest("sha256:…")</c>, and, when KubernetesClient is
    /// referenced, <c>.ToContainer(name)</c> and <c>.AddTo(podSpec, name)</c>. Problems in the declaration are
    /// reported by <see cref="Analyzers.ContainerAnalyzer"/>; the generator skips what it cannot build.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class ContainerImageGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
        public static class Steps
        {
            /// <summary>The [ContainerImage] classes, as models.</summary>
            public const string ImageTypes = nameof(ImageTypes);

            /// <summary>Which KubernetesClient types the compilation has, asked only when it declares an image.</summary>
            public const string KubernetesClient = nameof(KubernetesClient);

            /// <summary>Whether the language version is C# 8 or later.</summary>
            public const string LanguageVersion = nameof(LanguageVersion);

            /// <summary>Whether the compilation declares any image.</summary>
            public const string AnyImage = nameof(AnyImage);
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Only the attribute (and the EmbeddedAttribute that hides it from other projects) is emitted up front, in
            // C# that every language version from C# 2 compiles: a project that never uses it, or a C# 7.3 project,
            // gets nothing that could break its build.
            context.RegisterPostInitializationOutput(Emitter.EmitAttribute);

            var imageTypes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    Parser.AttributeMetadataName,
                    static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword },
                    static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
                .Where(static model => model is not null)
                .WithTrackingName(Steps.ImageTypes);

            // The builders need C# 8 (nullable annotations); below that the analyzer reports KMA206 instead.
            var supported = context.ParseOptionsProvider
                .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
                .WithTrackingName(Steps.LanguageVersion);

            context.RegisterSourceOutput(imageTypes.Combine(supported), static (output, pair) =>
            {
                if (pair.Right)
                {
                    Emitter.EmitImageType(output, pair.Left!);
                }
            });

            // The support types, once, when the project declares at least one image. Which KubernetesClient types
            // exist is asked of the compilation only then: a project without images never pays for the lookup.
            var anyImage = imageTypes.Collect().Select(static (models, _) => !models.IsEmpty).WithTrackingName(Steps.AnyImage);
            var supportTypes = anyImage.Combine(supported).Combine(context.CompilationProvider)
                .Select(static (inputs, _) =>
                {
                    var ((any, languageSupported), compilation) = inputs;
                    return any && languageSupported ? KubernetesSupportOf(compilation) : (KubernetesSupport?)null;
                })
                .WithTrackingName(Steps.KubernetesClient);
            context.RegisterSourceOutput(supportTypes, static (output, kubernetes) =>
            {
                if (kubernetes is { } support)
                {
                    Emitter.EmitSupportTypes(output, support);
                }
            });
        }

        private static KubernetesSupport KubernetesSupportOf(Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName("k8s.Models.V1Container") is null
                || compilation.GetTypeByMetadataName("k8s.Models.V1PodSpec") is null
                || compilation.GetTypeByMetadataName("k8s.Models.V1LocalObjectReference") is null)
            {
                return KubernetesSupport.None;
            }

            return compilation.GetTypeByMetadataName("k8s.Models.V1EphemeralContainer") is null
                ? KubernetesSupport.Containers
                : KubernetesSupport.WithEphemeralContainers;
        }
    }

    /// <summary>Which container builders the referenced KubernetesClient supports.</summary>
    internal enum KubernetesSupport
    {
        /// <summary>KubernetesClient is not referenced.</summary>
        None,

        /// <summary>Containers and init containers.</summary>
        Containers,

        /// <summary>Ephemeral containers too.</summary>
        WithEphemeralContainers,
    }
}
