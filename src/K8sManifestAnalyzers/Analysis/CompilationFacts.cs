using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
        private static readonly ConditionalWeakTable<Compilation, CompilationFacts> All = new();

        private readonly ConcurrentDictionary<string, ImageFacts> _images = new(System.StringComparer.Ordinal);

        private CompilationFacts(Compilation compilation)
        {
            Values = new ValueFolder(compilation);
        }

        internal ValueFolder Values { get; }

        internal static CompilationFacts For(Compilation compilation) => All.GetValue(compilation, c => new CompilationFacts(c));

        /// <summary>The facts of an image string, parsed once per compilation.</summary>
        internal ImageFacts Image(string image) => _images.GetOrAdd(image, ImageFacts.Of);
    }
}
