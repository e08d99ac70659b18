using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// Writes the right pull policy in place of the reported one: the intended value for KMA002, <c>Always</c> for
    /// KMA003, <c>IfNotPresent</c> for KMA007.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetPullPolicyCodeFix))]
    [Shared]
    public sealed class SetPullPolicyCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.InvalidPullPolicy,
            DiagnosticIds.StalePolicyForMutableImage,
            DiagnosticIds.NeverPullPolicy);

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => $"Set ImagePullPolicy to '{replacement}'";

        /// <inheritdoc/>
        // A misspelt constant defined elsewhere is fixed where it is defined; for KMA003 and KMA007 the fix changes
        // the policy chosen for this container, whatever expression chose it.
        protected override bool CanReplace(string diagnosticId, ExpressionSyntax value) =>
            diagnosticId != DiagnosticIds.InvalidPullPolicy || base.CanReplace(diagnosticId, value);
    }
}
