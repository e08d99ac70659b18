using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// Turns Secret, pod spec and service account creations, and writes to <c>ImagePullSecrets</c>, into facts.
    /// Per-operation work is only this collection; matching happens once, at compilation end.
    /// </summary>
    internal static class PullSecretCollector
    {
        internal static void CollectCreation(IObjectCreationOperation creation, KubernetesTypes types, PullSecretState state, AnalyzerOptions options)
        {
            if (types.IsSecret(creation.Type))
            {
                if (ReadSecret(creation, types) is { } secret)
                {
                    state.Secrets.Enqueue(secret);
                }
            }
            else if (types.IsPodSpec(creation.Type))
            {
                state.PodSpecs.Enqueue(ReadPodSpec(creation, types, state, ManifestOptions.PropertyDefaults(options, creation.Syntax.SyntaxTree)));
                ServiceAccountCollector.CollectPodSpec(creation, types, state);
            }
            else if (types.IsServiceAccount(creation.Type))
            {
                var account = ServiceAccountCollector.ReadAccount(creation, types);

                if (ObjectMembers.Find(creation, PullSecretReader.ImagePullSecrets) is { } list)
                {
                    account.HasPullSecrets = CollectList(list, account.Namespace, types, state);
                }

                account.HasPullSecrets |= HasLaterPullSecretWrites(creation, types, state, null);
                state.ServiceAccounts.Enqueue(account);
            }
        }

        /// <summary>The <c>PullSecret</c> of a [ContainerImage] declaration, which the generated builders list.</summary>
        internal static void CollectImageDeclaration(SymbolAnalysisContext context, INamedTypeSymbol attributeType, PullSecretState state)
        {
            // Only a declaration that gets builders puts its Secret on pod specs.
            if (context.Symbol is not INamedTypeSymbol type
                || Generator.ImageDeclaration.Read(type, context.CancellationToken) is not { GetsBuilders: true, PullSecret: { } name, Syntax: { } syntax } declaration
                || !SymbolEqualityComparer.Default.Equals(declaration.Attribute.AttributeClass, attributeType))
            {
                return;
            }

            // Reported on the name itself, so the KMA101 fix can rename it.
            var location = syntax.GetLocation();
            foreach (var written in syntax.ArgumentList?.Arguments ?? default)
            {
                if (written.NameEquals?.Name.Identifier.ValueText == "PullSecret")
                {
                    location = written.Expression.GetLocation();
                }
            }

            state.References.Enqueue(new PullSecretReferenceFact(name, location, null));
        }

        /// <summary><c>spec.ImagePullSecrets.Add(…)</c> on a pod spec or service account reached any way.</summary>
        internal static void CollectInvocation(IInvocationOperation invocation, KubernetesTypes types, PullSecretState state)
        {
            if (PullSecretReader.IsAddToPullSecrets(invocation, types, out var list))
            {
                if (!IsOnTrackedLocal(list!, types))
                {
                    Enqueue(PullSecretReader.ReadEntry(invocation.Arguments[0].Value, types), null, state);
                }
            }
            else if (KubernetesTypes.IsInSource(invocation.TargetMethod)
                && Flow.BodyIndex.HandsOnModel(invocation, types)
                && types.Values.Methods?.Get(invocation.TargetMethod, types) is { } helper)
            {
                CollectHelperAdds(invocation, helper, types, state);
            }
        }

        // `AddPullSecret(spec, "regcred")`: the names a helper adds to a pull-secret list it receives, with the call's
        // arguments, are references made at the call (the helper's own Add only sees a parameter).
        private static void CollectHelperAdds(IInvocationOperation call, Summaries.MethodSummary helper, KubernetesTypes types, PullSecretState state)
        {
            foreach (var member in helper.Index.ListMembers)
            {
                if (Flow.BodyIndex.UserOf(member) is IInvocationOperation add
                    && PullSecretReader.IsAddToPullSecrets(add, types, out var list)
                    && list == member
                    && list!.Instance is { } owner
                    && helper.Index.Resolve(owner) is { Root: IParameterSymbol }
                    && ObjectMembers.WithoutConversions(add.Arguments[0].Value) is IObjectCreationOperation entry
                    && ObjectMembers.Find(entry, "Name") is { } nameValue
                    && types.Constant(nameValue, new Summaries.CallScope(helper, call, null)) is { Length: > 0 } name)
                {
                    state.References.Enqueue(new PullSecretReferenceFact(name, call.Syntax.GetLocation(), PullSecretReader.FindNamespace(call, types)));
                }
            }
        }

        /// <summary><c>x.ImagePullSecrets = …</c> outside an object initializer.</summary>
        internal static void CollectAssignment(IAssignmentOperation assignment, KubernetesTypes types, PullSecretState state)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets, Instance: { } instance } target
                && instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                && (types.IsPodSpec(target.Property.ContainingType) || types.IsServiceAccount(target.Property.ContainingType))
                && !IsOnTrackedLocal(target, types))
            {
                CollectList(assignment.Value, null, types, state);
            }
        }

        /// <summary>
        /// The Secret a creation makes: in its own body, or (with <paramref name="scope"/> and <paramref name="call"/>)
        /// the one a factory makes at one call, its name and namespace folded with the call's arguments and its name
        /// located where the call gives it.
        /// </summary>
        internal static SecretFact? ReadSecret(IObjectCreationOperation creation, KubernetesTypes types, Values.IValueScope? scope = null, IInvocationOperation? call = null)
        {
            var secret = new SecretFact { CreationLocation = call is null ? Locations.OfCreation(creation) : Locations.OfValue(call), ThroughCall = call is not null };
            var metadata = ObjectMembers.Find(creation, "Metadata");
            if (metadata is not null && ObjectMembers.WithoutConversions(metadata) is IObjectCreationOperation meta && types.IsObjectMeta(meta.Type))
            {
                var name = ObjectMembers.Find(meta, "Name");
                if (name is null)
                {
                    // No name (generateName, or set elsewhere): nothing can reference it by a name we know.
                    return null;
                }

                var @namespace = ObjectMembers.Find(meta, "NamespaceProperty");
                secret.Name = types.Constant(name, scope);
                secret.NamePattern = secret.Name is null ? types.Pattern(name, scope) : null;
                secret.NameLocation = NameLocation(name, types, scope, call);
                secret.Namespace = types.Constant(@namespace, scope);
                secret.DefinedIn = ConfigReferenceCollector.FactoryOf(creation, name, @namespace);
            }
            else if (metadata is null)
            {
                return null;
            }

            if (ObjectMembers.Find(creation, "Type") is { } type)
            {
                secret.TypeLocation = Locations.OfValue(type);
                secret.Type = types.Constant(type, out bool known);
                secret.TypeKnown = known;
            }

            var data = ObjectMembers.Find(creation, "Data");
            var stringData = ObjectMembers.Find(creation, "StringData");
            secret.HasData = data is not null || stringData is not null;
            secret.KeysKnown = ReadKeys(data, secret.Keys, types)
                & ReadKeys(stringData, secret.Keys, types)
                && !ConfigReferenceCollector.HasLaterDataWrites(creation, types);
            return secret;
        }

        // Where a finding on the object's name goes: the name, or at a call the argument that gives it (else the call).
        internal static Location NameLocation(IOperation name, KubernetesTypes types, Values.IValueScope? scope, IInvocationOperation? call)
        {
            if (call is null)
            {
                return Locations.OfValue(name);
            }

            var values = types.Values.Fold(name, scope, propertyDefaults: false);
            return values.IsSingleConstant ? OperationValues.ChosenAt(values.Constants[0], call) : call.Syntax.GetLocation();
        }

        /// <summary>
        /// Adds the constant keys of a <c>Data</c>-like dictionary written in place; false when some key, or the
        /// dictionary itself, is computed (then the keys are not all known).
        /// </summary>
        internal static bool ReadKeys(IOperation? data, System.Collections.Generic.List<string> keys, KubernetesTypes types) =>
            ReadEntries(data, types, null, (key, _) => keys.Add(key));

        /// <summary>
        /// Hands each entry with a constant key of a dictionary written in place (<c>Data</c>, <c>Annotations</c>) to
        /// <paramref name="entry"/>, with the value's operation; false when some key, or the dictionary itself, is
        /// computed (then other entries may be there). No dictionary, <see langword="null"/> or <c>default</c> has none.
        /// </summary>
        internal static bool ReadEntries(IOperation? data, KubernetesTypes types, Values.IValueScope? scope, System.Action<string, IOperation> entry)
        {
            if (data is null)
            {
                return true;
            }

            var value = ObjectMembers.WithoutConversions(data);
            if (value is ILiteralOperation or IDefaultValueOperation)
            {
                return true;
            }

            if (value is not IObjectCreationOperation { Initializer: { } initializer } dictionary)
            {
                return false;
            }

            // `new Dictionary<…>(common) { … }` copies entries that are not seen here.
            bool known = dictionary.Arguments.IsEmpty;
            foreach (var element in initializer.Initializers)
            {
                if (PullSecretReader.TryReadDictionaryEntry(element, out var key, out var entryValue) && types.Constant(key, scope) is { } text)
                {
                    entry(text, entryValue);
                }
                else
                {
                    known = false;
                }
            }

            return known;
        }

        /// <summary>
        /// The pod specs a factory of the compilation creates, at one call: the images the call passes
        /// (<c>Factories.Spec("ghcr.io/acme/api:1.0")</c>) judged by KMA103 on the argument. Only where neither the
        /// factory nor the calling body writes pull secrets or a service account in a way that is not read here.
        /// </summary>
        internal static void CollectPodSpecsThroughCall(IInvocationOperation call, Summaries.MethodSummary summary, KubernetesTypes types, PullSecretState state, AnalyzerOptions options)
        {
            if (summary.PodSpecsInside(types).IsEmpty)
            {
                if (types.IsPodSpec(call.TargetMethod.ReturnType))
                {
                    CollectPodSpecThroughFactories(call, summary, types, state, options);
                }

                return;
            }

            var root = ContainerReader.Root(call);
            if (Mentions(summary.Index) || CallerMayWrite(call, Flow.BodyIndex.For(root, types), types))
            {
                return;
            }

            bool propertyDefaults = ManifestOptions.PropertyDefaults(options, call.Syntax.SyntaxTree);
            var caller = ManifestBody.For(root, types, propertyDefaults);
            var inside = new ManifestBody(summary.Index, summary.Flow, types.Values, propertyDefaults, types) { Scope = new Summaries.CallScope(summary, call, caller.Scope) };
            foreach (var creation in summary.PodSpecsInside(types))
            {
                if (!PodSpecHandOff.NoCallMayWrite(summary.Index, creation, types, call))
                {
                    // Handed in the factory to a call that may give it pull secrets or a service account.
                    continue;
                }

                var spec = new PodSpecFact
                {
                    CreationLocation = Locations.OfValue(call),
                    Namespace = PullSecretReader.FindNamespace(creation, types) ?? PullSecretReader.FindNamespace(call, types),
                };
                PodSpecImages.ReadThroughCall(creation, inside, spec, call);
                if (IsReturned(creation, summary, types))
                {
                    // The spec the call returns: what the caller adds to it, where it keeps it, is this spec's too.
                    PodSpecImages.ReadCompletedByCaller(call, caller, spec);
                }

                if (spec.Images.Count > 0)
                {
                    state.PodSpecs.Enqueue(spec);
                }
            }
        }

        // The caller's writes concern the spec the call returns only where they can reach it: pull secrets or a
        // service account written later through a path that may hold it (or the result of the helpers it is handed
        // through and given back by: PodSpecChain), or a call it is handed to that may write them.
        private static bool CallerMayWrite(IInvocationOperation call, Flow.BodyIndex index, KubernetesTypes types)
        {
            var top = PodSpecChain.Of(call, types).Top;
            foreach (var member in index.ListMembers)
            {
                if (member is IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets, Instance: { } instance } list
                    && Flow.BodyIndex.CreationNaming(list) is null
                    && PodSpecHandOff.MayWriteWithin(index, index.Resolve(instance), top, types))
                {
                    return true;
                }
            }

            return ServiceAccountCollector.HasLaterWrites(top, types) || !PodSpecHandOff.NoCallMayWrite(index, call, types);
        }

        // Pull secrets and service accounts written anywhere in a body are read where they are written, not here: the
        // body index's references to `ImagePullSecrets` (a property, or a constructor argument of KubernetesClient 17
        // and older that the code writes), `ServiceAccountName` and `ServiceAccount`.
        private static bool Mentions(Flow.BodyIndex index)
        {
            foreach (var member in index.ListMembers)
            {
                if (member is IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets }
                    || (member is IArgumentOperation { ArgumentKind: not ArgumentKind.DefaultValue, Parameter.Name: var name } && string.Equals(name, PullSecretReader.ImagePullSecrets, System.StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return index.References("ServiceAccountName").Count > 0 || index.References("ServiceAccount").Count > 0;
        }

        // `var spec = NewSpec(); spec.Containers.Add(…)` where NewSpec gets its spec from another factory of the compilation
        // (`=> NewBase()`, `var s = NewBase(); …; return s;`, `=> NewBase().WithApp(image)`), to the call-depth bound:
        // one spec at this call, with the images this call passes down, those the factories on the way add with what
        // this call gives them, and those the caller adds. Nothing when a factory on the way mentions pull secrets or a
        // service account, or hands the spec to a call that may write them (its own spec is judged in its own body).
        private static void CollectPodSpecThroughFactories(IInvocationOperation call, Summaries.MethodSummary summary, KubernetesTypes types, PullSecretState state, AnalyzerOptions options)
        {
            if (types.Values.Methods is not { } methods || ReturnedFactoryCall(summary, types) is not { } first)
            {
                return;
            }

            var root = ContainerReader.Root(call);
            if (Mentions(summary.Index) || !PodSpecHandOff.NoCallMayWrite(summary.Index, first, types, call) || CallerMayWrite(call, Flow.BodyIndex.For(root, types), types))
            {
                return;
            }

            bool propertyDefaults = ManifestOptions.PropertyDefaults(options, call.Syntax.SyntaxTree);
            var caller = ManifestBody.For(root, types, propertyDefaults);
            var spec = new PodSpecFact { CreationLocation = Locations.OfValue(call), Namespace = PullSecretReader.FindNamespace(call, types) };
            var scope = new Summaries.CallScope(summary, call, caller.Scope);
            var body = new ManifestBody(summary.Index, summary.Flow, types.Values, propertyDefaults, types) { Scope = scope };
            var inner = first;
            bool found = false;
            for (int depth = 1; depth < Summaries.MethodSummaries.MaxDepth && !found; depth++)
            {
                // What this factory adds to the spec it gets, with what the outer call gives it.
                PodSpecImages.ReadCompletedByCaller(inner, body, spec, call);
                if (scope.IsFollowing(inner.TargetMethod) || methods.Get(inner.TargetMethod, types) is not { } callee || Mentions(callee.Index))
                {
                    return;
                }

                scope = new Summaries.CallScope(callee, inner, scope);
                body = new ManifestBody(callee.Index, callee.Flow, types.Values, propertyDefaults, types) { Scope = scope };
                IObjectCreationOperation? created = null;
                foreach (var creation in callee.PodSpecsInside(types))
                {
                    if (IsReturned(creation, callee, types))
                    {
                        created = creation;
                    }
                }

                if (created is not null)
                {
                    if (!PodSpecHandOff.NoCallMayWrite(callee.Index, created, types, inner))
                    {
                        return;
                    }

                    spec.Namespace ??= PullSecretReader.FindNamespace(created, types);
                    PodSpecImages.ReadThroughCall(created, body, spec, call);
                    found = true;
                    continue;
                }

                if (ReturnedFactoryCall(callee, types) is not { } next || !PodSpecHandOff.NoCallMayWrite(callee.Index, next, types, inner))
                {
                    return;
                }

                inner = next;
            }

            if (!found)
            {
                // Deeper than the call-depth bound: whatever makes the spec is not seen.
                return;
            }

            PodSpecImages.ReadCompletedByCaller(call, caller, spec);
            if (spec.Images.Count > 0)
            {
                state.PodSpecs.Enqueue(spec);
            }
        }

        // The call of a factory of the compilation whose spec the method returns: its one return is that call, a local
        // assigned once with it, or the last of helpers it is handed through that give it back; else null.
        private static IInvocationOperation? ReturnedFactoryCall(Summaries.MethodSummary summary, KubernetesTypes types)
        {
            if (summary.ReturnValues is not { IsDefault: false, Length: 1 } returns)
            {
                return null;
            }

            var returned = ObjectMembers.WithoutConversions(returns[0]);
            if (returned is ILocalReferenceOperation local && summary.Index.OnlyValue(local.Local) is { } only)
            {
                returned = ObjectMembers.WithoutConversions(only);
            }

            // Down the chain of helpers that give it back, to the call that makes it.
            var made = returned;
            for (int i = 0; i < 16 && made is IInvocationOperation link && GivenBackArgument(link, types) is { } argument; i++)
            {
                made = ObjectMembers.WithoutConversions(argument.Value);
            }

            return made is IInvocationOperation factory
                && KubernetesTypes.IsInSource(factory.TargetMethod)
                && types.IsPodSpec(factory.Type)
                && PodSpecChain.Of(factory, types).Top == returned
                    ? factory
                    : null;

            static IArgumentOperation? GivenBackArgument(IInvocationOperation call, KubernetesTypes types)
            {
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter && PodSpecChain.GivesBack(call, parameter.Ordinal, types))
                    {
                        return argument;
                    }
                }

                return null;
            }
        }

        // The object the factory returns is this spec: created and returned (through a local assigned once), or handed
        // through helpers that give it back and returned from the last (`=> new V1PodSpec().Also(…)`).
        private static bool IsReturned(IObjectCreationOperation creation, Summaries.MethodSummary summary, KubernetesTypes types) =>
            creation == summary.CreatedObject
            || (summary.ReturnValues is { IsDefault: false, Length: 1 } returned
                && ObjectMembers.WithoutConversions(returned[0]) is IInvocationOperation last
                && PodSpecChain.Of(creation, types).Top == last);

        private static PodSpecFact ReadPodSpec(IObjectCreationOperation creation, KubernetesTypes types, PullSecretState state, bool propertyDefaults)
        {
            var spec = new PodSpecFact
            {
                CreationLocation = Locations.OfCreation(creation),
                Namespace = PullSecretReader.FindNamespace(creation, types),
            };

            if (ObjectMembers.Find(creation, PullSecretReader.ImagePullSecrets) is { } list)
            {
                spec.HasPullSecrets = CollectList(list, spec.Namespace, types, state);
            }

            spec.HasPullSecrets |= HasLaterPullSecretWrites(creation, types, state, spec);

            if (ObjectMembers.Find(creation, "ServiceAccountName") is { } account)
            {
                spec.ServiceAccountName = types.Constant(account, out bool known);
                spec.ServiceAccountKnown = known;
            }

            PodSpecImages.Read(creation, ManifestBody.For(ContainerReader.Root(creation), types, propertyDefaults), spec);

            // Writes that reach the spec through a path (`pod.Spec.ImagePullSecrets ??= …; pod.Spec.ImagePullSecrets.Add(…)`,
            // `deployment.Spec.Template.Spec.ImagePullSecrets = …`): only looked for when the spec would be reported.
            if (!spec.HasPullSecrets && spec.Images.Count > 0)
            {
                spec.HasPullSecrets = HasPullSecretsThroughPaths(creation, types);
            }

            // A service account written later (here, or by a helper given the spec) may be one with pull secrets.
            if (!spec.HasPullSecrets && spec.Images.Count > 0 && ServiceAccountCollector.HasLaterWrites(PodSpecChain.Of(creation, types).Top, types))
            {
                spec.ServiceAccountKnown = false;
            }

            return spec;
        }

        // Enqueues the references of a list; true when the list has (or may have) entries.
        private static bool CollectList(IOperation list, string? @namespace, KubernetesTypes types, PullSecretState state)
        {
            var entries = PullSecretReader.ReadList(list, types, out bool hasUnknownEntries);
            foreach (var entry in entries)
            {
                Enqueue(entry, @namespace, state);
            }

            if (hasUnknownEntries)
            {
                state.References.Enqueue(new PullSecretReferenceFact(null, Locations.OfValue(list), @namespace));
            }

            return hasUnknownEntries || entries.Count > 0;
        }

        private static void Enqueue(PullSecretEntry entry, string? @namespace, PullSecretState state)
        {
            if (entry.IsEmpty)
            {
                return;
            }

            state.References.Enqueue(new PullSecretReferenceFact(
                entry.IsKnown ? entry.Name : null,
                Locations.OfValue(entry.NameValue ?? entry.Element),
                @namespace));
        }

        // `spec.ImagePullSecrets = …`, `??=` and `spec.ImagePullSecrets.Add(…)` on the local the creation is stored
        // in, anywhere in the same body. The references they add take the creation's namespace. A generated builder
        // that adds a container to the spec (`X.Tag("1").AddTo(spec, "api")`) adds its image, and the declared pull
        // secret when there is one.
        private static bool HasLaterPullSecretWrites(IObjectCreationOperation creation, KubernetesTypes types, PullSecretState state, PodSpecFact? spec)
        {
            var index = Flow.BodyIndex.For(ContainerReader.Root(creation), types);
            if (ContainerReader.FindAssignedLocal(creation, index, out bool ambiguous) is not { } local)
            {
                return false;
            }

            if (ambiguous)
            {
                // The local holds other objects too: its writes are collected on their own (namespace unknown), and
                // this object may have pull secrets.
                return true;
            }

            string? @namespace = null;
            bool found = false;
            foreach (var member in index.ListMembers)
            {
                if (member is not IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets, Instance: ILocalReferenceOperation instance } list
                    || !SymbolEqualityComparer.Default.Equals(instance.Local, local))
                {
                    continue;
                }

                switch (Flow.BodyIndex.UserOf(list))
                {
                    case IAssignmentOperation assignment when assignment.Target == list:
                        @namespace ??= PullSecretReader.FindNamespace(creation, types);
                        found |= CollectList(assignment.Value, @namespace, types, state);
                        break;

                    case IInvocationOperation invocation when PullSecretReader.IsAddToPullSecrets(invocation, types, out var added) && added == list:
                        @namespace ??= PullSecretReader.FindNamespace(creation, types);
                        Enqueue(PullSecretReader.ReadEntry(invocation.Arguments[0].Value, types), @namespace, state);
                        found = true;
                        break;
                }
            }

            if (types.Builders is not { } builders)
            {
                return found;
            }

            foreach (var invocation in index.ModelCalls)
            {
                // A generated builder that adds a container or the declared pull secret to the spec.
                if (builders.Classify(invocation) is BuilderCall.AddsContainer or BuilderCall.AddsPullSecret && IsPassed(invocation, local))
                {
                    var built = builders.Read(invocation.Instance);
                    if (built is null || built.PullSecret is not null)
                    {
                        // The builder lists the declared Secret (or, not followed, may list one).
                        found = true;
                    }

                    if (spec is not null && built is not null && builders.Classify(invocation) == BuilderCall.AddsContainer)
                    {
                        spec.Images.Add(new PodImage(built.Text, Locations.OfValue(built.Expression)));
                    }
                }
            }

            return found;
        }

        // True when a write in the same body may give the spec pull secrets through a path to it: an assignment of a
        // list that may have entries, an Add, a generated builder that adds a declared pull secret, or a call handed the
        // spec or an object that holds it (a helper of the compilation that leaves its pull secrets alone does not
        // count: PodSpecHandOff). A write through another local counts when the spec may be held there (stored, passed).
        private static bool HasPullSecretsThroughPaths(IObjectCreationOperation creation, KubernetesTypes types)
        {
            var index = Flow.BodyIndex.For(ContainerReader.Root(creation), types);

            // Handed through helpers that give it back (`new V1PodSpec().Also(…)`), the spec is what the outermost returns.
            var held = PodSpecChain.Of(creation, types).Top;
            foreach (var member in index.ListMembers)
            {
                if (member is not IPropertyReferenceOperation { Property.Name: PullSecretReader.ImagePullSecrets, Instance: { } instance } list)
                {
                    continue;
                }

                IOperation? owner = null;
                switch (Flow.BodyIndex.UserOf(list))
                {
                    case IAssignmentOperation assignment when assignment.Target == list && assignment.Parent is not IObjectOrCollectionInitializerOperation:
                        var entries = PullSecretReader.ReadList(assignment.Value, types, out bool unknown);
                        owner = entries.Count > 0 || unknown ? instance : null;
                        break;

                    case IInvocationOperation invocation when PullSecretReader.IsAddToPullSecrets(invocation, types, out var added) && added == list:
                        owner = instance;
                        break;
                }

                if (owner is not null && PodSpecHandOff.MayReach(index, index.Resolve(owner), held, holding: false))
                {
                    return true;
                }
            }

            if (index.PlacementOf(held) is { } place && types.Builders is { } builders)
            {
                foreach (var invocation in index.ModelCalls)
                {
                    if (builders.Classify(invocation) is BuilderCall.AddsContainer or BuilderCall.AddsPullSecret
                        && builders.Read(invocation.Instance) is not { PullSecret: null })
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name == "podSpec" && index.Resolve(argument.Value) is { } path && path.Reaches(place) != Flow.PathMatch.None)
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            // A helper (or a delegate) given the spec, or an object that holds it, may add pull secrets.
            return !PodSpecHandOff.NoCallMayWrite(index, creation, types);
        }

        // True when the invocation passes the local as its pod spec argument.
        private static bool IsPassed(IInvocationOperation invocation, ILocalSymbol local)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "podSpec"
                    && ObjectMembers.WithoutConversions(argument.Value) is ILocalReferenceOperation passed
                    && SymbolEqualityComparer.Default.Equals(passed.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        // Writes on a local that holds a pod spec or service account created in the same body, and nothing else,
        // are read with that creation (so they get its namespace); the standalone actions skip them to avoid
        // counting them twice. One pass over the body: the local must be assigned once, by a creation.
        private static bool IsOnTrackedLocal(IPropertyReferenceOperation list, KubernetesTypes types)
        {
            if (list.Instance is not ILocalReferenceOperation instance)
            {
                return false;
            }

            return Flow.BodyIndex.For(ContainerReader.Root(list), types).OnlyValue(instance.Local) is { } value
                && ObjectMembers.WithoutConversions(value) is IObjectCreationOperation;
        }
    }
}
