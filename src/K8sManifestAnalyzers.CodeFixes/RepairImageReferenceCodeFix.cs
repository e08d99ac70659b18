using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>KMA004: writes the repaired image (white space trimmed, repository lowercased) when one repair makes it valid.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RepairImageReferenceCodeFix))]
    [Shared]
    public sealed class RepairImageReferenceCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidImageReference);

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => $"Change the image to '{replacement}'";
    }
}
