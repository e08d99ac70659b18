using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Floors
{
    /// <summary>
    /// Floor 1: our compilation-start lookups and nothing else. The KubernetesClient types by metadata name in the
    /// KubernetesClient assemblies and the sources (as <c>KubernetesTypes</c> does), and the generated attribute and
    /// <c>ImageReference</c> in the sources (as <c>CompilationFacts</c> does): the first touch of the symbol tables,
    /// which the compiler would pay anyway and ReportAnalyzer charges to whichever analyzer asks first.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LookupFloor : DiagnosticAnalyzer
    {
        // The compiler skips an analyzer with no enabled descriptor: each floor declares one it never reports.
        private static readonly DiagnosticDescriptor Never = new("FLOOR1", "Never reported", "Never reported", "Floor", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private static readonly string[] Names =
        {
            "V1Container", "V1EphemeralContainer", "V1Secret", "V1ObjectMeta", "V1PodSpec", "V1ServiceAccount",
            "V1LocalObjectReference", "V1ImageVolumeSource", "V1ConfigMap", "V1SecretKeySelector", "V1ConfigMapKeySelector",
            "V1SecretEnvSource", "V1ConfigMapEnvSource", "V1SecretVolumeSource", "V1ConfigMapVolumeSource",
            "V1SecretProjection", "V1ConfigMapProjection", "V1IngressTLS",
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = start.Compilation;
                var assemblies = new List<IAssemblySymbol>();
                foreach (var reference in compilation.References)
                {
                    if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && assembly.Name.StartsWith("KubernetesClient", StringComparison.Ordinal))
                    {
                        assemblies.Add(assembly);
                    }
                }

                int found = 0;
                foreach (var name in Names)
                {
                    found += compilation.Assembly.GetTypeByMetadataName("k8s.Models." + name) is null ? 0 : 1;
                    foreach (var assembly in assemblies)
                    {
                        found += assembly.GetTypeByMetadataName("k8s.Models." + name) is null ? 0 : 1;
                    }
                }

                found += compilation.Assembly.GetTypeByMetadataName("K8sManifestAnalyzers.ContainerImageAttribute") is null ? 0 : 1;
                found += compilation.Assembly.GetTypeByMetadataName("K8sManifestAnalyzers.ImageReference") is null ? 0 : 1;
                GC.KeepAlive(found);
            });
        }
    }

    /// <summary>
    /// Floor 2: the same kinds of actions our analyzers register, with empty bodies, one floor analyzer per analyzer of
    /// ours (the driver's own work is per analyzer: its state, its tasks, its timing of each callback): what Roslyn
    /// charges for calling us on every creation, assignment, invocation, literal and type of the project, whatever we
    /// then do. The benchmark adds up the analyzers whose names start with <c>ActionFloor</c>.
    /// </summary>
    public abstract class ActionFloor : DiagnosticAnalyzer
    {
        // The compiler skips an analyzer with no enabled descriptor: each floor declares one it never reports.
        private static readonly DiagnosticDescriptor Never = new("FLOOR2", "Never reported", "Never reported", "Floor", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            Register(context);
        }

        protected abstract void Register(AnalysisContext context);

        protected static void Empty(OperationAnalysisContext context)
        {
        }

        protected static void Empty(SymbolAnalysisContext context)
        {
        }

        protected static void Empty(CompilationAnalysisContext context)
        {
        }
    }

    /// <summary>
    /// As <c>ContainerAnalyzer</c>, the per-body host (container, environment, registry-credential and pull-secret list
    /// rules): a block start with only a block end, in every project (without KubernetesClient too, for KMA105's constant
    /// strings).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ActionFloorContainer : ActionFloor
    {
#pragma warning disable RS1013 // as the host does, for the reason its comment gives
        protected override void Register(AnalysisContext context) => context.RegisterCompilationStartAction(start => start.RegisterOperationBlockStartAction(block => block.RegisterOperationBlockEndAction(static _ => { })));
#pragma warning restore RS1013
    }

    /// <summary>
    /// As <c>PullSecretAnalyzer</c>, the compilation-end host (the cross-reference rules and KMA009): declarations, a
    /// block start with only a block end (the walk that collects each body's facts), compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ActionFloorPullSecret : ActionFloor
    {
#pragma warning disable RS1013 // as the host does, for the reason its comment gives
        protected override void Register(AnalysisContext context) => context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolAction(Empty, SymbolKind.NamedType);
            start.RegisterOperationBlockStartAction(block => block.RegisterOperationBlockEndAction(static _ => { }));
            start.RegisterCompilationEndAction(Empty);
        });
#pragma warning restore RS1013
    }

    /// <summary>As the declaration check of <c>ContainerAnalyzer</c> (formerly <c>ContainerImageAnalyzer</c>) in a project that declares no image: declarations.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ActionFloorContainerImage : ActionFloor
    {
        protected override void Register(AnalysisContext context) => context.RegisterCompilationStartAction(start => start.RegisterSymbolAction(Empty, SymbolKind.NamedType));
    }

    /// <summary>
    /// Floor 3: our findings, the same ids at the same places, reported without analysis. The benchmark writes the
    /// findings of the analysed build (file, line, column, id) to an additional file,
    /// <see cref="FindingsFileName"/>; each tree's findings are reported from a syntax tree action. What is left is Roslyn's
    /// cost of taking, filtering and logging that many diagnostics.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReportingFloor : DiagnosticAnalyzer
    {
        /// <summary>The additional file the benchmark writes the analysed build's findings to.</summary>
        public const string FindingsFileName = "k8s-floor-findings.tsv";

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors = CreateDescriptors();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.CreateRange(Descriptors.Values);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                AdditionalText? findingsFile = null;
                foreach (var file in start.Options.AdditionalFiles)
                {
                    if (Path.GetFileName(file.Path) == FindingsFileName)
                    {
                        findingsFile = file;
                    }
                }

                if (findingsFile?.GetText(start.CancellationToken) is not { } findingsText)
                {
                    return;
                }

                // file name -> (line, column, id), one line per finding: "<file>\t<line>\t<column>\t<id>".
                var byFile = new Dictionary<string, List<(int Line, int Column, string Id)>>(StringComparer.Ordinal);
                foreach (var textLine in findingsText.Lines)
                {
                    string line = textLine.ToString();
                    var parts = line.Split('\t');
                    if (parts.Length == 4 && int.TryParse(parts[1], out int row) && int.TryParse(parts[2], out int column) && Descriptors.ContainsKey(parts[3]))
                    {
                        if (!byFile.TryGetValue(parts[0], out var list))
                        {
                            byFile[parts[0]] = list = new List<(int, int, string)>();
                        }

                        list.Add((row, column, parts[3]));
                    }
                }

                start.RegisterSyntaxTreeAction(tree =>
                {
                    if (!byFile.TryGetValue(Path.GetFileName(tree.Tree.FilePath), out var findings))
                    {
                        return;
                    }

                    var text = tree.Tree.GetText(tree.CancellationToken);
                    foreach (var (row, column, id) in findings)
                    {
                        if (row - 1 < text.Lines.Count)
                        {
                            int position = Math.Min(text.Lines[row - 1].Start + column - 1, text.Length);
                            var location = Location.Create(tree.Tree, new TextSpan(position, 0));
                            tree.ReportDiagnostic(Diagnostic.Create(Descriptors[id], location));
                        }
                    }
                });
            });
        }

        private static ImmutableDictionary<string, DiagnosticDescriptor> CreateDescriptors()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (int number in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 101, 102, 103, 104, 105, 106, 111, 112, 113, 114, 115, 116, 201, 202, 203, 204, 205, 206, 207 })
            {
                string id = "KMA" + number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                builder.Add(id, new DiagnosticDescriptor(id, "Floor finding", "A finding of the reporting floor", "Floor", DiagnosticSeverity.Warning, isEnabledByDefault: true));
            }

            return builder.ToImmutable();
        }
    }
}
