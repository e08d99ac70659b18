using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// The testing framework turns on every diagnostic an analyzer supports, including the rules that are off by default
/// (KMA113, KMA116). The verifiers undo that, so a test sees what a user sees: such a rule runs only when the test
/// turns it on, the way a user does (<c>dotnet_diagnostic.KMA113.severity = suggestion</c> in an .editorconfig), or
/// with the verifier's <c>EnableOptInRules</c>.
/// </summary>
internal static class OptInRules
{
    public static Project KeepOff(Project project, IEnumerable<DiagnosticAnalyzer> analyzers)
    {
        var options = project.CompilationOptions!;
        var specific = options.SpecificDiagnosticOptions;
        foreach (var descriptor in analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics).Where(descriptor => !descriptor.IsEnabledByDefault))
        {
            specific = specific.Remove(descriptor.Id);
        }

        return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(specific));
    }
}
