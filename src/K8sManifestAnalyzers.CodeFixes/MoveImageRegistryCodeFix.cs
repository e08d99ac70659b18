using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA010: writes the image with the frozen or moved registry replaced by where its images live now, path, tag and
    /// digest kept. The analyzer computes the image (the <c>Replacement</c> property) from its table of documented moves.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveImageRegistryCodeFix))]
    [Shared]
    public sealed class MoveImageRegistryCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MovedRegistry);

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => $"Pull '{replacement}' instead";
    }
}
