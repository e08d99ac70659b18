using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// Presents an analyzer with one descriptor per rule id to the testing framework, whose markup (<c>{|KMA003:…|}</c>)
/// looks a rule up by id and expects a single descriptor. Rules with one descriptor per message shape (KMA003,
/// KMA008, KMA103) run unchanged: the compiler accepts a finding whose id the analyzer supports.
/// </summary>
#pragma warning disable RS1001, RS1025, RS1026 // a test wrapper: the wrapped analyzer registers itself
internal sealed class OneDescriptorPerRule(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        inner.SupportedDiagnostics.GroupBy(d => d.Id).Select(g => g.First()).ToImmutableArray();

    public override void Initialize(AnalysisContext context) => inner.Initialize(context);
}
#pragma warning restore RS1001, RS1025, RS1026
