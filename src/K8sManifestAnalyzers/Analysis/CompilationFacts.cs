using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Facts computed once per compilation and shared by every analyzer of the package: the value folder (members are
    /// folded once, whichever rule asks first) and the parsed images. Kept while the compilation lives.
    /// </summary>
    internal sealed class CompilationFacts
    {
        /// <summary>The metadata name of the generated <c>ImageReference</c> the builders return.</summary>
        internal const string ImageReferenceMetadataName = Generator.ContainerImageGenerator.Parser.AttributeNamespace + ".ImageReference";

        private static readonly ConditionalWeakTable<Compilation, CompilationFacts> All = new();

        private readonly ConcurrentDictionary<string, ImageFacts> _images = new(System.StringComparer.Ordinal);

        private readonly Lazy<KubernetesTypes?> _types;
        private readonly Lazy<INamedTypeSymbol?> _imageAttribute;
        private readonly Lazy<INamedTypeSymbol?> _imageReference;
        private readonly Lazy<K8sManifestAnalyzers.Analysis.Yaml.YamlEntryPoints?> _yamlEntryPoints;
        private readonly Lazy<K8sManifestAnalyzers.Analysis.Aspire.AspireTypes?> _aspire;
        private readonly Lazy<K8sManifestAnalyzers.Analysis.Aspire.AspireHelpers?> _aspireHelpers;
        private readonly Lazy<Syntax.ManifestLexicon> _lexicon;

        private CompilationFacts(Compilation compilation)
        {
            Values = new ValueFolder(compilation);
            _types = new Lazy<KubernetesTypes?>(
                () =>
                {
                    // The types first, then the method summaries that classify with them; neither asks for these facts.
                    var types = KubernetesTypes.Create(compilation, this);
                    if (types is not null)
                    {
                        Values.Methods = new Summaries.MethodSummaries(compilation, types);
                    }

                    return types;
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
            _imageAttribute = new Lazy<INamedTypeSymbol?>(
                () => compilation.Assembly.GetTypeByMetadataName(Generator.ContainerImageGenerator.Parser.AttributeMetadataName),
                LazyThreadSafetyMode.ExecutionAndPublication);
            _yamlEntryPoints = new Lazy<K8sManifestAnalyzers.Analysis.Yaml.YamlEntryPoints?>(() => K8sManifestAnalyzers.Analysis.Yaml.YamlEntryPoints.Resolve(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _aspire = new Lazy<K8sManifestAnalyzers.Analysis.Aspire.AspireTypes?>(() => K8sManifestAnalyzers.Analysis.Aspire.AspireTypes.Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _aspireHelpers = new Lazy<K8sManifestAnalyzers.Analysis.Aspire.AspireHelpers?>(
                () => Aspire is { } aspire ? new K8sManifestAnalyzers.Analysis.Aspire.AspireHelpers(compilation, aspire, this) : null,
                LazyThreadSafetyMode.ExecutionAndPublication);
            _lexicon = new Lazy<Syntax.ManifestLexicon>(() => Syntax.ManifestLexicon.For(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _imageReference = new Lazy<INamedTypeSymbol?>(
                () => compilation.Assembly.GetTypeByMetadataName(ImageReferenceMetadataName),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        internal ValueFolder Values { get; }

        /// <summary>The KubernetesClient types, resolved once whichever analyzer asks first; null without them.</summary>
        internal KubernetesTypes? Types => _types.Value;

        /// <summary>The Aspire.Hosting types, resolved once whichever analyzer asks first; null without Aspire.Hosting.</summary>
        internal K8sManifestAnalyzers.Analysis.Aspire.AspireTypes? Aspire => _aspire.Value;

        /// <summary>The app host's own builder helpers (their bodies, the containers they add, their call sites); null without Aspire.Hosting.</summary>
        internal K8sManifestAnalyzers.Analysis.Aspire.AspireHelpers? AspireHelpers => _aspireHelpers.Value;

        /// <summary>
        /// The <c>[ContainerImage]</c> attribute the generator adds to this compilation, looked up once, in the
        /// compilation's own sources (it is internal; a lookup through the compilation would search every reference).
        /// </summary>
        internal INamedTypeSymbol? ImageAttribute => _imageAttribute.Value;

        /// <summary>The generated <c>ImageReference</c>, looked up once in the sources, like the attribute.</summary>
        internal INamedTypeSymbol? ImageReference => _imageReference.Value;

        /// <summary>KubernetesClient's YAML entry points, looked up once for the analyzer of strings and the compilation-end rules.</summary>
        internal K8sManifestAnalyzers.Analysis.Yaml.YamlEntryPoints? YamlEntryPoints => _yamlEntryPoints.Value;

        /// <summary>The names that may concern a manifest, for the hosts' syntax-level pre-check of each body; built once, on first use.</summary>
        internal Syntax.ManifestLexicon Lexicon => _lexicon.Value;

        internal static CompilationFacts For(Compilation compilation) => All.GetValue(compilation, c => new CompilationFacts(c));

        /// <summary>The facts of an image string, parsed once per compilation.</summary>
        internal ImageFacts Image(string image) => _images.GetOrAdd(image, ImageFacts.Of);
    }
}
