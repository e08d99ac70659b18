using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// Turns Secret and ConfigMap references (key selectors, env sources, volume sources, projections, Ingress TLS,
    /// service account secrets, well-known annotations) and ConfigMap creations into facts for KMA111-KMA116.
    /// </summary>
    internal static class ConfigReferenceCollector
    {
        /// <summary>A creation of a reference type, a ConfigMap, or a service account with <c>Secrets</c>.</summary>
        internal static void CollectCreation(IObjectCreationOperation creation, KubernetesTypes types, PullSecretState state)
        {
            if (types.ReferenceShapeOf(creation.Type) is { } shape)
            {
                if (ReadReference(creation, shape, types) is { } reference)
                {
                    state.ConfigReferences.Enqueue(reference);
                }
            }
            else if (types.IsConfigMap(creation.Type))
            {
                if (ReadConfigMap(creation, types) is { } map)
                {
                    state.ConfigMaps.Enqueue(map);
                }
            }
            else if (types.IsServiceAccount(creation.Type) && ObjectMembers.Find(creation, "Secrets") is { } secrets)
            {
                // A service account's `secrets` (V1ObjectReference entries) keep those Secrets in use.
                string? @namespace = PullSecretReader.FindNamespace(creation, types);
                foreach (var element in secrets.DescendantsAndSelf())
                {
                    if (element is IObjectCreationOperation entry && entry != creation && ObjectMembers.Find(entry, "Name") is { } name)
                    {
                        state.ConfigReferences.Enqueue(new ConfigReferenceFact(ConfigKind.Secret, ConfigReferenceSite.ServiceAccount, types.Constant(name), Locations.OfValue(name), @namespace));
                    }
                }
            }
            else if (types.IsObjectMeta(creation.Type))
            {
                CollectAnnotationUses(creation, types, state);
            }
        }

        /// <summary>
        /// The constant entries of the <c>Annotations</c> written in a <c>V1ObjectMeta</c> creation; false when some
        /// entry, or the dictionary itself, is computed (then other annotations may be there).
        /// </summary>
        private static bool ReadAnnotations(IObjectCreationOperation meta, KubernetesTypes types, Values.IValueScope? scope, List<(string Key, string? Value, IOperation Operation)> annotations) =>
            PullSecretCollector.ReadEntries(ObjectMembers.Find(meta, "Annotations"), types, scope, (key, value) => annotations.Add((key, types.Constant(value, scope), value)));

        // `nginx.ingress.kubernetes.io/auth-secret: "basic-auth"` and the like: the controller reads the object, so it is
        // in use. Never judged: the rules know what a pod does without it, not what each controller does.
        private static void CollectAnnotationUses(IObjectCreationOperation meta, KubernetesTypes types, PullSecretState state)
        {
            var annotations = new List<(string Key, string? Value, IOperation Operation)>();
            ReadAnnotations(meta, types, null, annotations);
            string? own = null;
            bool ownRead = false;
            foreach (var (key, value, operation) in annotations)
            {
                if (Model.ObjectAnnotations.TryReadObjectName(key, value, out bool isSecret, out var written, out var name))
                {
                    if (!ownRead)
                    {
                        own = types.Constant(ObjectMembers.Find(meta, "NamespaceProperty")) ?? PullSecretReader.FindNamespace(meta, types);
                        ownRead = true;
                    }

                    state.ConfigReferences.Enqueue(new ConfigReferenceFact(
                        isSecret ? ConfigKind.Secret : ConfigKind.ConfigMap, ConfigReferenceSite.Annotation, name, Locations.OfValue(operation), written ?? own));
                }
            }
        }

        // True when the Ingress that holds an IngressTLS is annotated for cert-manager, which then creates the Secret,
        // or when its annotations cannot all be read (they may be).
        private static bool IsIssuedByCertManager(IObjectCreationOperation tls, KubernetesTypes types)
        {
            for (var current = tls.Parent; current is not null; current = current.Parent)
            {
                if (current is not IObjectCreationOperation owner || ObjectMembers.Find(owner, "Metadata") is null)
                {
                    continue;
                }

                if (PullSecretReader.FindMetadata(owner, types, out var scope) is not { } meta)
                {
                    return true;
                }

                var annotations = new List<(string Key, string? Value, IOperation Operation)>();
                bool known = ReadAnnotations(meta, types, scope, annotations);
                foreach (var (key, value, _) in annotations)
                {
                    if (Model.ObjectAnnotations.IssuesTlsSecrets(key, value))
                    {
                        return true;
                    }
                }

                return !known;
            }

            return false;
        }

        /// <summary>
        /// The references a method of the compilation makes with names a call passes (a fluent
        /// <c>.WithSecretEnv("CLIENT_SECRET", "oidc", "client_secret")</c>, a volume helper, a factory that adds
        /// <c>envFrom</c>), in its body or in the methods it calls (to the call-depth bound): each name and key folded with
        /// the call's arguments, at the argument that gives it. A reference whose name the method writes itself is
        /// collected in the method.
        /// </summary>
        internal static void CollectThroughCall(IInvocationOperation call, Summaries.MethodSummaries methods, Summaries.MethodSummary summary, KubernetesTypes types, PullSecretState state)
        {
            if (!Within(methods, summary, types, 1, static (method, types) => !method.ReferencesInside(types).IsEmpty))
            {
                return;
            }

            // The calling body's locals are read through its flow, built only for calls into methods that reference.
            var caller = ManifestBody.For(ContainerReader.Root(call), types, propertyDefaults: false).Scope;
            CollectThroughCall(methods, summary, new Summaries.CallScope(summary, call, caller), call, types, state, 1);
        }

        // `Optional = optional` where the call passes false or leaves the parameter's default false.
        private static bool IsFalse(IOperation value, Values.IValueScope? scope)
        {
            for (int hop = 0; hop < 4; hop++)
            {
                value = ObjectMembers.WithoutConversionsOrParentheses(value);
                if (value.ConstantValue is { HasValue: true, Value: false or null })
                {
                    return true;
                }

                if (value is not IParameterReferenceOperation parameter || scope?.Argument(parameter.Parameter) is not { } argument)
                {
                    return false;
                }

                (value, scope) = argument;
            }

            return false;
        }

        /// <summary>
        /// Whether the method, or one it calls within the call-depth bound, has what <paramref name="has"/> looks for
        /// (a reference it creates, a service account name it writes).
        /// </summary>
        internal static bool Within(Summaries.MethodSummaries methods, Summaries.MethodSummary summary, KubernetesTypes types, int depth, System.Func<Summaries.MethodSummary, KubernetesTypes, bool> has)
        {
            if (has(summary, types))
            {
                return true;
            }

            if (depth >= Summaries.MethodSummaries.MaxDepth)
            {
                return false;
            }

            foreach (var next in summary.Inside(types).Calls)
            {
                if (methods.Get(next.TargetMethod, types, depth + 1) is { } callee && Within(methods, callee, types, depth + 1, has))
                {
                    return true;
                }
            }

            return false;
        }

        private static void CollectThroughCall(Summaries.MethodSummaries methods, Summaries.MethodSummary summary, Summaries.CallScope scope, IInvocationOperation call, KubernetesTypes types, PullSecretState state, int depth)
        {
            foreach (var creation in summary.ReferencesInside(types))
            {
                if (types.ReferenceShapeOf(creation.Type) is not { } shape || ObjectMembers.Find(creation, shape.NameProperty) is not { } nameValue
                    || types.Values.Fold(nameValue, scope, propertyDefaults: false) is not { IsSingleConstant: true } names
                    || names.Constants[0] is not { Text: { } name } chosen || !OperationValues.IsPassedBy(chosen, call))
                {
                    continue;
                }

                // optional: true (or computed, a parameter included) makes it a use only, as where the reference is written.
                var reference = new ConfigReferenceFact(shape.Kind, shape.Site, name, OperationValues.ChosenAt(chosen, call), @namespace: null)
                {
                    IsUseOnly = ObjectMembers.Find(creation, "Optional") is { } optional && !IsFalse(optional, scope),
                };
                if (shape.HasKey && ObjectMembers.Find(creation, "Key") is { } keyValue
                    && types.Values.Fold(keyValue, scope, propertyDefaults: false) is { IsSingleConstant: true } keys && keys.Constants[0] is { Text: { } key } keyChosen)
                {
                    reference.Keys.Add((key, OperationValues.ChosenAt(keyChosen, call)));
                }

                state.ConfigReferences.Enqueue(reference);
            }

            if (depth >= Summaries.MethodSummaries.MaxDepth)
            {
                return;
            }

            foreach (var next in summary.Inside(types).Calls)
            {
                if (!scope.IsFollowing(next.TargetMethod) && methods.Get(next.TargetMethod, types, depth + 1) is { } callee
                    && Within(methods, callee, types, depth + 1, static (method, types) => !method.ReferencesInside(types).IsEmpty))
                {
                    CollectThroughCall(methods, callee, new Summaries.CallScope(callee, next, scope), call, types, state, depth + 1);
                }
            }
        }

        /// <summary>
        /// The method a Secret or ConfigMap is created in when its name or namespace reads one of the method's
        /// parameters (<c>static V1Secret Database(string ns) => new() { Metadata = new() { Name = "db", NamespaceProperty = ns } }</c>);
        /// null otherwise.
        /// </summary>
        internal static IMethodSymbol? FactoryOf(IObjectCreationOperation creation, IOperation? name, IOperation? @namespace)
        {
            foreach (var value in new[] { name, @namespace })
            {
                if (value is null)
                {
                    continue;
                }

                foreach (var operation in value.DescendantsAndSelf())
                {
                    if (operation is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method })
                    {
                        return (method.ReducedFrom ?? method).OriginalDefinition;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The Secrets, ConfigMaps and service accounts a factory of the compilation creates at one call, with names and namespaces that
        /// read its parameters folded with the call's arguments (<c>Database("shop")</c>, <c>Database("billing")</c>):
        /// one object per call, where the factory's own reads as any namespace.
        /// </summary>
        internal static void CollectObjectsThroughCall(IInvocationOperation call, Summaries.MethodSummary summary, KubernetesTypes types, PullSecretState state)
        {
            var method = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
            Values.IValueScope? caller = null;
            foreach (var (creation, name, @namespace) in summary.ObjectsInside(types))
            {
                if (FactoryOf(creation, name, @namespace) is null)
                {
                    continue;
                }

                caller ??= ManifestBody.For(ContainerReader.Root(call), types, propertyDefaults: false).Scope;
                var scope = new Summaries.CallScope(summary, call, caller);
                if (types.IsSecret(creation.Type))
                {
                    if (PullSecretCollector.ReadSecret(creation, types, scope, call) is { } secret)
                    {
                        secret.DefinedIn = method;
                        state.Secrets.Enqueue(secret);
                    }
                }
                else if (types.IsServiceAccount(creation.Type))
                {
                    var account = ServiceAccountCollector.ReadAccount(creation, types, scope, call);
                    account.DefinedIn = method;
                    // Pull secrets listed (or maybe listed) by the factory's account, for KMA103.
                    account.HasPullSecrets = ObjectMembers.Find(creation, PullSecretReader.ImagePullSecrets) is not null;
                    state.ServiceAccounts.Enqueue(account);
                }
                else if (ReadConfigMap(creation, types, scope, call) is { } map)
                {
                    map.DefinedIn = method;
                    state.ConfigMaps.Enqueue(map);
                }

                state.FactoriesCalled.TryAdd(method, true);
            }
        }

        /// <summary>True when a Secret or ConfigMap stored in a local is written after creation in a way not followed.</summary>
        internal static bool HasLaterDataWrites(IObjectCreationOperation creation, KubernetesTypes types)
        {
            var index = Flow.BodyIndex.For(ContainerReader.Root(creation), types);
            if (ContainerReader.FindAssignedLocal(creation, index, out bool ambiguous) is not { } local)
            {
                return false;
            }

            if (ambiguous)
            {
                return true;
            }

            // secret.Data = …, secret.StringData["k"] = …, secret.Data.Add(…).
            foreach (var member in index.ListMembers)
            {
                if (member is IPropertyReferenceOperation { Property.Name: "Data" or "StringData" or "BinaryData", Instance: ILocalReferenceOperation instance }
                    && SymbolEqualityComparer.Default.Equals(instance.Local, local))
                {
                    return true;
                }
            }

            // Handed to a call that is not known to leave it alone.
            foreach (var argument in index.ArgumentsPassing(local))
            {
                if (argument.Parent is IInvocationOperation call && !Summaries.MethodSummaries.IsKnownNotToWrite(call.TargetMethod))
                {
                    return true;
                }
            }

            return false;
        }

        private static ConfigReferenceFact? ReadReference(IObjectCreationOperation creation, ConfigReferenceShape shape, KubernetesTypes types)
        {
            if (ObjectMembers.Find(creation, shape.NameProperty) is not { } name)
            {
                return null;
            }

            string? constant = types.Constant(name);
            string? @namespace = PullSecretReader.FindNamespace(creation, types);
            var reference = new ConfigReferenceFact(shape.Kind, shape.Site, constant, Locations.OfValue(name), @namespace)
            {
                NamePattern = constant is null ? types.Pattern(name) : null,
                NamespacePattern = @namespace is null ? PullSecretReader.FindNamespacePattern(creation, types) : null,
                // optional: true makes Kubernetes skip a missing object or key (a computed Optional may be true), but
                // the object is still used when it exists. An Ingress annotated for cert-manager gets its TLS Secret
                // from cert-manager.
                IsUseOnly = (ObjectMembers.Find(creation, "Optional") is { } optional && !(optional.ConstantValue is { HasValue: true, Value: false or null }))
                    || (shape.Site == ConfigReferenceSite.IngressTls && IsIssuedByCertManager(creation, types)),
            };
            if (shape.HasKey && ObjectMembers.Find(creation, "Key") is { } key && types.Constant(key) is { } keyText)
            {
                reference.Keys.Add((keyText, Locations.OfValue(key)));
            }

            if (shape.HasItems && ObjectMembers.Find(creation, "Items") is { } items)
            {
                foreach (var element in items.Descendants())
                {
                    if (element is IObjectCreationOperation item && ObjectMembers.Find(item, "Key") is { } itemKey && types.Constant(itemKey) is { } itemText)
                    {
                        reference.Keys.Add((itemText, Locations.OfValue(itemKey)));
                    }
                }
            }

            return reference;
        }

        private static ConfigMapFact? ReadConfigMap(IObjectCreationOperation creation, KubernetesTypes types, Values.IValueScope? scope = null, IInvocationOperation? call = null)
        {
            if (PullSecretReader.FindMetadata(creation, types) is not { } meta || ObjectMembers.Find(meta, "Name") is not { } name)
            {
                return null;
            }

            var @namespace = ObjectMembers.Find(meta, "NamespaceProperty");
            string? constant = types.Constant(name, scope);
            var map = new ConfigMapFact
            {
                Name = constant,
                NamePattern = constant is null ? types.Pattern(name, scope) : null,
                NameLocation = PullSecretCollector.NameLocation(name, types, scope, call),
                Namespace = types.Constant(@namespace, scope),
                DefinedIn = FactoryOf(creation, name, @namespace),
                ThroughCall = call is not null,
            };
            var data = ObjectMembers.Find(creation, "Data");
            var binaryData = ObjectMembers.Find(creation, "BinaryData");
            // Without data written in place, keys come from elsewhere (an injector, a controller): not judged.
            map.KeysKnown = (data is not null || binaryData is not null)
                && PullSecretCollector.ReadKeys(data, map.Keys, types)
                & PullSecretCollector.ReadKeys(binaryData, map.Keys, types)
                && !HasLaterDataWrites(creation, types);
            return map;
        }
    }
}
