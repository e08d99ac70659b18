using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Generator;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// The compile-time checks of the typed image builders: KMA201 (repository), KMA204 (class shape), KMA205 (pull
    /// secret name) on [ContainerImage] declarations; KMA202 (tag or digest) and KMA203 (latest) on calls.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ContainerImageAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KMA201_InvalidImageDeclaration,
            Descriptors.KMA202_InvalidTagOrDigest,
            Descriptors.KMA203_MutableTagInBuilder,
            Descriptors.KMA204_ImageTypeNotExtensible,
            Descriptors.KMA205_InvalidPullSecretName,
            Descriptors.KMA206_ImageBuildersNeedCSharp8,
            Descriptors.KMA207_GeneratedMemberConflict,
            Descriptors.KMA008_RegistryNotAllowed,
            Descriptors.KMA008_RegistryNotAllowedNormalized);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var facts = Analysis.CompilationFacts.For(start.Compilation);
                var attribute = facts.ImageAttribute;
                if (attribute is null)
                {
                    return;
                }

                start.RegisterSymbolAction(c => AnalyzeDeclaration(c, attribute), SymbolKind.NamedType);

                // The builder methods whose arguments KMA202 and KMA203 check exist only where the generator wrote the
                // support types (a valid declaration at C# 8 or later): without them, no call can be one.
                if (facts.ImageReference is { } imageReference)
                {
                    start.RegisterOperationAction(c => AnalyzeCall(c, attribute, imageReference), OperationKind.Invocation);
                }
            });
        }

        private static void AnalyzeDeclaration(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
        {
            if (context.Symbol is not INamedTypeSymbol type || !Generator.ContainerImageGenerator.Parser.MayDeclareImage(type, context.CancellationToken))
            {
                return;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)
                    || attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
                {
                    continue;
                }

                if (syntax.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp8 } options)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA206_ImageBuildersNeedCSharp8, syntax.GetLocation(), options.LanguageVersion.ToDisplayString()));
                }

                if (ContainerImageGenerator.Parser.Validate(type) is { } shape)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA204_ImageTypeNotExtensible, type.Locations[0], shape));
                }
                else if (ContainerImageGenerator.Parser.ConflictingMember(type) is { } conflict)
                {
                    string what = conflict is INamedTypeSymbol
                        ? "a class cannot have a member of its own name"
                        : conflict.Name == "Repository" ? "the declared repository, a constant" : "a builder method";
                    var location = conflict.Locations.Length > 0 && conflict.Locations[0].IsInSource ? conflict.Locations[0] : type.Locations[0];
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA207_GeneratedMemberConflict, location, conflict.Name, type.Name, what));
                }

                var arguments = syntax.ArgumentList?.Arguments ?? default;
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].IsNull)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.KMA201_InvalidImageDeclaration,
                        arguments.Count > 0 ? arguments[0].GetLocation() : syntax.GetLocation(),
                        "null",
                        ImageReference.Describe(ImageReferenceError.NameEmpty)));
                }
                else if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string repository)
                {
                    string? problem = ImageReference.TryParseNormalized(repository, out var reference, out var error)
                        ? reference!.Tag is not null ? "a repository has no tag (Tag(…) adds one)"
                            : reference.Digest is not null ? "a repository has no digest (Digest(…) adds one)"
                            : null
                        : ImageProblem.Explain(repository, error);
                    var location = arguments.Count > 0 ? arguments[0].GetLocation() : syntax.GetLocation();
                    if (problem is not null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA201_InvalidImageDeclaration, location, repository, problem));
                    }
                    else
                    {
                        // The allowed-registries policy (KMA008) covers images declared for the builders too.
                        var allowed = ManifestOptions.GetList(context.Options, syntax.SyntaxTree, ManifestOptions.AllowedRegistries);
                        if (!allowed.IsEmpty && !RegistryPrefix.MatchesAny(reference!, allowed))
                        {
                            context.ReportDiagnostic(Rules.RegistryNotAllowedRule.Create(location, repository, reference!, allowed));
                        }
                    }
                }

                foreach (var named in attribute.NamedArguments)
                {
                    if (named.Key == "PullSecret" && named.Value.Value is string secret && !ContainerImageGenerator.Parser.IsValidSecretName(secret))
                    {
                        var location = syntax.GetLocation();
                        foreach (var argument in arguments)
                        {
                            if (argument.NameEquals?.Name.Identifier.ValueText == "PullSecret")
                            {
                                location = argument.GetLocation();
                            }
                        }

                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA205_InvalidPullSecretName, location, secret));
                    }
                }

                // The generator uses the first [ContainerImage]; a second one is the compiler's CS0579.
                return;
            }
        }

        private static void AnalyzeCall(OperationAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? imageReference)
        {
            if (context.Operation is not IInvocationOperation invocation)
            {
                return;
            }

            var method = invocation.TargetMethod;
            bool isBuilder = method.Name is "Tag" or "Digest" or "TagAndDigest" && method.IsStatic && HasAttribute(method.ContainingType, attributeType);
            bool isWith = method.Name is "WithTag" or "WithDigest" && imageReference is not null
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, imageReference);
            if (!isBuilder && !isWith)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.ConstantValue is not { HasValue: true, Value: string value } || argument.Parameter is null)
                {
                    continue;
                }

                if (argument.Parameter.Name == "tag")
                {
                    if (!ImageReference.IsValidTag(value))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA202_InvalidTagOrDigest, argument.Value.Syntax.GetLocation(), value, "tag", "a tag is 1 to 128 letters, digits, '_', '.' or '-', and does not start with '.' or '-'"));
                    }
                    else if (value == "latest" && !(method.Name == "TagAndDigest"))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA203_MutableTagInBuilder, argument.Value.Syntax.GetLocation()));
                    }
                }
                else if (argument.Parameter.Name == "digest" && ImageReference.ValidateDigest(value) is var error && error != ImageReferenceError.None)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA202_InvalidTagOrDigest, argument.Value.Syntax.GetLocation(), value, "digest", ImageReference.Describe(error)));
                }
            }
        }

        private static bool HasAttribute(INamedTypeSymbol? type, INamedTypeSymbol attributeType)
        {
            if (type is null)
            {
                return false;
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
