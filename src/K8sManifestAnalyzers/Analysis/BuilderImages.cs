using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>An image built by the generated builders, as far as the call chain shows it.</summary>
    internal sealed class BuilderImage
    {
        internal BuilderImage(string repository, string? pullSecret, bool isConstant, string? tag, string? digest, IOperation expression)
        {
            Repository = repository;
            PullSecret = pullSecret;
            IsConstant = isConstant;
            Tag = tag;
            Digest = digest;
            Expression = expression;
        }

        /// <summary>The repository as declared in [ContainerImage].</summary>
        internal string Repository { get; }

        /// <summary>The pull secret the declaration names, if any.</summary>
        internal string? PullSecret { get; }

        /// <summary>True when the tag and digest are constants (or absent), so <see cref="Text"/> is the image.</summary>
        internal bool IsConstant { get; }

        internal string? Tag { get; }

        internal string? Digest { get; }

        /// <summary>The expression that builds the reference, for locations.</summary>
        internal IOperation Expression { get; }

        /// <summary>The image string the builders write (the declared repository, tag and digest), or, when a part
        /// is computed, the repository alone (enough to know the registry).</summary>
        internal string Text
        {
            get
            {
                if (!IsConstant)
                {
                    return Repository;
                }

                string text = Tag is null ? Repository : Repository + ":" + Tag;
                return Digest is null ? text : text + "@" + Digest;
            }
        }
    }

    /// <summary>
    /// Reads the generated image builders (<c>X.Tag("1.0")</c>, <c>.WithTag(…)</c>, <c>.ToContainer(…)</c>,
    /// <c>.AddTo(spec, …)</c>): which image a chain builds, and which container methods it calls. The generated
    /// <c>K8sManifests.ImageReference</c> and the <c>[ContainerImage]</c> attribute are resolved once per compilation.
    /// </summary>
    internal sealed class BuilderImages
    {
        private readonly INamedTypeSymbol _attribute;
        private readonly INamedTypeSymbol _reference;

        private readonly KubernetesTypes _types;

        // Each declaration read once per compilation: builder calls name the same few types many times.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, (string Repository, string? PullSecret)?> _declarations = new(SymbolEqualityComparer.Default);

        private BuilderImages(INamedTypeSymbol attribute, INamedTypeSymbol reference, KubernetesTypes types)
        {
            _attribute = attribute;
            _reference = reference;
            _types = types;
        }

        /// <summary>The builder types, or <see langword="null"/> when the compilation declares no image.</summary>
        internal static BuilderImages? TryCreate(CompilationFacts facts, KubernetesTypes types) =>
            facts is { ImageAttribute: { } attribute, ImageReference: { } reference }
                ? new BuilderImages(attribute, reference, types)
                : null;

        /// <summary>True when <paramref name="method"/> is a member of the generated <c>ImageReference</c>.</summary>
        internal bool IsReferenceMethod(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingType, _reference);

        /// <summary>
        /// The kind of container method an invocation calls: <c>ToContainer</c>/<c>ToEphemeralContainer</c> create one,
        /// <c>AddTo</c>/<c>AddInitContainerTo</c>/<c>AddEphemeralContainerTo</c> create one and put it (and the pull
        /// secret) into a pod spec, <c>AddPullSecretTo</c> puts only the pull secret.
        /// </summary>
        internal BuilderCall Classify(IInvocationOperation invocation)
        {
            if (!IsReferenceMethod(invocation.TargetMethod) || invocation.Instance is null)
            {
                return BuilderCall.None;
            }

            return invocation.TargetMethod.Name switch
            {
                "ToContainer" or "ToEphemeralContainer" => BuilderCall.CreatesContainer,
                "AddTo" or "AddInitContainerTo" or "AddEphemeralContainerTo" => BuilderCall.AddsContainer,
                "AddPullSecretTo" => BuilderCall.AddsPullSecret,
                _ => BuilderCall.None,
            };
        }

        /// <summary>The image an <c>ImageReference</c>-valued expression builds, or <see langword="null"/> when it cannot be followed.</summary>
        internal BuilderImage? Read(IOperation? operation)
        {
            for (int depth = 0; operation is not null && depth < 16; depth++)
            {
                operation = ObjectMembers.WithoutConversions(operation);
                if (operation is IParenthesizedOperation parenthesized)
                {
                    operation = parenthesized.Operand;
                    continue;
                }

                // A chain split over statements: `var api = ApiImage.Tag("3.2.0"); api.ToContainer("api", "Always")`.
                if (operation is ILocalReferenceOperation local)
                {
                    operation = Flow.BodyIndex.For(ContainerReader.Root(local), _types).OnlyValue(local.Local);
                    continue;
                }

                if (operation is not IInvocationOperation invocation)
                {
                    return null;
                }

                var method = invocation.TargetMethod;
                if (method.IsStatic && method.Name is "Tag" or "Digest" or "TagAndDigest" && Declaration(method.ContainingType) is { } declaration)
                {
                    bool constant = true;
                    string? tag = method.Name == "Digest" ? null : Argument(invocation, "tag", ref constant);
                    string? digest = method.Name == "Tag" ? null : Argument(invocation, "digest", ref constant);
                    return new BuilderImage(declaration.Repository, declaration.PullSecret, constant, tag, digest, invocation);
                }

                if (IsReferenceMethod(method) && method.Name is "WithTag" or "WithDigest" && Read(invocation.Instance) is { } inner)
                {
                    bool constant = inner.IsConstant;
                    string? tag = inner.Tag;
                    string? digest = inner.Digest;
                    if (method.Name == "WithTag")
                    {
                        tag = Argument(invocation, "tag", ref constant);
                    }
                    else
                    {
                        digest = Argument(invocation, "digest", ref constant);
                    }

                    return new BuilderImage(inner.Repository, inner.PullSecret, constant, tag, digest, invocation);
                }

                return null;
            }

            return null;
        }

        private static string? Argument(IInvocationOperation invocation, string name, ref bool constant)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    if (ObjectMembers.ConstantString(argument.Value) is { } text)
                    {
                        return text;
                    }

                    constant = false;
                    return null;
                }
            }

            constant = false;
            return null;
        }

        // The repository and pull secret of a [ContainerImage] class the generator writes builders for.
        private (string Repository, string? PullSecret)? Declaration(INamedTypeSymbol? type) =>
            type is null ? null : _declarations.GetOrAdd(type, ReadDeclaration);

        private (string Repository, string? PullSecret)? ReadDeclaration(INamedTypeSymbol type) =>
            Generator.ImageDeclaration.Read(type, default) is { GetsBuilders: true, Repository: { } repository } declaration
            && SymbolEqualityComparer.Default.Equals(declaration.Attribute.AttributeClass, _attribute)
                ? (repository, declaration.PullSecret)
                : null;
    }

    /// <summary>What a call on a generated <c>ImageReference</c> does to containers and pod specs.</summary>
    internal enum BuilderCall
    {
        None,
        CreatesContainer,
        AddsContainer,
        AddsPullSecret,
    }
}
