using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Analysis.Yaml;
using K8sManifestAnalyzers.Model;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// The one host of the compilation-end rules: KMA009 (<see cref="ManifestOptionsRule"/>, the options, in every
    /// project), and the cross-reference rules KMA101 (<see cref="UndefinedPullSecretRule"/>), KMA102
    /// (<see cref="UnusedRegistrySecretRule"/>), KMA103 (<see cref="MissingPullSecretRule"/>), KMA104
    /// (<see cref="PullSecretTypeRule"/>), KMA111 to KMA116 (Secrets and ConfigMaps) and KMA118
    /// (<see cref="UndefinedServiceAccountRule"/>). One walk per body at its block end only collects facts
    /// (<see cref="PullSecretCollector"/> and the other collectors); the matching runs once at compilation end on a
    /// <see cref="PullSecretIndex"/>, hashed by name, so it is linear in the number of objects.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PullSecretAnalyzer : DiagnosticAnalyzer
    {
        private readonly bool _syntaxGate;

        /// <summary>Creates the analyzer as compilers load it: a body is walked only when its syntax may concern a manifest.</summary>
        public PullSecretAnalyzer()
            : this(syntaxGate: true)
        {
        }

        /// <summary>With <paramref name="syntaxGate"/> false, every body is walked: tests compare the two.</summary>
        internal PullSecretAnalyzer(bool syntaxGate) => _syntaxGate = syntaxGate;

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA009_OptionNeverMatches,
            Descriptors.KMA009_TagNeverMatches,
            Descriptors.KMA009_InvalidObjectName,
            Descriptors.KMA009_InvalidNamespace,
            Descriptors.KMA009_InvalidValue,
            Descriptors.KMA009_UnknownKeyNear,
            Descriptors.KMA009_UnknownKey,
            Descriptors.KMA101_UndefinedPullSecret,
            Descriptors.KMA101_UndefinedPullSecretClosestWrongType,
            Descriptors.KMA102_UnusedRegistrySecret,
            Descriptors.KMA103_MissingPullSecret,
            Descriptors.KMA103_MissingDeclaredPullSecret,
            Descriptors.KMA104_PullSecretWrongType,
            Descriptors.KMA111_UndefinedSecret,
            Descriptors.KMA111_UndefinedSecretClosest,
            Descriptors.KMA111_UndefinedSecretInOtherNamespace,
            Descriptors.KMA111_UndefinedSecretInVolume,
            Descriptors.KMA111_UndefinedSecretInVolumeClosest,
            Descriptors.KMA111_UndefinedSecretInVolumeInOtherNamespace,
            Descriptors.KMA111_UndefinedSecretInIngressTls,
            Descriptors.KMA111_UndefinedSecretInIngressTlsClosest,
            Descriptors.KMA111_UndefinedSecretInIngressTlsInOtherNamespace,
            Descriptors.KMA111_UndefinedSecretInServiceAccount,
            Descriptors.KMA111_UndefinedSecretInServiceAccountClosest,
            Descriptors.KMA111_UndefinedSecretInServiceAccountInOtherNamespace,
            Descriptors.KMA112_MissingSecretKey,
            Descriptors.KMA113_UnusedSecret,
            Descriptors.KMA114_UndefinedConfigMap,
            Descriptors.KMA114_UndefinedConfigMapClosest,
            Descriptors.KMA114_UndefinedConfigMapInOtherNamespace,
            Descriptors.KMA114_UndefinedConfigMapInVolume,
            Descriptors.KMA114_UndefinedConfigMapInVolumeClosest,
            Descriptors.KMA114_UndefinedConfigMapInVolumeInOtherNamespace,
            Descriptors.KMA115_MissingConfigMapKey,
            Descriptors.KMA116_UnusedConfigMap,
            Descriptors.KMA118_UndefinedServiceAccount,
            Descriptors.KMA118_UndefinedServiceAccountClosest,
            Descriptors.KMA118_UndefinedServiceAccountInOtherNamespace);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            bool syntaxGate = _syntaxGate;
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // The YAML manifests among the additional files (none: nothing more is done for YAML). They are read at
                // compilation end, through the cache YamlManifestAnalyzer fills.
                var yamlFiles = YamlFiles(start.Options.AdditionalFiles);
                var found = KubernetesTypes.TryCreate(start.Compilation);
                if (found is not { HasPullSecretTypes: true } && yamlFiles.IsEmpty)
                {
                    // No manifest to match: the options alone (KMA009), which every project has.
                    start.RegisterCompilationEndAction(CheckOptions);
                    return;
                }

                var state = new PullSecretState
                {
                    IsProgram = start.Compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication,
                };
                start.RegisterCompilationEndAction(end =>
                {
                    CheckOptions(end);
                    Match(end, state, yamlFiles);
                });
                if (found is not { HasPullSecretTypes: true } types)
                {
                    // YAML files alone: their objects and references are matched with each other.
                    return;
                }

                // KubernetesYaml's entry points: the Secrets, ConfigMaps, service accounts and references of YAML strings.
                var yamlEntryPoints = Analysis.CompilationFacts.For(start.Compilation).YamlEntryPoints;

                // [ContainerImage(PullSecret = "…")]: the generated AddTo lists that Secret on pod specs.
                if (Analysis.CompilationFacts.For(start.Compilation).ImageAttribute is { } imageAttribute)
                {
                    start.RegisterSymbolAction(c => PullSecretCollector.CollectImageDeclaration(c, imageAttribute, state), SymbolKind.NamedType);
                }

                // The facts of each body, collected by one walk of our own at the block's end (every operation of every
                // block, lambdas and local functions included, as operation actions would be called on them) instead of
                // per-operation callbacks on every body of the project, most of which hold no manifest.
                //
                // A start with only an end, not a block action (RS1013): the shape of ContainerAnalyzer, the other host
                // that walks every body (its comment says why it needs that shape). Here a block action would do the same:
                // Roslyn calls either once per body with the same blocks, and nothing is reported from this one (every
                // finding comes at compilation end); the one shape keeps the two hosts and the benchmark's floor alike.
#pragma warning disable RS1013
                //
                // A body whose syntax names nothing a manifest is built from (ManifestLexicon) is not walked at all.
                var facts = Analysis.CompilationFacts.For(start.Compilation);
                start.RegisterOperationBlockStartAction(blockStart =>
                {
                    if (!syntaxGate || facts.Lexicon.MayConcern(blockStart.OperationBlocks, models: true))
                    {
                        blockStart.RegisterOperationBlockEndAction(block => Collect(block, types, yamlEntryPoints, state));
                    }
                });
#pragma warning restore RS1013
            });
        }

        // KMA009: the options, once, when the compilation ends. A compilation-end action, not RegisterCompilationAction:
        // Roslyn runs compilation actions on the IDE's per-document requests too, and this one reads the options of every
        // tree (measured: 3 ms of each request in a 2,000-file project). Its findings have no location, so only a full
        // analysis shows them anyway.
        private static void CheckOptions(CompilationAnalysisContext context)
        {
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            ManifestOptionsRule.Check(context.ReportDiagnostic, provider.GlobalOptions, OptionsOfTrees(context.Compilation, provider));
        }

        // Every operation of the body's blocks, in the order operation actions would be called on them (each block's
        // DescendantsAndSelf, as Roslyn's driver computes them): the creations, invocations, method references and
        // assignments, each handed to its collectors.
        private static void Collect(OperationBlockAnalysisContext context, KubernetesTypes types, YamlEntryPoints? yamlEntryPoints, PullSecretState state)
        {
            foreach (var block in context.OperationBlocks)
            {
                // The list ContainerAnalyzer's walk of the same block found, or found here for it (BodyOperations).
                foreach (var operation in Analysis.BodyOperations.Of(block))
                {
                    switch (operation.Kind)
                    {
                        case OperationKind.ObjectCreation:
                        case OperationKind.Invocation:
                        case OperationKind.MethodReference:
                        case OperationKind.SimpleAssignment:
                        case OperationKind.CoalesceAssignment:
                            Collect(operation, context.Options, types, yamlEntryPoints, state, context.CancellationToken);
                            break;
                    }
                }
            }
        }

        private static void Collect(IOperation operation, AnalyzerOptions options, KubernetesTypes types, YamlEntryPoints? yamlEntryPoints, PullSecretState state, System.Threading.CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    PullSecretCollector.CollectCreation(creation, types, state, options);
                    ConfigReferenceCollector.CollectCreation(creation, types, state);
                    break;
                case IInvocationOperation invocation:
                    if (yamlEntryPoints is not null && YamlEntryPoints.IsEntryPointName(invocation.TargetMethod.Name))
                    {
                        CollectYamlString(invocation, yamlEntryPoints, state, cancellationToken);
                    }

                    PullSecretCollector.CollectInvocation(invocation, types, state);
                    if (KubernetesTypes.IsInSource(invocation.TargetMethod) && types.Values.Methods is { } methods
                        && methods.Get(invocation.TargetMethod, types) is { } summary)
                    {
                        // A method of the compilation, read at this call with its arguments: the references,
                        // Secrets, ConfigMaps and pod specs it creates.
                        ConfigReferenceCollector.CollectThroughCall(invocation, methods, summary, types, state);
                        ConfigReferenceCollector.CollectObjectsThroughCall(invocation, summary, types, state);
                        PullSecretCollector.CollectPodSpecsThroughCall(invocation, summary, types, state, options);
                        ServiceAccountCollector.CollectThroughCall(invocation, methods, summary, types, state);
                    }

                    break;
                case IMethodReferenceOperation { Method: { } method }:
                    // `Select(Secrets.For)`: the method's calls are not all seen.
                    state.Escaped.TryAdd((method.ReducedFrom ?? method).OriginalDefinition, true);
                    break;
                case IAssignmentOperation assignment:
                    PullSecretCollector.CollectAssignment(assignment, types, state);
                    ServiceAccountCollector.CollectAssignment(assignment, types, state);
                    break;
            }
        }

        // A constant string handed to KubernetesYaml: what it defines and references joins the world, with locations inside
        // the literal (YamlLiteralCache, shared with YamlLiteralAnalyzer). A string that cannot be read (invalid YAML, a
        // template, a literal still being typed) may hold anything of the kinds its text names, as an unreadable file.
        private static void CollectYamlString(IInvocationOperation invocation, YamlEntryPoints entryPoints, PullSecretState state, System.Threading.CancellationToken cancellationToken)
        {
            if (entryPoints.YamlArgument(invocation) is not { Value: { ConstantValue: { HasValue: true, Value: string text } } value }
                || value.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax argument
                || invocation.SemanticModel is not { } model)
            {
                return;
            }

            var objects = argument.ContainsDiagnostics
                ? YamlObjects.Unreadable(text)
                : YamlLiteralCache.Get(argument, text, model, cancellationToken)?.Objects;
            if (objects is { IsEmpty: false })
            {
                objects.AddTo(state);
                state.ReadYamlStrings = true;
            }
        }

        private static ImmutableArray<AdditionalText> YamlFiles(ImmutableArray<AdditionalText> files)
        {
            ImmutableArray<AdditionalText>.Builder? yaml = null;
            foreach (var file in files)
            {
                if (file.Path is { } path && YamlManifestReader.IsYamlPath(path))
                {
                    (yaml ??= ImmutableArray.CreateBuilder<AdditionalText>()).Add(file);
                }
            }

            return yaml?.ToImmutable() ?? ImmutableArray<AdditionalText>.Empty;
        }

        private static void Match(CompilationAnalysisContext context, PullSecretState state, ImmutableArray<AdditionalText> yamlFiles)
        {
            // One world: what the YAML files define and reference joins what the code does, before anything is indexed.
            // Findings in a YAML file honour its `# kma-disable-line` comments (YamlSuppressions).
            Dictionary<string, YamlSuppressions>? suppressions = null;
            foreach (var file in yamlFiles)
            {
                if (file.GetText(context.CancellationToken) is { } text)
                {
                    YamlManifestCache.Get(file.Path, text, context.CancellationToken).Objects.AddTo(state);
                    if (YamlSuppressions.For(text) is { IsEmpty: false } inFile)
                    {
                        (suppressions ??= new Dictionary<string, YamlSuppressions>(StringComparer.Ordinal))[file.Path] = inFile;
                    }
                }
            }

            Action<Diagnostic> report = suppressions is null ? context.ReportDiagnostic : diagnostic =>
            {
                if (diagnostic.Location.Kind != LocationKind.ExternalFile
                    || !suppressions.TryGetValue(diagnostic.Location.GetLineSpan().Path, out var inFile)
                    || !inFile.Suppresses(diagnostic))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            };

            if (state.ReadYamlStrings)
            {
                // A constant read at two calls gives the same facts twice: each finding is said once.
                var seen = new HashSet<(string Id, Location Location, string Message)>();
                var inner = report;
                report = diagnostic =>
                {
                    if (seen.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
                    {
                        inner(diagnostic);
                    }
                };
            }

            var index = new PullSecretIndex(state);
            UndefinedPullSecretRule.Check(report, context.Options, index);
            UnusedRegistrySecretRule.Check(report, index);
            PullSecretTypeRule.Check(report, index);
            MissingPullSecretRule.Check(report, context.Options, index, CompilationFacts.For(context.Compilation));

            var objects = new ConfigObjectIndex(state);
            UndefinedConfigObjectRule.Check(report, context.Options, objects);
            MissingConfigKeyRule.Check(report, objects);
            UnusedConfigObjectRule.Check(report, objects);

            UndefinedServiceAccountRule.Check(report, context.Options, new ServiceAccountIndex(state));
        }

        // Each tree's options, read as the rule asks for them.
        private static IEnumerable<AnalyzerConfigOptions> OptionsOfTrees(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                yield return provider.GetOptions(tree);
            }
        }
    }
}
