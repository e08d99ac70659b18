using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Yaml;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of the image and pull-policy rules (KMA001 to KMA008, KMA010 to KMA012), the env, pull-secret list and data
    /// rules (KMA105, KMA106, KMA117, KMA119), KMA301 and KMA302 on YAML written
    /// in C#: the constant string handed to <c>KubernetesYaml.Deserialize</c>, <c>LoadFromString</c> or
    /// <c>LoadAllFromString</c> (<see cref="YamlEntryPoints"/>), read by <see cref="YamlLiteralReader"/> and reported at
    /// the scalar inside the literal. A compilation without KubernetesClient's YAML class gets no action at all; one
    /// with it, an invocation action that stops at the method's name for every other call.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YamlLiteralAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            YamlContainerRules.Descriptors.AddRange(YamlObjectRules.Descriptors).Add(Descriptors.KMA301_UnreadableYamlLiteral).Add(Descriptors.KMA302_YamlLiteralTemplateSkipped);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (CompilationFacts.For(start.Compilation).YamlEntryPoints is not { } entryPoints)
                {
                    return;
                }

                start.RegisterOperationAction(operation => AnalyzeCall(operation, entryPoints), OperationKind.Invocation);
            });
        }

        // A literal still being typed (unterminated, a bad escape) has a value the compiler guessed: nothing to say yet.
        private static void AnalyzeCall(OperationAnalysisContext context, YamlEntryPoints entryPoints)
        {
            if (context.Operation is not IInvocationOperation invocation
                || !YamlEntryPoints.IsEntryPointName(invocation.TargetMethod.Name)
                || entryPoints.YamlArgument(invocation) is not { Value: { ConstantValue: { HasValue: true, Value: string text } } value }
                || value.Syntax is not ExpressionSyntax argument
                || argument.ContainsDiagnostics
                || invocation.SemanticModel is not { } model)
            {
                return;
            }

            var manifest = YamlLiteralCache.Get(argument, text, model, context.CancellationToken);
            if (manifest is null)
            {
                return;
            }

            var Report = context.ReportDiagnostic;
            UnreadableYamlRule.CheckLiteral(Report, manifest);
            YamlTemplateRule.CheckLiteral(Report, manifest);
            if (manifest.HasNothingToJudge)
            {
                return;
            }

            // The options of the file that holds the call, like every finding in C#; its severities apply as usual.
            var tree = argument.SyntaxTree;
            if (!manifest.Containers.IsEmpty)
            {
                YamlContainerRules.Check(
                    Report,
                    manifest.Containers,
                    ManifestOptions.MutableTags(context.Options, tree),
                    ManifestOptions.GetList(context.Options, tree, ManifestOptions.AllowedRegistries));
            }

            var options = context.Options;
            YamlObjectRules.Check(Report, manifest, () => ManifestOptions.CredentialNames(options, tree));
        }
    }
}
