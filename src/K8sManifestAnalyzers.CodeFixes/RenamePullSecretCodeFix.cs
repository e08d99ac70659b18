using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>KMA101: names the closest defined docker-registry Secret instead of the undefined one.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenamePullSecretCodeFix))]
    [Shared]
    public sealed class RenamePullSecretCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndefinedPullSecret);

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => $"Use the Secret '{replacement}'";
    }
}
