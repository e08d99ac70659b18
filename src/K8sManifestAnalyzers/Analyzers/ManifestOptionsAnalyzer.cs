using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sManifestAnalyzers.Analyzers
{
    /// <summary>
    /// KMA009: entries of the <c>k8s_manifests.*</c> list options that can never match (a wildcard registry, a URL
    /// with a tag, a Secret name Kubernetes would reject). Such an entry otherwise changes what the rules check
    /// without a word. Reported once per distinct entry, with no source location, when the compilation ends.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ManifestOptionsAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] RegistryOptions = { ManifestOptions.AllowedRegistries, ManifestOptions.PrivateRegistries };

        // Lists of object names, `name` or `namespace/name`; the names of Secrets and ConfigMaps follow the same rule.
        private static readonly string[] NameOptions = { ManifestOptions.ExternalPullSecrets, ManifestOptions.ExternalSecrets, ManifestOptions.ExternalConfigMaps };

        /// <inheritdoc/>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMA009_OptionNeverMatches);

        /// <inheritdoc/>
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            // A compilation-end action, not RegisterCompilationAction: Roslyn runs compilation actions on the IDE's
            // per-document requests too, and this one reads the options of every tree (measured: 3 ms of each request
            // in a 2,000-file project). Its findings have no location, so only a full analysis shows them anyway.
#pragma warning disable RS1013 // The start action exists only to register the end action, on purpose (see above).
            context.RegisterCompilationStartAction(start => start.RegisterCompilationEndAction(Analyze));
#pragma warning restore RS1013
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            // Options may differ per folder (.editorconfig) or be global (.globalconfig): each distinct raw value once.
            var seen = new HashSet<string>();
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree);
                foreach (var key in RegistryOptions)
                {
                    if (options.TryGetValue(key, out var raw) && seen.Add(key + "=" + raw))
                    {
                        foreach (var entry in ManifestOptions.SplitList(raw))
                        {
                            if (RegistryPrefix.Problem(entry) is { } problem)
                            {
                                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA009_OptionNeverMatches, Location.None, key, entry, problem));
                            }
                        }
                    }
                }

                foreach (var key in NameOptions)
                {
                    if (options.TryGetValue(key, out var names) && seen.Add(key + "=" + names))
                    {
                        foreach (var entry in ManifestOptions.SplitList(names))
                        {
                            if (SecretNameProblem(entry) is { } problem)
                            {
                                context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMA009_OptionNeverMatches, Location.None, key, entry, problem));
                            }
                        }
                    }
                }
            }
        }

        // `name` or `namespace/name`: a Secret name is a DNS subdomain, a namespace a DNS label.
        private static string? SecretNameProblem(string entry)
        {
            int slash = entry.IndexOf('/');
            string name = slash < 0 ? entry : entry.Substring(slash + 1);
            if (slash >= 0)
            {
                string @namespace = entry.Substring(0, slash);
                if (@namespace.Length == 0 || @namespace.Length > 63 || @namespace.IndexOf('.') >= 0 || !Generator.ContainerImageGenerator.Parser.IsValidSecretName(@namespace))
                {
                    return $"'{@namespace}' is not a valid namespace (lowercase letters, digits and '-', at most 63)";
                }
            }

            return Generator.ContainerImageGenerator.Parser.IsValidSecretName(name)
                ? null
                : $"'{name}' is not a valid Secret name (lowercase letters, digits, '-' and '.', at most 253)";
        }
    }
}
