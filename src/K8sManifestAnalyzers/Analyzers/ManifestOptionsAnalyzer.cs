using System.Collections.Immutable;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of KMA009 (<see cref="ManifestOptionsRule"/>): the <c>k8s_manifests.*</c> options, once, when the
    /// compilation ends.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ManifestOptionsAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA009_OptionNeverMatches,
            Descriptors.KMA009_TagNeverMatches,
            Descriptors.KMA009_InvalidObjectName,
            Descriptors.KMA009_InvalidNamespace,
            Descriptors.KMA009_InvalidValue,
            Descriptors.KMA009_UnknownKeyNear,
            Descriptors.KMA009_UnknownKey);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            // A compilation-end action, not RegisterCompilationAction: Roslyn runs compilation actions on the IDE's
            // per-document requests too, and this one reads the options of every tree (measured: 3 ms of each request
            // in a 2,000-file project). Its findings have no location, so only a full analysis shows them anyway.
#pragma warning disable RS1013 // The start action exists only to register the end action, on purpose (see above).
            context.RegisterCompilationStartAction(start => start.RegisterCompilationEndAction(c => ManifestOptionsRule.Check(c.ReportDiagnostic, c.Compilation, c.Options.AnalyzerConfigOptionsProvider)));
#pragma warning restore RS1013
        }
    }
}
