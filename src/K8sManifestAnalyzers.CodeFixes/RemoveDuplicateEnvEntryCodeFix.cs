using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA119: removes the earlier of two env entries with the same name, when the analyzer found it safe
    /// (<see cref="DiagnosticProperties.RemoveEntry"/>; the entry is the diagnostic's first additional location).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDuplicateEnvEntryCodeFix))]
    [Shared]
    public sealed class RemoveDuplicateEnvEntryCodeFix : RemoveListEntryCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DuplicateEnvName);

        /// <inheritdoc/>
        protected override string Title => "Remove the entry that has no effect";

        /// <inheritdoc/>
        // The entry the analyzer says may be removed, in this document.
        protected override SyntaxNode? EntryOf(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Properties.ContainsKey(DiagnosticProperties.RemoveEntry)
            && diagnostic.AdditionalLocations.Count > 0
            && diagnostic.AdditionalLocations[0] is { SourceTree: { } tree } location
            && tree == root.SyntaxTree
                ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)
                : null;
    }
}
