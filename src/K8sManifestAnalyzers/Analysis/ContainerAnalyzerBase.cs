using System;
using System.Collections.Generic;
using K8sManifestAnalyzers.Analysis.Flow;
using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// Shared plumbing of the container rules: resolves the KubernetesClient types once per compilation (and does
    /// nothing when they are absent), then, per method body, hands each written image or policy value and each
    /// container creation to the rule, with the values folded and the later writes connected (see
    /// <see cref="ContainerFlow"/>). Diagnostics are de-duplicated per body: a constant that reaches two writes is
    /// reported once where it is written.
    /// </summary>
    public abstract class ContainerAnalyzerBase : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                // Aspire app hosts: calls to AddContainer only, and only when Aspire.Hosting is referenced.
                if (HandlesAspire && CompilationFacts.For(start.Compilation).Aspire is { } aspire)
                {
                    var aspireFacts = CompilationFacts.For(start.Compilation);
                    start.RegisterOperationAction(c => AnalyzeAspireCall(c, aspire, aspireFacts), OperationKind.Invocation);
                }

                var types = KubernetesTypes.TryCreate(start.Compilation);
                if (types is null)
                {
                    return;
                }

                var facts = CompilationFacts.For(start.Compilation);

                // The generated builders (`X.Tag("1.0").ToContainer("api", "Always")`) write the policy they are given.
                if (types.Builders is { } builders)
                {
                    start.RegisterOperationAction(c => AnalyzeBuilderCall(c, builders, facts), OperationKind.Invocation);
                }

                // Everything else runs per operation block: a container's policy may be written later in the same
                // body, and a diagnostic there must be produced even when only that line is analyzed (the IDE
                // analyzes the span being edited), so creations and writes are collected for the whole block and
                // judged at its end, with the block's control flow.
                start.RegisterOperationBlockStartAction(block =>
                {
                    List<IOperation>? operations = null;
                    block.RegisterOperationAction(
                        c =>
                        {
                            // Only what can concern a container: its creation (the body is indexed only then), a write, a call
                            // that returns or receives a model (a factory of containers, Deployments, pods, pod specs).
                            if ((c.Operation is IObjectCreationOperation or IWithOperation && types.HasImage(c.Operation.Type))
                                || ContainerReader.ReadWrite(c.Operation, types, out _) != ContainerProperty.None
                                || (c.Operation is IInvocationOperation call && KubernetesTypes.IsInSource(call.TargetMethod)
                                    && (types.IsModel(call.Type) || BodyIndex.HandsOnModel(call, types))))
                            {
                                (operations ??= new List<IOperation>()).Add(c.Operation);
                            }
                        },
                        OperationKind.ObjectCreation,
                        OperationKind.With,
                        OperationKind.SimpleAssignment,
                        OperationKind.CoalesceAssignment,
                        OperationKind.Invocation);
                    block.RegisterOperationBlockEndAction(end =>
                    {
                        if (operations is not null)
                        {
                            AnalyzeBlock(end, operations, types, facts);
                        }
                    });
                });
            });
        }

        /// <summary>
        /// Checks one value written to a container's image or pull policy, wherever it is written.
        /// <paramref name="containers"/> are the containers of the same body (for a write in a helper, none).
        /// </summary>
        internal abstract void AnalyzeValue(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, BlockContainers containers, CompilationFacts facts);

        /// <summary>Checks one container creation (a <c>new</c> or a <c>with</c>) as a whole.</summary>
        internal abstract void AnalyzeContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts);

        /// <summary>
        /// Checks a container built by a generated builder with an explicit constant policy and a constant image: only
        /// the pairing of the two can be wrong there (the builder always writes a policy and a valid image).
        /// </summary>
        internal virtual void AnalyzeBuiltContainer(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts)
        {
        }

        /// <summary>
        /// Checks the image and the policy one statement list writes to the same object, one after the other, with
        /// nothing between that makes the local or parameter another object (<c>c.Image = …; c.ImagePullPolicy = …;</c>
        /// after a get-or-create, in a lambda builder, on a container found in a list): whatever object it is, it then
        /// has both values, as a plain <c>new</c> with those writes would (KMA003).
        /// </summary>
        internal virtual void AnalyzeWritesInSequence(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, CompilationFacts facts)
        {
        }

        /// <summary>
        /// Checks a container a factory of the compilation creates, at one call, as a whole (KMA003): the constants the
        /// call passes are judged as if written in the factory.
        /// </summary>
        internal virtual void AnalyzeCreatedByCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerModel container, IInvocationOperation call, string factory, CompilationFacts facts)
        {
        }

        /// <summary>
        /// Checks the constants a call passes to a method of the compilation that writes them to an image or a policy
        /// (a factory, a helper, a builder): reported on the argument, with a message naming the method. Constants the
        /// method writes itself are reported in the method. <paramref name="containers"/> are the containers the value
        /// may reach: the factory's, or those of the calling body.
        /// </summary>
        internal abstract void AnalyzeValueThroughCall(Action<Diagnostic> report, AnalyzerOptions options, ContainerProperty property, ManifestValue value, IInvocationOperation call, string method, BlockContainers containers, CompilationFacts facts);

        /// <summary>True for the hosts that judge the images of Aspire container resources (<see cref="AnalyzeAspireImage"/>).</summary>
        internal virtual bool HandlesAspire => false;

        /// <summary>
        /// Checks one image a container resource of an Aspire app host can get (one combination of its calls' constant
        /// arguments, composed as Aspire composes it), with the pull policy <c>WithImagePullPolicy</c> gives it.
        /// </summary>
        /// <remarks><paramref name="call"/> is the <c>AddContainer</c> call the image is composed from.</remarks>
        internal virtual void AnalyzeAspireImage(Action<Diagnostic> report, AnalyzerOptions options, K8sManifestAnalyzers.Analysis.Aspire.AspireImage image, IInvocationOperation call, CompilationFacts facts)
        {
        }

        // An AddContainer call, or a call to a method of the app host that adds a container and returns its builder. Where
        // the builder stops being returned, the whole chain is judged; what is written in a helper that adds the
        // container is reported from the helper's own call (its AddContainer), once, over the callers that complete it.
        private void AnalyzeAspireCall(OperationAnalysisContext context, K8sManifestAnalyzers.Analysis.Aspire.AspireTypes aspire, CompilationFacts facts)
        {
            if (context.Operation is not IInvocationOperation call
                || (aspire.Classify(call.TargetMethod) != K8sManifestAnalyzers.Analysis.Aspire.AspireCall.AddContainer && facts.AspireHelpers?.FactoryOf(call.TargetMethod) is null))
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

        private static K8sManifestAnalyzers.Analysis.Aspire.AspireReading ReadAspire(IInvocationOperation call, AnalyzerOptions options, K8sManifestAnalyzers.Analysis.Aspire.AspireTypes aspire, CompilationFacts facts) =>
            K8sManifestAnalyzers.Analysis.Aspire.AspireContainer.Read(call, aspire, facts, ManifestOptions.PropertyDefaults(options, call.Syntax.SyntaxTree));

        // The calls that complete the chains of a helper that adds a container: its call sites in the compilation, and
        // through helpers that return its builder in turn, theirs (a few levels deep, recursion excluded).
        private static IEnumerable<(IInvocationOperation Root, K8sManifestAnalyzers.Analysis.Aspire.AspireReading Reading)> CompletedBy(
            IMethodSymbol method, K8sManifestAnalyzers.Analysis.Aspire.AspireHelpers helpers, AnalyzerOptions options, K8sManifestAnalyzers.Analysis.Aspire.AspireTypes aspire, CompilationFacts facts, HashSet<IMethodSymbol> seen)
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

        private void AnalyzeBlock(OperationBlockAnalysisContext context, List<IOperation> operations, KubernetesTypes types, CompilationFacts facts)
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
                        var scope = new Summaries.CallScope(summary, call, body.Scope);
                        foreach (var write in summary.AllWrites)
                        {
                            var values = facts.Values.Fold(write.Value, write.ScopeFor(scope), propertyDefaults);
                            AnalyzeValueThroughCall(Report, context.Options, write.Property, ManifestValue.From(call, values), call, summary.DisplayName, inBlock, facts);
                        }

                        if (body.CreatedBy(call) is { } model)
                        {
                            // A factory: the container it creates, with this call's arguments for its parameters and the
                            // writes this body makes on the result.
                            var byFactory = new BlockContainers(new[] { model });
                            AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.Image, model.Image, call, summary.DisplayName, byFactory, facts);
                            AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.ImagePullPolicy, model.PullPolicy, call, summary.DisplayName, byFactory, facts);
                            AnalyzeCreatedByCall(Report, context.Options, model, call, summary.DisplayName, facts);
                        }

                        if (body.CreatedInside(call) is { } nested)
                        {
                            // A factory of Deployments, Jobs, pods or pod specs: each container it (or a method it calls)
                            // creates, judged on the constants this call passes.
                            foreach (var inside in nested)
                            {
                                var byFactory = new BlockContainers(new[] { inside });
                                AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.Image, inside.Image, call, summary.DisplayName, byFactory, facts);
                                AnalyzeValueThroughCall(Report, context.Options, ContainerProperty.ImagePullPolicy, inside.PullPolicy, call, summary.DisplayName, byFactory, facts);
                                AnalyzeCreatedByCall(Report, context.Options, inside, call, summary.DisplayName, facts);
                            }
                        }

                        break;
                }
            }

            if (inSequence is not null)
            {
                foreach (var container in inSequence)
                {
                    AnalyzeWritesInSequence(Report, context.Options, container, facts);
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
                containers.Add(new ContainerModel(policy, manifest.Read(imageValue), manifest.Read(policyValue)));
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

        private void AnalyzeBuilderCall(OperationAnalysisContext context, BuilderImages builders, CompilationFacts facts)
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
                var policy = ManifestValue.From(argument.Value);
                if (policy.State != ValueState.Constant)
                {
                    return;
                }

                var built = builders.Read(invocation.Instance) is { IsConstant: true } image
                    ? new ContainerModel(invocation, ManifestValue.Constant(image.Text, image.Expression), policy)
                    : null;
                AnalyzeValue(context.ReportDiagnostic, context.Options, ContainerProperty.ImagePullPolicy, policy, built is null ? BlockContainers.None : new BlockContainers(new[] { built }), facts);
                if (built is not null)
                {
                    AnalyzeBuiltContainer(context.ReportDiagnostic, context.Options, built, facts);
                }
            }
        }

        private void AnalyzeWrite(Action<Diagnostic> report, AnalyzerOptions options, IOperation write, KubernetesTypes types, ManifestBody body, BlockContainers containers, CompilationFacts facts)
        {
            var property = ContainerReader.ReadWrite(write, types, out var value);
            if (property != ContainerProperty.None && value is not null)
            {
                AnalyzeValue(report, options, property, body.Read(value), containers, facts);
            }
        }
    }
}
