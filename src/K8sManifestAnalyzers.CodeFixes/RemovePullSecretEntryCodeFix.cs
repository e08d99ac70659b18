using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>KMA106: removes an empty or duplicate entry from an ImagePullSecrets list.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemovePullSecretEntryCodeFix))]
    [Shared]
    public sealed class RemovePullSecretEntryCodeFix : RemoveListEntryCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidPullSecretEntry);

        /// <inheritdoc/>
        protected override string Title => "Remove the entry";

        /// <inheritdoc/>
        // The reported entry itself.
        protected override SyntaxNode? EntryOf(SyntaxNode root, Diagnostic diagnostic) =>
            diagnostic.Location.SourceTree == root.SyntaxTree ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) : null;
    }
}
