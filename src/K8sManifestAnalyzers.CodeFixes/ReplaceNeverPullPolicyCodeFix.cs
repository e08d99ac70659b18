using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA007: writes the API server's default for the image in place of <c>Never</c> (<c>Always</c> for a mutable
    /// image, <c>IfNotPresent</c> otherwise, as the analyzer decides), a value no other fix rewrites. <c>Never</c> is
    /// usually chosen on purpose (an image loaded onto the nodes with <c>kind load docker-image</c>, an air-gapped
    /// cluster), so the fix is offered one finding at a time, never by Fix All or <c>dotnet format</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceNeverPullPolicyCodeFix))]
    [Shared]
    public sealed class ReplaceNeverPullPolicyCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NeverPullPolicy);

        /// <inheritdoc/>
        protected override bool OffersFixAll => false;

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => $"Set ImagePullPolicy to '{replacement}', the API server's default for this image";

        /// <inheritdoc/>
        // The fix changes the policy chosen for this container, whatever expression chose it.
        protected override bool CanReplace(string diagnosticId, ExpressionSyntax value) => true;
    }
}
