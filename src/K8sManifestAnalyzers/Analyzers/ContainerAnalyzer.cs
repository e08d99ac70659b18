using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Aspire;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// The one host of the per-body rules: the image rules (<see cref="ImageRuleSet"/>: KMA004, KMA005,
    /// KMA006, KMA008, KMA010, KMA011), the pull-policy rules (<see cref="PullPolicyRuleSet"/>: KMA001, KMA002,
    /// KMA003, KMA007, KMA012), and, judged operation by operation in the same walk, the environment rules
    /// (<see cref="EnvironmentRuleSet"/>: KMA117, KMA119), the registry-credential rule (<see cref="RegistryCredentialRuleSet"/>:
    /// KMA105) and the pull-secret list rule (<see cref="PullSecretListRuleSet"/>: KMA106). It resolves the KubernetesClient
    /// types once per compilation; without them a body is walked only for KMA105's constant strings. Then, per method body,
    /// it hands each written image or policy value and each container to both container rule sets, with the values folded
    /// and the later writes connected (see <see cref="ContainerFlow"/>). A body is read once for every family. The
    /// container rules' diagnostics are de-duplicated per body: a constant that reaches two writes is reported once where it
    /// is written; the rules judged operation by operation report directly.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContainerAnalyzer : DiagnosticAnalyzer
    {
        private readonly bool _syntaxGate;

        /// <summary>Creates the analyzer as compilers load it: a body is walked only when its syntax may concern a manifest.</summary>
        public ContainerAnalyzer()
            : this(syntaxGate: true)
        {
        }

        /// <summary>With <paramref name="syntaxGate"/> false, every body is walked: tests compare the two.</summary>
        internal ContainerAnalyzer(bool syntaxGate) => _syntaxGate = syntaxGate;

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImageRuleSet.Descriptors
            .AddRange(PullPolicyRuleSet.Descriptors)
            .AddRange(EnvironmentRuleSet.Descriptors)
            .AddRange(RegistryCredentialRuleSet.Descriptors)
            .AddRange(PullSecretListRuleSet.Descriptors)
            .AddRange(ImageDeclarationRules.Descriptors);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            bool syntaxGate = _syntaxGate;
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var facts = CompilationFacts.For(start.Compilation);

                // [ContainerImage] declarations (KMA201, KMA204 to KMA207, KMA008 on a declared repository), where the
                // generator's attribute exists; with or without KubernetesClient.
                var tagOrDigest = RegisterImageDeclarations(start, facts);

                // Aspire app hosts: calls to AddContainer only, and only when Aspire.Hosting is referenced.
                if (facts.Aspire is { } aspire)
                {
                    start.RegisterOperationAction(c => AnalyzeAspireCall(c, aspire, facts), OperationKind.Invocation);
                }

                // A start with only an end, not a block action (RS1013): see below.
#pragma warning disable RS1013
                var types = KubernetesTypes.TryCreate(start.Compilation);
                if (types is null)
                {
                    // Docker config JSON with a credential leaks whether or not KubernetesClient is referenced (KMA105):
                    // without it, a body costs one walk that looks at its constant strings, and nothing else.
                    start.RegisterOperationBlockStartAction(blockStart =>
                    {
                        if (!syntaxGate || facts.Lexicon.MayConcern(blockStart.OperationBlocks, models: false))
                        {
                            blockStart.RegisterOperationBlockEndAction(AnalyzeConstantStrings);
                        }
                    });

                    if (tagOrDigest is not null)
                    {
                        start.RegisterOperationAction(tagOrDigest, OperationKind.Invocation);
                    }

                    return;
                }
#pragma warning restore RS1013

                // new V1PodSpec(…, imagePullSecrets: …) exists in KubernetesClient 17 and older only; elsewhere the walk
                // does not look at arguments at all.
                bool pullSecretArguments = types.HasPullSecretTypes && types.HasPullSecretConstructorParameter;

                // The generated builders (`X.Tag("1.0").ToContainer("api", "Always")`) write the policy they are given.
                // One invocation action for both checks of builder calls, KMA202 and KMA203 on Tag, Digest and the like.
                if (types.Builders is { } builders)
                {
                    start.RegisterOperationAction(
                        tagOrDigest is null
                            ? c => AnalyzeBuilderCall(c, builders, facts)
                            : c =>
                            {
                                tagOrDigest(c);
                                AnalyzeBuilderCall(c, builders, facts);
                            },
                        OperationKind.Invocation);
                }
                else if (tagOrDigest is not null)
                {
                    start.RegisterOperationAction(tagOrDigest, OperationKind.Invocation);
                }

                // Everything else runs once per operation block, over the whole block: a container's policy may be written
                // later in the same body, and a diagnostic there must be produced even when only that line is analyzed
                // (the IDE analyzes the span being edited), so creations and writes are collected for the whole block and
                // judged together, with the block's control flow. One walk of our own at the block's end costs less than
                // per-operation callbacks on every body of the project, most of which build no manifest.
                //
                // A start with only an end, not a block action (RS1013): beside a block action, Roslyn files what this
                // analyzer's operation actions report outside their own operation (KMA003 on the WithImagePullPolicy of
                // an Aspire chain, reported from its AddContainer) as non-local, and the IDE then offers no fix for it.
#pragma warning disable RS1013
                //
                // A body whose syntax names nothing a manifest is built from (ManifestLexicon) is not walked at all.
                start.RegisterOperationBlockStartAction(blockStart =>
                {
                    if (syntaxGate && !facts.Lexicon.MayConcern(blockStart.OperationBlocks, models: true))
                    {
                        return;
                    }

                    blockStart.RegisterOperationBlockEndAction(block =>
                    {
                        var operations = Collect(block, types, pullSecretArguments);
                        if (operations is not null)
                        {
                            AnalyzeBlock(block, operations, types, facts);
                        }
                    });
                });
#pragma warning restore RS1013
            });
        }

        // The [ContainerImage] declaration rules: a symbol action on each type when the generator's attribute exists, and
        // the check of builder calls (KMA202, KMA203), returned for the caller to register with its own invocation
        // action; null when there is no builder to call (the support types are written only for a valid declaration at
        // C# 8 or later). The declarations and calls are read by ImageDeclarationReader; the rules get only what it read.
        private static Action<OperationAnalysisContext>? RegisterImageDeclarations(CompilationStartAnalysisContext start, CompilationFacts facts)
        {
            if (facts.ImageAttribute is not { } attribute)
            {
                return null;
            }

            start.RegisterSymbolAction(
                c =>
                {
                    if (ImageDeclarationReader.ReadDeclaration(c.Symbol, attribute, c.CancellationToken) is { } site)
                    {
                        ImageDeclarationRules.CheckDeclaration(c.ReportDiagnostic, site, c.Options);
                    }
                },
                SymbolKind.NamedType);

            if (facts.ImageReference is not { } imageReference)
            {
                return null;
            }

            return c =>
            {
                if (ImageDeclarationReader.ReadTagOrDigestCall(c.Operation, attribute, imageReference) is { } call)
                {
                    ImageDeclarationRules.CheckBuilderCall(c.ReportDiagnostic, call);
                }
            };
        }

        // What in a body can concern a container: its creation (the body is indexed only then), a write, a call that
        // returns or receives a model (a factory of containers, Deployments, pods, pod specs). Null when nothing does,
        // which is most bodies of a project. The rules judged operation by operation judge each operation of theirs in
        // the same walk: the environment rules (creations, assignments, invocations), KMA105 (constant strings, and
        // Secrets' creations) and KMA106 (assignments, invocations, and constructor arguments only where
        // KubernetesClient 17 and older has them), each only where the compilation has its types.
        private static List<IOperation>? Collect(OperationBlockAnalysisContext context, KubernetesTypes types, bool pullSecretArguments)
        {
            // One delegate per body: `context.ReportDiagnostic` as an argument boxes the context and makes a delegate at
            // every use, which measured as most of this walk's time (0.7 s of 1.2 s over four rounds of the realistic mix).
            Action<Diagnostic> report = context.ReportDiagnostic;
            var options = context.Options;
            bool environment = types.HasEnvironmentTypes;
            bool pullSecrets = types.HasPullSecretTypes;
            List<IOperation>? operations = null;
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in BodyOperations.Of(block))
                {
                    bool concerns;
                    switch (operation.Kind)
                    {
                        case OperationKind.Literal:
                        case OperationKind.InterpolatedString:
                        case OperationKind.Binary:
                        case OperationKind.Utf8String:
                            RegistryCredentialRuleSet.Analyze(report, options, operation, types);
                            continue;
                        case OperationKind.Argument:
                            if (pullSecretArguments && PullSecretListReader.Read(operation, types) is { } passed)
                            {
                                PullSecretListRuleSet.Analyze(report, options, passed);
                            }

                            continue;
                        case OperationKind.ObjectCreation:
                        case OperationKind.With:
                            concerns = types.HasImage(operation.Type);
                            break;
                        case OperationKind.SimpleAssignment:
                        case OperationKind.CoalesceAssignment:
                            concerns = ContainerReader.ReadWrite(operation, types, out _) != ContainerProperty.None;
                            break;
                        case OperationKind.Invocation:
                            concerns = operation is IInvocationOperation call && KubernetesTypes.IsInSource(call.TargetMethod)
                                && (types.IsModel(call.Type) || BodyIndex.HandsOnModel(call, types));
                            break;
                        default:
                            continue;
                    }

                    if (concerns)
                    {
                        (operations ??= new List<IOperation>()).Add(operation);
                    }

                    if (environment && operation.Kind is OperationKind.ObjectCreation or OperationKind.SimpleAssignment or OperationKind.Invocation)
                    {
                        EnvironmentRuleSet.Check(report, EnvironmentReader.Read(operation, types, options));
                    }

                    if (pullSecrets)
                    {
                        if (operation.Kind == OperationKind.ObjectCreation)
                        {
                            // A docker-registry Secret's data.
                            RegistryCredentialRuleSet.Analyze(report, options, operation, types);
                        }
                        else if (operation.Kind != OperationKind.With && PullSecretListReader.Read(operation, types) is { } written)
                        {
                            // ImagePullSecrets written, or added to here or by a helper.
                            PullSecretListRuleSet.Analyze(report, options, written);
                        }
                    }
                }
            }

            return operations;
        }

        // A body of a project without KubernetesClient: its constant strings, for KMA105, and nothing else.
        private static void AnalyzeConstantStrings(OperationBlockAnalysisContext context)
        {
            Action<Diagnostic> report = context.ReportDiagnostic;
            var options = context.Options;
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (RegistryCredentialRuleSet.IsConstantStringKind(operation.Kind))
                    {
                        RegistryCredentialRuleSet.Analyze(report, options, operation, types: null);
                    }
                }
            }
        }

        // The rules of both families, on each thing the plumbing below finds. Each rule set skips what is not its own
        // (an image value is nothing to the policy rules).
        private static void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts)
        {
            ImageRuleSet.AnalyzeValue(report, options, property, value, containers, facts);
            PullPolicyRuleSet.AnalyzeValue(report, options, property, value, containers, facts);
        }

        private static void AnalyzeContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts)
        {
            ImageRuleSet.AnalyzeContainer(report, options, container, facts);
            PullPolicyRuleSet.AnalyzeContainer(report, options, container, facts);
        }

        private static void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, CallSite call, BlockContainers containers, CompilationFacts facts)
        {
            ImageRuleSet.AnalyzeValueThroughCall(report, options, property, value, call, containers, facts);
            PullPolicyRuleSet.AnalyzeValueThroughCall(report, options, property, value, call, containers, facts);
        }

        private static void AnalyzeAspireImage(Action<Diagnostic> report, AnalyzerOptions options, AspireImage image, IInvocationOperation call, CompilationFacts facts)
        {
            ImageRuleSet.AnalyzeAspireImage(report, options, image);

            // The body's one Kubernetes environment speaks for an image whose policy the chain does not give.
            var environment = image.PolicyAt is null && facts.Types is { HasAspireEnvironment: true } types ? AspireEnvironment.Of(call, types) : null;
            PullPolicyRuleSet.AnalyzeAspireImage(report, options, image, environment);
        }

        // An AddContainer call, or a call to a method of the app host that adds a container and returns its builder. Where
        // the builder stops being returned, the whole chain is judged; what is written in a helper that adds the
        // container is reported from the helper's own call (its AddContainer), once, over the callers that complete it.
        private static void AnalyzeAspireCall(OperationAnalysisContext context, AspireTypes aspire, CompilationFacts facts)
        {
            if (context.Operation is not IInvocationOperation call
                || (aspire.Classify(call.TargetMethod) != AspireCall.AddContainer && facts.AspireHelpers?.FactoryOf(call.TargetMethod) is null))
            {
                return;
            }

            var reported = new HashSet<(string Id, Location Location)>();
            var reading = ReadAspire(call, context.Options, aspire, facts);
            if (!reading.Returned)
            {
                foreach (var image in reading.Images)
                {
                    AnalyzeAspireImage(d => Report(d, keep: !reading.InFactory(d.Location)), context.Options, image, call, facts);
                }

                return;
            }

            if (facts.AspireHelpers is not { } helpers || context.ContainingSymbol is not IMethodSymbol method
                || helpers.FactoryOf(method) is not { } factory || factory.Start.Syntax != call.Syntax)
            {
                return;
            }

            foreach (var (root, rootReading) in CompletedBy(method, helpers, context.Options, aspire, facts, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)))
            {
                foreach (var image in rootReading.Images)
                {
                    AnalyzeAspireImage(d => Report(d, keep: factory.Body.Contains(d.Location)), context.Options, image, root, facts);
                }
            }

            void Report(Diagnostic diagnostic, bool keep)
            {
                if (keep && reported.Add((diagnostic.Id, diagnostic.Location)))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        private static AspireReading ReadAspire(IInvocationOperation call, AnalyzerOptions options, AspireTypes aspire, CompilationFacts facts) =>
            AspireContainer.Read(call, aspire, facts, ManifestOptions.PropertyDefaults(options, call.Syntax.SyntaxTree));

        // The calls that complete the chains of a helper that adds a container: its call sites in the compilation, and
        // through helpers that return its builder in turn, theirs (a few levels deep, recursion excluded).
        private static IEnumerable<(IInvocationOperation Root, AspireReading Reading)> CompletedBy(
            IMethodSymbol method, AspireHelpers helpers, AnalyzerOptions options, AspireTypes aspire, CompilationFacts facts, HashSet<IMethodSymbol> seen)
        {
            if (seen.Count >= 3 || !seen.Add(method.OriginalDefinition))
            {
                yield break;
            }

            foreach (var site in helpers.CallSitesOf(method))
            {
                var reading = ReadAspire(site, options, aspire, facts);
                if (!reading.Returned)
                {
                    yield return (site, reading);
                }
                else if (site.SemanticModel?.GetEnclosingSymbol(site.Syntax.SpanStart) is IMethodSymbol caller
                    && helpers.FactoryOf(caller) is { } factory && factory.Start.Syntax == site.Syntax)
                {
                    foreach (var completed in CompletedBy(caller, helpers, options, aspire, facts, seen))
                    {
                        yield return completed;
                    }
                }
            }

            seen.Remove(method.OriginalDefinition);
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context, List<IOperation> operations, KubernetesTypes types, CompilationFacts facts)
        {
            var reported = new HashSet<(string Id, Location Location)>();
            void Report(Diagnostic diagnostic)
            {
                if (reported.Add((diagnostic.Id, diagnostic.Location)))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }

            bool propertyDefaults = ManifestOptions.PropertyDefaults(context.Options, context.OwningSymbol.Locations.Length > 0 ? context.OwningSymbol.Locations[0].SourceTree : null);

            // The one image write and the one policy write of each object in each statement list (a second write of the
            // same property makes the pair unknown).
            Dictionary<(IBlockOperation Block, ISymbol Target), (IOperation? Image, IOperation? Policy, bool Twice)>? sequences = null;

            // The containers first: a rule judging a write may need the image that goes with it. Writes of an image and a
            // policy to one object in sequence count as a container too.
            var containers = new Dictionary<IOperation, ContainerModel>();
            foreach (var operation in operations)
            {
                var container = operation switch
                {
                    IObjectCreationOperation creation => BodyOf(operation, types, propertyDefaults).Container(creation),
                    IWithOperation copy => ContainerReader.Read(copy, types, BodyOf(operation, types, propertyDefaults)),
                    _ => null,
                };
                if (container is not null)
                {
                    containers.Add(operation, container);
                }
                else if (operation is IAssignmentOperation && WrittenInSequence(operation, types) is { } sequence)
                {
                    (sequences ??= new Dictionary<(IBlockOperation, ISymbol), (IOperation?, IOperation?, bool)>()).TryGetValue(sequence.Key, out var pair);
                    bool image = sequence.Property == ContainerProperty.Image;
                    sequences[sequence.Key] = (image ? operation : pair.Image, image ? pair.Policy : operation, pair.Twice || (image ? pair.Image : pair.Policy) is not null);
                }
            }

            var inSequence = sequences is null ? null : WrittenInSequence(sequences, types, body: operation => BodyOf(operation, types, propertyDefaults));
            var all = new List<ContainerModel>(containers.Values);
            if (inSequence is not null)
            {
                all.AddRange(inSequence);
            }

            var inBlock = new BlockContainers(all);
            foreach (var operation in operations)
            {
                var body = BodyOf(operation, types, propertyDefaults);
                switch (operation)
                {
                    case IObjectCreationOperation creation when containers.TryGetValue(operation, out var container):
                        // Constructor arguments of KubernetesClient 17 and older are written values too.
                        foreach (var argument in creation.Arguments)
                        {
                            AnalyzeWrite(Report, context.Options, argument, types, body, inBlock, facts);
                        }

                        AnalyzeContainer(Report, context.Options, container, facts);
                        break;

                    case IWithOperation when containers.TryGetValue(operation, out var container):
                        AnalyzeContainer(Report, context.Options, container, facts);
                        break;

                    case IAssignmentOperation:
                        AnalyzeWrite(Report, context.Options, operation, types, body, inBlock, facts);
                        break;

                    case IInvocationOperation call when types.Values.Methods?.Get(call.TargetMethod, types) is { } summary:
                        // Constants the call passes to a helper or builder that writes them into a container.
                        var scope = new Analysis.Summaries.CallScope(summary, call, body.Scope);
                        var site = OperationValues.Call(call, summary.DisplayName);
                        foreach (var write in summary.AllWrites)
                        {
                            var values = facts.Values.Fold(write.Value, write.ScopeFor(scope), propertyDefaults);
                            AnalyzeValueThroughCall(Report, context.Options, write.Property, OperationValues.From(call, values), site, inBlock, facts);
                        }

                        if (body.CreatedBy(call) is { } model)
                        {
                            // A factory: the container it creates, with this call's arguments for its parameters and the
                            // writes this body makes on the result.
                            var byFactory = new BlockContainers(new[] { model });
                            AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.Image, model.Image, site, byFactory, facts);
                            AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.ImagePullPolicy, model.PullPolicy, site, byFactory, facts);
                            PullPolicyRuleSet.AnalyzeCreatedByCall(Report, context.Options, model, site, facts);
                        }

                        if (body.CreatedInside(call) is { } nested)
                        {
                            // A factory of Deployments, Jobs, pods or pod specs: each container it (or a method it calls)
                            // creates, judged on the constants this call passes.
                            foreach (var inside in nested)
                            {
                                var byFactory = new BlockContainers(new[] { inside });
                                AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.Image, inside.Image, site, byFactory, facts);
                                AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.ImagePullPolicy, inside.PullPolicy, site, byFactory, facts);
                                PullPolicyRuleSet.AnalyzeCreatedByCall(Report, context.Options, inside, site, facts);
                            }
                        }

                        break;
                }
            }

            if (inSequence is not null)
            {
                foreach (var container in inSequence)
                {
                    PullPolicyRuleSet.AnalyzeWritesInSequence(Report, context.Options, container, facts);
                }
            }
        }

        // The image and policy each object gets from writes in sequence, as containers whose creation is the policy write.
        private static List<ContainerModel> WrittenInSequence(Dictionary<(IBlockOperation Block, ISymbol Target), (IOperation? Image, IOperation? Policy, bool Twice)> sequences, KubernetesTypes types, Func<IOperation, ManifestBody> body)
        {
            var containers = new List<ContainerModel>();
            foreach (var entry in sequences)
            {
                if (entry.Value is not ({ } image, { } policy, false) || MayChange(entry.Key.Block, entry.Key.Target, image, policy, types)
                    || ContainerReader.ReadWrite(image, types, out var imageValue) == ContainerProperty.None
                    || ContainerReader.ReadWrite(policy, types, out var policyValue) == ContainerProperty.None
                    || imageValue is null || policyValue is null)
                {
                    continue;
                }

                var manifest = body(image);
                containers.Add(OperationValues.Container(policy, manifest.Read(imageValue), manifest.Read(policyValue)));
            }

            return containers;
        }

        // `target.Image = …` or `target.ImagePullPolicy = …` as a statement of a block, where target is a local or a
        // parameter; the key is the block and the target.
        private static ((IBlockOperation, ISymbol) Key, ContainerProperty Property)? WrittenInSequence(IOperation operation, KubernetesTypes types)
        {
            if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance }, Parent: IExpressionStatementOperation { Parent: IBlockOperation block } })
            {
                return null;
            }

            var property = ContainerReader.ReadWrite(operation, types, out _);
            if (property is not (ContainerProperty.Image or ContainerProperty.ImagePullPolicy))
            {
                return null;
            }

            ISymbol? target = instance switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
                _ => null,
            };
            return target is null ? null : ((block, target), property);
        }

        // True when the two writes may not concern one object with both values: a statement between them (or either
        // write) assigns the target or passes it by reference, or a statement between them uses the target otherwise
        // than to write one of its other properties (a call it is handed to may write its image or policy).
        private static bool MayChange(IBlockOperation block, ISymbol target, IOperation first, IOperation second, KubernetesTypes types)
        {
            int a = block.Operations.IndexOf(first.Parent!);
            int b = block.Operations.IndexOf(second.Parent!);
            if (a < 0 || b < 0)
            {
                return true;
            }

            int from = System.Math.Min(a, b);
            int to = System.Math.Max(a, b);
            for (int i = from; i <= to; i++)
            {
                var statement = block.Operations[i];
                bool between = i != from && i != to;
                if (between
                    && statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } } assignment }
                    && Is(instance, target)
                    && ContainerReader.ReadWrite(assignment, types, out _) == ContainerProperty.None
                    && !Uses(assignment.Value, target))
                {
                    // `c.Name = "web";` between the two writes.
                    continue;
                }

                foreach (var operation in statement.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IAssignmentOperation { Target: { } assigned } when Is(assigned, target):
                        case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: { } passed } when Is(passed, target):
                            return true;
                        case ILocalReferenceOperation or IParameterReferenceOperation when between && Is(operation, target):
                            return true;
                    }
                }
            }

            return false;
        }

        private static bool Uses(IOperation operation, ISymbol target)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (Is(descendant, target))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(IOperation operation, ISymbol target) => operation switch
        {
            ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, target),
            IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, target),
            _ => false,
        };

        // The body of the block's root, shared with the other analyzers that read it.
        private static ManifestBody BodyOf(IOperation operation, KubernetesTypes types, bool propertyDefaults) =>
            ManifestBody.For(ContainerReader.Root(operation), types, propertyDefaults);

        private static void AnalyzeBuilderCall(OperationAnalysisContext context, BuilderImages builders, CompilationFacts facts)
        {
            if (context.Operation is not IInvocationOperation invocation
                || builders.Classify(invocation) is not (BuilderCall.CreatesContainer or BuilderCall.AddsContainer))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Name != "imagePullPolicy")
                {
                    continue;
                }

                // A null policy means the builder's default: nothing to check.
                var policy = OperationValues.From(argument.Value);
                if (policy.State != ValueState.Constant)
                {
                    return;
                }

                var built = builders.Read(invocation.Instance) is { IsConstant: true } image
                    ? OperationValues.Container(invocation, OperationValues.Constant(image.Text, image.Expression), policy)
                    : null;
                AnalyzeValue(context.ReportDiagnostic, context.Options, ContainerProperty.ImagePullPolicy, policy, built is null ? BlockContainers.None : new BlockContainers(new[] { built }), facts);
                if (built is not null)
                {
                    PullPolicyRuleSet.AnalyzeBuiltContainer(context.ReportDiagnostic, context.Options, built, facts);
                }
            }
        }

        private static void AnalyzeWrite(Action<Diagnostic> report, AnalyzerOptions options, IOperation write, KubernetesTypes types, ManifestBody body, BlockContainers containers, CompilationFacts facts)
        {
            var property = ContainerReader.ReadWrite(write, types, out var value);
            if (property != ContainerProperty.None && value is not null)
            {
                AnalyzeValue(report, options, property, body.Read(value), containers, facts);
            }
        }
    }
}
