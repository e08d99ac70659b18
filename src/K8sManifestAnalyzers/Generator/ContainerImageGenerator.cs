using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Generator
{
    /// <summary>
    /// Turns <c>[ContainerImage("registry/repo", PullSecret = "…")] static partial class X;</c> into typed
    /// image-reference builders: <c>X.Tag("1.0")</c>, <c>X.Digest("sha256:…")</c>, and, when KubernetesClient is
    /// referenced, <c>.ToContainer(name)</c> and <c>.AddTo(podSpec, name)</c>. Problems in the declaration are
    /// reported by <see cref="Analyzers.ContainerImageAnalyzer"/>; the generator skips what it cannot build.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed partial class ContainerImageGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
        public static class Steps
        {
            /// <summary>The [ContainerImage] classes, as models.</summary>
            public const string ImageTypes = nameof(ImageTypes);

            /// <summary>Whether the compilation references KubernetesClient.</summary>
            public const string KubernetesClient = nameof(KubernetesClient);
        }

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            context.RegisterPostInitializationOutput(Emitter.EmitSupportTypes);

            var imageTypes = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    Parser.AttributeMetadataName,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                    static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
                .Where(static model => model is not null)
                .WithTrackingName(Steps.ImageTypes);

            context.RegisterSourceOutput(imageTypes, static (output, model) => Emitter.EmitImageType(output, model!));

            var kubernetesClient = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName("k8s.Models.V1Container") is not null
                    && compilation.GetTypeByMetadataName("k8s.Models.V1PodSpec") is not null
                    && compilation.GetTypeByMetadataName("k8s.Models.V1LocalObjectReference") is not null)
                .WithTrackingName(Steps.KubernetesClient);

            context.RegisterSourceOutput(kubernetesClient, static (output, referenced) =>
            {
                if (referenced)
                {
                    Emitter.EmitKubernetesMembers(output);
                }
            });
        }
    }
}
