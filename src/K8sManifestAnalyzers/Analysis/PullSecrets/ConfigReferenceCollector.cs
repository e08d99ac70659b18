using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.PullSecrets
{
    /// <summary>
    /// Turns Secret and ConfigMap references (key selectors, env sources, volume sources, projections, Ingress TLS,
    /// service account secrets) and ConfigMap creations into facts for KMA111-KMA116.
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
                        state.ConfigReferences.Enqueue(new ConfigReferenceFact(ConfigKind.Secret, types.Constant(name), Locations.OfValue(name), @namespace));
                    }
                }
            }
        }

        /// <summary>True when a Secret or ConfigMap stored in a local is written after creation in a way not followed.</summary>
        internal static bool HasLaterDataWrites(IObjectCreationOperation creation)
        {
            if (ContainerReader.FindAssignedLocal(creation, out bool ambiguous) is not { } local)
            {
                return false;
            }

            if (ambiguous)
            {
                return true;
            }

            foreach (var operation in ContainerReader.Root(creation).Descendants())
            {
                switch (operation)
                {
                    // secret.Data = …, secret.StringData["k"] = …, secret.Data.Add(…).
                    case IPropertyReferenceOperation { Property.Name: "Data" or "StringData" or "BinaryData", Instance: ILocalReferenceOperation instance }
                        when SymbolEqualityComparer.Default.Equals(instance.Local, local):
                        return true;

                    // Handed to a call that is not known to leave it alone.
                    case IArgumentOperation { Value: ILocalReferenceOperation passed, Parent: IInvocationOperation call }
                        when SymbolEqualityComparer.Default.Equals(passed.Local, local) && !Summaries.MethodSummaries.IsKnownNotToWrite(call.TargetMethod):
                        return true;
                }
            }

            return false;
        }

        private static ConfigReferenceFact? ReadReference(IObjectCreationOperation creation, ConfigReferenceShape shape, KubernetesTypes types)
        {
            // optional: true makes Kubernetes skip a missing object or key; a computed Optional may be true.
            if (ObjectMembers.Find(creation, "Optional") is { } optional && !(optional.ConstantValue is { HasValue: true, Value: false or null }))
            {
                return null;
            }

            if (ObjectMembers.Find(creation, shape.NameProperty) is not { } name)
            {
                return null;
            }

            var reference = new ConfigReferenceFact(shape.Kind, types.Constant(name), Locations.OfValue(name), PullSecretReader.FindNamespace(creation, types));
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

        private static ConfigMapFact? ReadConfigMap(IObjectCreationOperation creation, KubernetesTypes types)
        {
            if (PullSecretReader.FindMetadata(creation, types) is not { } meta || ObjectMembers.Find(meta, "Name") is not { } name)
            {
                return null;
            }

            var map = new ConfigMapFact
            {
                Name = types.Constant(name),
                NameLocation = Locations.OfValue(name),
                Namespace = types.Constant(ObjectMembers.Find(meta, "NamespaceProperty")),
            };
            var data = ObjectMembers.Find(creation, "Data");
            var binaryData = ObjectMembers.Find(creation, "BinaryData");
            // Without data written in place, keys come from elsewhere (an injector, a controller): not judged.
            map.KeysKnown = (data is not null || binaryData is not null)
                && PullSecretCollector.ReadKeys(data, map.Keys, types)
                & PullSecretCollector.ReadKeys(binaryData, map.Keys, types)
                && !HasLaterDataWrites(creation);
            return map;
        }
    }
}
