using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// The KubernetesClient model types one compilation references, resolved once at compilation start by metadata
    /// name (never by loading KubernetesClient). The same <c>k8s.Models</c> types ship in KubernetesClient,
    /// KubernetesClient.Aot, KubernetesClient.Classic and the old KubernetesClient.Models, so every copy found is kept.
    /// Aspire.Hosting.Kubernetes' own model (<c>Aspire.Hosting.Kubernetes.Resources.ContainerV1</c>, <c>PodSpecV1</c>,
    /// <c>Secret</c>, …) has the same shape for what the rules read, and its types are kept as further copies.
    /// </summary>
    internal sealed class KubernetesTypes
    {
        internal const string ContainerMetadataName = "k8s.Models.V1Container";
        internal const string EphemeralContainerMetadataName = "k8s.Models.V1EphemeralContainer";

        /// <summary>The namespace of Aspire.Hosting.Kubernetes' model of the manifests it writes.</summary>
        internal const string AspireResourcesNamespace = "Aspire.Hosting.Kubernetes.Resources";

        /// <summary>The Kubernetes environment of an Aspire app host, whose <c>DefaultImagePullPolicy</c> Aspire writes on every container it generates.</summary>
        internal const string AspireEnvironmentMetadataName = "Aspire.Hosting.Kubernetes.KubernetesEnvironmentResource";

        /// <summary>Aspire's twin of V1Container, the type the Aspire types are looked up by (none of the others without it).</summary>
        internal const string AspireContainerMetadataName = AspireResourcesNamespace + ".ContainerV1";

        private readonly ImmutableArray<INamedTypeSymbol> _containerTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _secretTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _objectMetaTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _podSpecTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _serviceAccountTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _localObjectReferenceTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _imageVolumeTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _configMapTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _envVarTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _aspireEnvironmentTypes;
        private readonly ImmutableArray<(INamedTypeSymbol Type, PullSecrets.ConfigReferenceShape Shape)> _referenceTypes;

        // The model types that reference a Secret or ConfigMap by name, and which of their properties hold the name and keys.
        private static readonly (string Name, PullSecrets.ConfigReferenceShape Shape)[] ReferenceShapes =
        {
            ("V1SecretKeySelector", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.Secret, PullSecrets.ConfigReferenceSite.Environment, "Name", hasKey: true, hasItems: false)),
            ("V1ConfigMapKeySelector", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.ConfigMap, PullSecrets.ConfigReferenceSite.Environment, "Name", hasKey: true, hasItems: false)),
            ("V1SecretEnvSource", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.Secret, PullSecrets.ConfigReferenceSite.Environment, "Name", hasKey: false, hasItems: false)),
            ("V1ConfigMapEnvSource", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.ConfigMap, PullSecrets.ConfigReferenceSite.Environment, "Name", hasKey: false, hasItems: false)),
            ("V1SecretVolumeSource", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.Secret, PullSecrets.ConfigReferenceSite.Volume, "SecretName", hasKey: false, hasItems: true)),
            ("V1ConfigMapVolumeSource", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.ConfigMap, PullSecrets.ConfigReferenceSite.Volume, "Name", hasKey: false, hasItems: true)),
            ("V1SecretProjection", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.Secret, PullSecrets.ConfigReferenceSite.Volume, "Name", hasKey: false, hasItems: true)),
            ("V1ConfigMapProjection", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.ConfigMap, PullSecrets.ConfigReferenceSite.Volume, "Name", hasKey: false, hasItems: true)),
            ("V1IngressTLS", new PullSecrets.ConfigReferenceShape(PullSecrets.ConfigKind.Secret, PullSecrets.ConfigReferenceSite.IngressTls, "SecretName", hasKey: false, hasItems: false)),
        };

        // Aspire.Hosting.Kubernetes' names for the same objects: the KubernetesClient name without its "V1" prefix, with a
        // "V1" suffix, except the top-level objects (Secret, ConfigMap) and IngressTLSV1.
        private static string AspireName(string kubernetesName) => kubernetesName switch
        {
            "V1Secret" => "Secret",
            "V1ConfigMap" => "ConfigMap",
            "V1IngressTLS" => "IngressTLSV1",
            _ => kubernetesName.Substring(2) + "V1",
        };

        private KubernetesTypes(TypeFinder finder, ImmutableArray<INamedTypeSymbol> containerTypes, CompilationFacts facts)
        {
            _containerTypes = containerTypes;
            _secretTypes = finder.ResolveBoth("V1Secret");
            _objectMetaTypes = finder.ResolveBoth("V1ObjectMeta");
            _podSpecTypes = finder.ResolveBoth("V1PodSpec");
            _serviceAccountTypes = finder.Resolve("k8s.Models.V1ServiceAccount");
            _localObjectReferenceTypes = finder.ResolveBoth("V1LocalObjectReference");

            // Aspire's ImageVolumeSourceV1 is left out: what Aspire writes for a pull policy left unset there is not known.
            _imageVolumeTypes = finder.Resolve("k8s.Models.V1ImageVolumeSource");
            _configMapTypes = finder.ResolveBoth("V1ConfigMap");
            _envVarTypes = finder.ResolveBoth("V1EnvVar");
            _aspireEnvironmentTypes = finder.ResolveAspire(AspireEnvironmentMetadataName);
            var references = ImmutableArray.CreateBuilder<(INamedTypeSymbol, PullSecrets.ConfigReferenceShape)>();
            foreach (var (name, shape) in ReferenceShapes)
            {
                foreach (var type in finder.ResolveBoth(name))
                {
                    references.Add((type, shape));
                }
            }

            _referenceTypes = references.ToImmutable();
            Builders = BuilderImages.TryCreate(facts, this);
            Values = facts.Values;
        }

        /// <summary>The value folder of the compilation, the one place constants are folded.</summary>
        internal Values.ValueFolder Values { get; }

        /// <summary>
        /// The one constant a value is on every path (literals, <c>const</c> and <c>static readonly</c> fields,
        /// <c>string.Empty</c>, concatenation and interpolation of those), or <see langword="null"/>;
        /// <paramref name="known"/> says whether it is one constant (<see langword="null"/> included).
        /// </summary>
        internal string? Constant(IOperation? value, out bool known, Values.IValueScope? scope = null)
        {
            known = false;
            if (value is null)
            {
                return null;
            }

            var values = Values.Fold(value, scope, propertyDefaults: false);
            if (!values.IsSingleConstant)
            {
                return null;
            }

            known = true;
            return values.Constants[0].Text;
        }

        /// <summary>The one constant a value is on every path, or <see langword="null"/>.</summary>
        internal string? Constant(IOperation? value, Values.IValueScope? scope = null) => Constant(value, out _, scope);

        /// <summary>
        /// A name known in part (<c>$"{tenant}-db"</c>): the one value with holes the value is on every path, or
        /// <see langword="null"/> (a constant, several values, or nothing known).
        /// </summary>
        internal Model.NamePattern? Pattern(IOperation? value, Values.IValueScope? scope = null)
        {
            if (value is null)
            {
                return null;
            }

            var values = Values.Fold(value, scope, propertyDefaults: false);
            return values.Constants.IsEmpty && values.Partials.Length == 1 && !values.HasOpaque
                ? new Model.NamePattern(values.Partials[0].Texts, values.Partials[0].Holes)
                : null;
        }

        /// <summary>The generated image builders, when the compilation declares an image.</summary>
        internal BuilderImages? Builders { get; }

        /// <summary>
        /// The types of the compilation, resolved once for all the analyzers of the package (each lookup by metadata
        /// name searches every referenced assembly), or <see langword="null"/> without KubernetesClient.
        /// </summary>
        internal static KubernetesTypes? TryCreate(Compilation compilation) => CompilationFacts.For(compilation).Types;

        /// <summary>
        /// Resolves the types; called once per compilation by <see cref="CompilationFacts"/>, which hands over what it
        /// already holds (the folder, the generated types) and is not asked back.
        /// </summary>
        internal static KubernetesTypes? Create(Compilation compilation, CompilationFacts facts)
        {
            var finder = new TypeFinder(compilation);
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            builder.AddRange(finder.Resolve(ContainerMetadataName));
            builder.AddRange(finder.Resolve(EphemeralContainerMetadataName));
            builder.AddRange(finder.ResolveAspire(AspireContainerMetadataName));
            builder.AddRange(finder.ResolveAspire(AspireResourcesNamespace + ".EphemeralContainerV1"));
            return builder.Count == 0 ? null : new KubernetesTypes(finder, builder.ToImmutable(), facts);
        }

        /// <summary>True when the compilation has the types the pull-secret rules read.</summary>
        internal bool HasPullSecretTypes => !_secretTypes.IsEmpty && !_podSpecTypes.IsEmpty && !_localObjectReferenceTypes.IsEmpty;

        /// <summary>
        /// True when a pod spec or service account has a constructor taking <c>imagePullSecrets</c> (KubernetesClient 17
        /// and older); newer versions have only the parameterless one, and nothing need look at arguments.
        /// </summary>
        internal bool HasPullSecretConstructorParameter => HasConstructorParameter(_podSpecTypes, "imagePullSecrets") || HasConstructorParameter(_serviceAccountTypes, "imagePullSecrets");

        /// <summary>
        /// True when <paramref name="method"/> is declared in this compilation's source (a method the summaries can
        /// read). Reads the symbol's locations, which it keeps, instead of building its syntax references.
        /// </summary>
        internal static bool IsInSource(IMethodSymbol method)
        {
            var locations = method.Locations;
            return locations.Length > 0 && locations[0].IsInSource;
        }

        private static bool HasConstructorParameter(ImmutableArray<INamedTypeSymbol> types, string name)
        {
            foreach (var type in types)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == name)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        internal bool IsSecret(ITypeSymbol? type) => IsAny(type, _secretTypes);

        internal bool IsConfigMap(ITypeSymbol? type) => IsAny(type, _configMapTypes);

        /// <summary>True for V1EnvVar, an entry of a container's env list.</summary>
        internal bool IsEnvVar(ITypeSymbol? type) => IsAny(type, _envVarTypes);

        /// <summary>True when the compilation has V1EnvVar (KMA117, KMA119) or V1ConfigMap (KMA117).</summary>
        internal bool HasEnvironmentTypes => !_envVarTypes.IsEmpty || !_configMapTypes.IsEmpty;

        /// <summary>How a model type references a Secret or ConfigMap, or null when it does not.</summary>
        internal PullSecrets.ConfigReferenceShape? ReferenceShapeOf(ITypeSymbol? type)
        {
            // Only k8s.Models types (and Aspire's twins) reference Secrets and ConfigMaps: the namespace test rejects the
            // project's own types before the comparisons.
            if (type is null || (type.ContainingNamespace is not { Name: "Models", ContainingNamespace.Name: "k8s" } && !IsAspireModel(type)))
            {
                return null;
            }

            foreach (var (candidate, shape) in _referenceTypes)
            {
                if (candidate.Name == type.Name && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate))
                {
                    return shape;
                }
            }

            return null;
        }

        internal bool IsObjectMeta(ITypeSymbol? type) => IsAny(type, _objectMetaTypes);

        internal bool IsPodSpec(ITypeSymbol? type) => IsAny(type, _podSpecTypes);

        internal bool IsServiceAccount(ITypeSymbol? type) => IsAny(type, _serviceAccountTypes);

        internal bool IsLocalObjectReference(ITypeSymbol? type) => IsAny(type, _localObjectReferenceTypes);

        /// <summary>
        /// True for a type of Aspire.Hosting.Kubernetes' model (<c>Aspire.Hosting.Kubernetes.Resources</c>): an object Aspire
        /// serializes itself, writing its defaults (<c>ContainerV1.ImagePullPolicy = "IfNotPresent"</c>) into the YAML.
        /// A test of the namespace only, cheap enough for every creation.
        /// </summary>
        internal static bool IsAspireModel(ITypeSymbol? type) =>
            type?.ContainingNamespace is { Name: "Resources", ContainingNamespace: { Name: "Kubernetes", ContainingNamespace: { Name: "Hosting", ContainingNamespace: { Name: "Aspire", ContainingNamespace.IsGlobalNamespace: true } } } };

        /// <summary>True for <c>KubernetesEnvironmentResource</c>, whose <c>DefaultImagePullPolicy</c> Aspire writes on the containers it generates.</summary>
        internal bool IsAspireEnvironment(ITypeSymbol? type) => IsAny(type, _aspireEnvironmentTypes);

        /// <summary>True when the compilation has Aspire.Hosting.Kubernetes' <c>KubernetesEnvironmentResource</c>.</summary>
        internal bool HasAspireEnvironment => !_aspireEnvironmentTypes.IsEmpty;

        /// <summary>True for V1Container and V1EphemeralContainer (and Aspire's ContainerV1 and EphemeralContainerV1), and for types derived from them.</summary>
        internal bool IsContainerType(ITypeSymbol? type) => IsAny(type, _containerTypes);

        /// <summary>True for V1ImageVolumeSource (Kubernetes 1.31+): an image with a pull policy, defaulted like a container's.</summary>
        internal bool IsImageVolume(ITypeSymbol? type) => IsAny(type, _imageVolumeTypes);

        /// <summary>
        /// True for a <c>k8s.Models</c> type (or a type derived from one), and for collections of them: what a call can
        /// write images, policies and pull secrets through.
        /// </summary>
        internal bool IsModel(ITypeSymbol? type) => IsModel(type, 0);

        // Type arguments are followed two levels deep (IList<V1Container>, IDictionary<string, IList<V1Volume>>):
        // a self-referencing type (class Node : Dictionary<string, Node>) must not recurse for ever.
        private static bool IsModel(ITypeSymbol? type, int depth)
        {
            if (depth > 2)
            {
                return false;
            }

            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (current.SpecialType != SpecialType.None && !current.IsGenericType)
                {
                    // object, string, the primitives: the end of every chain, and never a model.
                    break;
                }

                if (current.ContainingNamespace is { Name: "Models", ContainingNamespace: { Name: "k8s", ContainingNamespace.IsGlobalNamespace: true } } || IsAspireModel(current))
                {
                    return true;
                }

                foreach (var argument in current.TypeArguments)
                {
                    if (argument is INamedTypeSymbol element && IsModel(element, depth + 1))
                    {
                        return true;
                    }
                }
            }

            return type is IArrayTypeSymbol array && IsModel(array.ElementType, depth + 1);
        }

        /// <summary>True for the objects whose image and pull policy the container rules read.</summary>
        internal bool HasImage(ITypeSymbol? type) => IsContainerType(type) || IsImageVolume(type);

        // The type or one of its base types is one of the given types.
        private static bool IsAny(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> candidates)
        {
            if (candidates.IsEmpty)
            {
                return false;
            }

            // The name test rejects the other types of the project before any symbol comparison (this runs for every
            // creation, assignment and call of the project).
            for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
            {
                if (current.SpecialType != SpecialType.None)
                {
                    break;
                }

                string name = current.Name;
                foreach (var candidate in candidates)
                {
                    if (candidate.Name == name && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Which container property <paramref name="property"/> is, if it is one we read.</summary>
        internal ContainerProperty Classify(IPropertySymbol? property)
        {
            // The name test comes first: it is the cheap one, and this runs for every property assignment.
            switch (property?.Name)
            {
                case "Image":
                    return IsContainerType(property.ContainingType) ? ContainerProperty.Image : ContainerProperty.None;
                case "ImagePullPolicy":
                    return IsContainerType(property.ContainingType) ? ContainerProperty.ImagePullPolicy : ContainerProperty.None;
                case "Reference":
                    return IsImageVolume(property.ContainingType) ? ContainerProperty.Image : ContainerProperty.None;
                case "PullPolicy":
                    return IsImageVolume(property.ContainingType) ? ContainerProperty.ImagePullPolicy : ContainerProperty.None;
                case "DefaultImagePullPolicy":
                    // The policy Aspire writes on every container it generates for the environment's resources: judged as
                    // a written policy value (KMA002, KMA007), never as a container.
                    return IsAspireEnvironment(property.ContainingType) ? ContainerProperty.ImagePullPolicy : ContainerProperty.None;
                default:
                    return ContainerProperty.None;
            }
        }

        /// <summary>
        /// Which container property a constructor parameter of KubernetesClient 17 and older sets. Those constructors
        /// name their parameters after the JSON fields (<c>image</c>, <c>imagePullPolicy</c>); their positions move
        /// between versions, their names do not.
        /// </summary>
        internal ContainerProperty ClassifyParameter(IParameterSymbol? parameter)
        {
            if (parameter?.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                return ContainerProperty.None;
            }

            return parameter.Name switch
            {
                "image" when IsContainerType(constructor.ContainingType) => ContainerProperty.Image,
                "imagePullPolicy" when IsContainerType(constructor.ContainingType) => ContainerProperty.ImagePullPolicy,
                "reference" when IsImageVolume(constructor.ContainingType) => ContainerProperty.Image,
                "pullPolicy" when IsImageVolume(constructor.ContainingType) => ContainerProperty.ImagePullPolicy,
                _ => ContainerProperty.None,
            };
        }

        /// <summary>
        /// Finds model types by metadata name. A lookup through the compilation searches every reference (about 170
        /// in a .NET project), so when the compilation references KubernetesClient assemblies (KubernetesClient,
        /// .Aot, .Classic, .Models) the types are looked up in those and in the compilation's own sources only;
        /// without them, or when they do not have the container type, through the compilation as before.
        /// </summary>
        private sealed class TypeFinder
        {
            private readonly Compilation _compilation;
            private readonly List<IAssemblySymbol>? _kubernetesAssemblies;
            private readonly IAssemblySymbol? _aspireAssembly;
            private readonly bool _hasAspireModel;

            internal TypeFinder(Compilation compilation)
            {
                _compilation = compilation;
                foreach (var reference in compilation.References)
                {
                    if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly)
                    {
                        if (assembly.Name.StartsWith("KubernetesClient", StringComparison.Ordinal))
                        {
                            (_kubernetesAssemblies ??= new List<IAssemblySymbol>()).Add(assembly);
                        }
                        else if (assembly.Name == "Aspire.Hosting.Kubernetes")
                        {
                            _aspireAssembly = assembly;
                        }
                    }
                }

                // Aspire's model is looked up in Aspire.Hosting.Kubernetes and in the compilation's own sources, and not
                // at all when neither has its container type (most projects).
                _hasAspireModel = !FindAspire(AspireContainerMetadataName).IsEmpty;

                if (_kubernetesAssemblies is not null && Direct(ContainerMetadataName).IsEmpty)
                {
                    _kubernetesAssemblies = null;
                }
            }

            internal ImmutableArray<INamedTypeSymbol> Resolve(string metadataName) =>
                _kubernetesAssemblies is null ? ThroughCompilation(metadataName) : Direct(metadataName);

            /// <summary>The KubernetesClient type <c>k8s.Models.<paramref name="kubernetesName"/></c> and its Aspire twin.</summary>
            internal ImmutableArray<INamedTypeSymbol> ResolveBoth(string kubernetesName)
            {
                var kubernetes = Resolve("k8s.Models." + kubernetesName);
                var aspire = ResolveAspire(AspireResourcesNamespace + "." + AspireName(kubernetesName));
                return aspire.IsEmpty ? kubernetes : kubernetes.AddRange(aspire);
            }

            /// <summary>A type of Aspire.Hosting.Kubernetes, public, in that assembly or in the compilation's own sources.</summary>
            internal ImmutableArray<INamedTypeSymbol> ResolveAspire(string metadataName) =>
                _hasAspireModel ? FindAspire(metadataName) : ImmutableArray<INamedTypeSymbol>.Empty;

            private ImmutableArray<INamedTypeSymbol> FindAspire(string metadataName)
            {
                var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
                {
                    builder.Add(own);
                }

                if (_aspireAssembly?.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
                {
                    builder.Add(type);
                }

                return builder.ToImmutable();
            }

            private ImmutableArray<INamedTypeSymbol> Direct(string metadataName)
            {
                var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                if (_compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
                {
                    builder.Add(own);
                }

                foreach (var assembly in _kubernetesAssemblies!)
                {
                    if (assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
                    {
                        builder.Add(type);
                    }
                }

                return builder.ToImmutable();
            }

            private ImmutableArray<INamedTypeSymbol> ThroughCompilation(string metadataName)
            {
                var single = _compilation.GetTypeByMetadataName(metadataName);
                if (single is not null)
                {
                    return ImmutableArray.Create(single);
                }

                // GetTypeByMetadataName gives null when several references define the type (for example both
                // KubernetesClient and KubernetesClient.Models): keep each copy, since either may be bound.
                return _compilation.GetTypesByMetadataName(metadataName);
            }
        }
    }
}
