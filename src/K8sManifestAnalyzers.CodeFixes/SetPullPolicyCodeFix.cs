using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// Writes the right pull policy in place of the reported one: the intended value for KMA002 (<c>Always</c> where
    /// <c>IfNotPresent</c> was meant for a mutable image), <c>Always</c> in place of <c>IfNotPresent</c> for KMA003, <c>Always</c> for KMA012. The
    /// analyzer decides the value (the <c>Replacement</c> property); KMA003 on <c>Never</c> has none. KMA007 has its own
    /// fix, <see cref="ReplaceNeverPullPolicyCodeFix"/>, which offers no Fix All.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SetPullPolicyCodeFix))]
    [Shared]
    public sealed class SetPullPolicyCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.InvalidPullPolicy,
            DiagnosticIds.StalePolicyForMutableImage,
            DiagnosticIds.AlwaysPullRequired);

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => $"Set ImagePullPolicy to '{replacement}'";

        /// <inheritdoc/>
        // A misspelt constant defined elsewhere is fixed where it is defined; for KMA003 the fix changes the policy
        // chosen for this container, whatever expression chose it.
        protected override bool CanReplace(string diagnosticId, ExpressionSyntax value) =>
            diagnosticId != DiagnosticIds.InvalidPullPolicy || base.CanReplace(diagnosticId, value);
    }
}
