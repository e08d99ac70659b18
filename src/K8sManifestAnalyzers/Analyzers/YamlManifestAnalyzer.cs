using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Yaml;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// Host of the image and pull-policy rules (KMA001 to KMA008, KMA010 to KMA012), and of the env, pull-secret list and
    /// data rules (KMA105, KMA106, KMA117, KMA119), on the YAML manifests a project gives
    /// the compiler as <c>AdditionalFiles</c> (<c>.yaml</c>, <c>.yml</c>), and of KMA301 and KMA302 for the files it
    /// cannot read. Runs whether or not KubernetesClient is referenced. A project without YAML files never loads the
    /// YAML parser: only <see cref="YamlManifestReader"/> reaches it, and only for a YAML file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class YamlManifestAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            YamlContainerRules.Descriptors.AddRange(YamlObjectRules.Descriptors).Add(Descriptors.KMA301_UnreadableYaml).Add(Descriptors.KMA302_YamlTemplateSkipped);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterAdditionalFileAction(AnalyzeFile);
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (!YamlManifestReader.IsYamlPath(file.Path) || file.GetText(context.CancellationToken) is not { } text)
            {
                return;
            }

            // Severities: the compiler applies those of a .globalconfig, the project and the command line to findings in
            // additional files, but not the dotnet_diagnostic keys of .editorconfig sections (dotnet/roslyn#31916), which
            // analyzers cannot read either. The k8s_manifests options of the file's sections do apply.
            var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
            // `# kma-disable-line KMA005` and `# kma-disable-next-line` comments of the file (YamlSuppressions).
            var Report = YamlSuppressions.Filter(context.ReportDiagnostic, text);
            var manifest = YamlManifestCache.Get(file.Path, text, context.CancellationToken);
            UnreadableYamlRule.Check(Report, manifest);
            YamlTemplateRule.Check(Report, manifest);
            if (manifest.HasNothingToJudge)
            {
                return;
            }

            if (!manifest.Containers.IsEmpty)
            {
                YamlContainerRules.Check(Report, manifest.Containers, ManifestOptions.MutableTags(options), ManifestOptions.GetList(options, ManifestOptions.AllowedRegistries));
            }

            YamlObjectRules.Check(Report, manifest, () => ManifestOptions.CredentialNames(options));
        }
    }
}
