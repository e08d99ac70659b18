using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace K8sManifestAnalyzers.CodeFixes
{
    /// <summary>
    /// KMA111 and KMA114: names the closest defined Secret or ConfigMap; KMA112 and KMA115: names the closest key the
    /// object defines; KMA118: names the closest defined service account. The analyzer offers a replacement only when
    /// one is a small edit away.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameConfigReferenceCodeFix))]
    [Shared]
    public sealed class RenameConfigReferenceCodeFix : ReplaceValueCodeFixBase
    {
        /// <inheritdoc/>
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.UndefinedSecret,
            DiagnosticIds.MissingSecretKey,
            DiagnosticIds.UndefinedConfigMap,
            DiagnosticIds.MissingConfigMapKey,
            DiagnosticIds.UndefinedServiceAccount);

        /// <inheritdoc/>
        protected override string Title(string diagnosticId, string replacement) => diagnosticId switch
        {
            DiagnosticIds.UndefinedSecret => $"Use the Secret '{replacement}'",
            DiagnosticIds.UndefinedConfigMap => $"Use the ConfigMap '{replacement}'",
            DiagnosticIds.UndefinedServiceAccount => $"Use the service account '{replacement}'",
            _ => $"Use the key '{replacement}'",
        };
    }
}
