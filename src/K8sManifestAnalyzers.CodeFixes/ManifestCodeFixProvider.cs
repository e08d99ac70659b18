using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// Base of every fix in the package. Two guarantees that make the fixes work from the command line as well as in
    /// the editor:
    /// <list type="bullet">
    /// <item>Fixes are registered only for this provider's own rules. <c>dotnet format analyzers</c> asks a provider
    /// for the actions of the first finding of the analyzer, whatever its rule; a provider that answered for another
    /// rule would hand the tool an equivalence key meant for something else.</item>
    /// <item>Fix All accepts any equivalence key, including none (the tool passes none when the first finding was not
    /// this provider's), and then applies each finding's own default fix.</item>
    /// </list>
    /// A provider whose fix undoes a choice made on purpose offers no Fix All at all (<see cref="OffersFixAll"/>): its
    /// fix is applied one finding at a time in the editor, and <c>dotnet format</c> leaves its findings alone.
    /// </summary>
    public abstract class ManifestCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc/>
        public sealed override FixAllProvider? GetFixAllProvider() => OffersFixAll ? FixAllProvider.Create(FixAllInDocumentAsync) : null;

        /// <summary>
        /// False for a fix that must be chosen finding by finding: the editor then offers no "Fix all occurrences", and
        /// <c>dotnet format</c> reports that it cannot fix the rule instead of applying the fix everywhere.
        /// </summary>
        protected virtual bool OffersFixAll => true;

        /// <inheritdoc/>
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                // A finding in YAML (a string handed to KubernetesYaml; additional files have no document) is not C# the
                // providers can edit: its YAML-worded descriptors carry properties (KMA001's default policy) for no fix.
                if (FixableDiagnosticIds.Contains(diagnostic.Id) && !IsYamlFinding(diagnostic))
                {
                    await RegisterFixesAsync(context, diagnostic).ConfigureAwait(false);
                }
            }
        }

        private static readonly ImmutableArray<DiagnosticDescriptor> YamlDescriptors = ImmutableArray.Create(
            Descriptors.KMA001_YamlMissingPullPolicy,
            Descriptors.KMA001_YamlMissingVolumePullPolicy,
            Descriptors.KMA003_YamlStalePolicyForMutableImage,
            Descriptors.KMA003_YamlNeverWithMutableImage,
            Descriptors.KMA006_YamlMissingImage,
            Descriptors.KMA007_YamlNeverPullPolicy,
            Descriptors.KMA012_YamlAlwaysPullRequired,
            Descriptors.KMA119_YamlDuplicateEnvNameLater);

        private static bool IsYamlFinding(Diagnostic diagnostic)
        {
            foreach (var descriptor in YamlDescriptors)
            {
                if (diagnostic.Id == descriptor.Id && diagnostic.Descriptor.MessageFormat.ToString() == descriptor.MessageFormat.ToString())
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Registers the actions for one finding of this provider's rules.</summary>
        protected abstract Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic);

        /// <summary>
        /// Fixes every finding of one document in one pass. <paramref name="equivalenceKey"/> is the key of the action
        /// chosen, or <see langword="null"/> (or another provider's key) when a tool asks for the default fix of each.
        /// </summary>
        protected abstract Task<Document> FixAllAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken);

        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var own = new List<Diagnostic>(diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                if (FixableDiagnosticIds.Contains(diagnostic.Id) && context.DiagnosticIds.Contains(diagnostic.Id) && !IsYamlFinding(diagnostic))
                {
                    own.Add(diagnostic);
                }
            }

            return own.Count == 0
                ? document
                : await FixAllAsync(document, own, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
