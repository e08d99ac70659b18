using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// One family of the rules a host analyzer runs (<see cref="ContainerAnalyzer"/> per body, <see cref="PullSecretAnalyzer"/>
/// at compilation end), for the tests written about that family alone: the host runs whole (one read of each body for
/// every family, one compilation-end action for every rule, as in a user's build), and the view passes on only the
/// family's findings, so a test of a pull policy is not asked about the image's tag and the reverse. The findings go
/// through the contexts Roslyn gave the host, so where they count as reported (local to a document or not) is the host's.
/// </summary>
#pragma warning disable RS1001, RS1025, RS1026, RS1012 // a test view: the wrapped analyzer registers itself, through the forwarding contexts
#pragma warning disable CS0618 // the public context constructors: the view hands the host contexts that report through the ones Roslyn gave it
public abstract class RuleFamily<THost> : DiagnosticAnalyzer
    where THost : DiagnosticAnalyzer, new()
{
    private readonly THost _host = new();

    /// <summary>The ids of the family.</summary>
    protected abstract ImmutableArray<string> Ids { get; }

    /// <summary>Every descriptor of the host: the compiler refuses a finding whose id its analyzer does not declare.</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _host.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _host.Initialize(new FamilyContext(context, Ids));

    private sealed class FamilyContext(AnalysisContext inner, ImmutableArray<string> ids) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            inner.RegisterCompilationStartAction(start => action(new FamilyStart(start, ids)));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unused();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unused();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unused();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unused();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unused();
    }

    private sealed class FamilyStart(CompilationStartAnalysisContext inner, ImmutableArray<string> ids)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            inner.RegisterOperationAction(
                c => action(new OperationAnalysisContext(c.Operation, c.ContainingSymbol, c.Compilation, c.Options, d => Keep(ids, d, c.ReportDiagnostic), _ => true, c.CancellationToken)),
                operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            inner.RegisterOperationBlockStartAction(start => action(new FamilyBlockStart(start, ids)));

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            inner.RegisterCompilationEndAction(
                c => action(new CompilationAnalysisContext(c.Compilation, c.Options, d => Keep(ids, d, c.ReportDiagnostic), _ => true, c.CancellationToken)));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            inner.RegisterSymbolAction(
                c => action(new SymbolAnalysisContext(c.Symbol, c.Compilation, c.Options, d => Keep(ids, d, c.ReportDiagnostic), _ => true, c.CancellationToken)),
                symbolKinds);

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unused();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unused();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unused();
    }

    private sealed class FamilyBlockStart(OperationBlockStartAnalysisContext inner, ImmutableArray<string> ids)
        : OperationBlockStartAnalysisContext(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) =>
            inner.RegisterOperationBlockEndAction(
                c => action(new OperationBlockAnalysisContext(c.OperationBlocks, c.OwningSymbol, c.Compilation, c.Options, d => Keep(ids, d, c.ReportDiagnostic), _ => true, c.CancellationToken)));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => throw Unused();
    }

    private static void Keep(ImmutableArray<string> ids, Diagnostic diagnostic, Action<Diagnostic> report)
    {
        if (ids.Contains(diagnostic.Id))
        {
            report(diagnostic);
        }
    }

    // The host registers only what the views forward; a new kind of action must be forwarded here too.
    private static NotSupportedException Unused() => new($"{typeof(THost).Name} registers an action the test view does not forward; forward it in RuleFamilies.cs.");
}

/// <summary>The pull-policy rules: KMA001, KMA002, KMA003, KMA007, KMA012.</summary>
public sealed class PullPolicyAnalyzer : RuleFamily<ContainerAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA001", "KMA002", "KMA003", "KMA007", "KMA012");
}

/// <summary>The image rules: KMA004, KMA005, KMA006, KMA008, KMA010, KMA011.</summary>
public sealed class ImageReferenceAnalyzer : RuleFamily<ContainerAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA004", "KMA005", "KMA006", "KMA008", "KMA010", "KMA011");
}

/// <summary>The environment rules: KMA117, KMA119.</summary>
public sealed class EnvironmentAnalyzer : RuleFamily<ContainerAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA117", "KMA119");
}

/// <summary>The registry-credential rule: KMA105.</summary>
public sealed class RegistryCredentialAnalyzer : RuleFamily<ContainerAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA105");
}

/// <summary>The pull-secret list rule: KMA106.</summary>
public sealed class PullSecretListAnalyzer : RuleFamily<ContainerAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA106");
}

/// <summary>KMA009, the options, which <see cref="PullSecretAnalyzer"/> checks at compilation end in every project.</summary>
/// <summary>The [ContainerImage] declaration rules and the checks of builder calls, with KMA008 on a declared repository.</summary>
public sealed class ContainerImageAnalyzer : RuleFamily<ContainerAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA201", "KMA202", "KMA203", "KMA204", "KMA205", "KMA206", "KMA207", "KMA008");
}

public sealed class ManifestOptionsAnalyzer : RuleFamily<PullSecretAnalyzer>
{
    protected override ImmutableArray<string> Ids { get; } = ImmutableArray.Create("KMA009");
}
#pragma warning restore CS0618
#pragma warning restore RS1001, RS1025, RS1026, RS1012
