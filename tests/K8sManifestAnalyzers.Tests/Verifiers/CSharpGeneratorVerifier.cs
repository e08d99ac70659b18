using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// The generator's member of the verifier family (<see cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}"/>): the same
/// references (KubernetesClient 21), C# 12 and nullable on unless a test says otherwise, markup for expected diagnostics.
/// It checks that the generator writes exactly the expected files with exactly the expected text, that it reports no
/// diagnostic the test does not expect, and that the code with the generated files compiles without a warning.
/// The expected files are read from <c>Generator/Baselines/</c>, so a baseline stays the single expected text.
/// </summary>
/// <remarks>
/// <c>CSharpSourceGeneratorTest</c> 1.1.4 drives an <see cref="IIncrementalGenerator"/> as it is: it instantiates the
/// type it is given and wraps an incremental generator with <c>AsSourceGenerator()</c> itself.
/// </remarks>
public static class CSharpGeneratorVerifier<TGenerator>
    where TGenerator : new()
{
    /// <summary>The generated files are the named baselines; the code compiles without a warning except those expected.</summary>
    public static Task VerifyGeneratorAsync(string source, string[] baselines, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectBaselines(baselines);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// The text of a baseline (the expected file of that name, as <see cref="Test.ExpectBaselines"/> reads it), for a test
    /// that also states what matters in it; read it after the run, which writes it with <c>K8S_UPDATE_BASELINES=1</c>.
    /// </summary>
    public static string Baseline(string name) => Baselines.Read(Baselines.PathOf(name));

    /// <summary>
    /// The family's settings (<see cref="VerifierSettings"/>: KubernetesClient 21, C# 12, nullable on from C# 8), with what
    /// is the generator's own: warnings compared, documentation parsed, the expected files read from the baselines.
    /// </summary>
    public class Test : CSharpSourceGeneratorTest<TGenerator, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = VerifierSettings.ReferenceAssemblies;

            // The generated code must compile clean in a project that treats warnings as errors, so warnings are
            // compared too, not only errors (the framework's default).
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            DocumentationMode = DocumentationMode.Parse;
        }

        public LanguageVersion LanguageVersion { get; set; } = VerifierSettings.LanguageVersion;

        /// <summary>
        /// Analyzers run on the code with the generated files, for the rules on the declarations the generator reads
        /// (KMA201 to KMA207): a test then states what is generated and what is reported in one run, the findings by markup.
        /// </summary>
        public List<DiagnosticAnalyzer> Analyzers { get; } = new();

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => base.GetDiagnosticAnalyzers().Concat(Analyzers);

        /// <summary>
        /// Parse by default, as in a project that does not generate its documentation file (the SDK's default, and what
        /// the generator's tests compiled with before this verifier); the framework's default, Diagnose, reports CS1591
        /// and CS1574 as a project with GenerateDocumentationFile does. A test that checks the generated documentation
        /// sets Diagnose. (With Diagnose, a project that applies the attribute but gets no builder reports CS1574 for the
        /// attribute's <c>cref="ImageReference"</c>, which is generated only with a builder: an open issue.)
        /// </summary>
        public DocumentationMode DocumentationMode
        {
            get => TestState.DocumentationMode ?? DocumentationMode.Diagnose;
            set => TestState.DocumentationMode = value;
        }

        /// <summary>
        /// Expects the generated files written in the baselines of these names (<c>Nginx.ContainerImage.d8adabd6</c>
        /// is the file <c>Nginx.ContainerImage.d8adabd6.generated.txt</c>, expected as the hint name
        /// <c>Nginx.ContainerImage.d8adabd6.g.cs</c>). With <c>K8S_UPDATE_BASELINES=1</c> the test writes what the
        /// generator produced into the baselines first.
        /// </summary>
        public void ExpectBaselines(params string[] names)
        {
            foreach (string name in names)
            {
                string path = Baselines.PathOf(name);
                _baselines.Add((name, path));
                if (Baselines.Update)
                {
                    // Written by GetProjectCompilationAsync; compared on the next run.
                    continue;
                }

                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"missing baseline {path} (run the tests with K8S_UPDATE_BASELINES=1 to write it)");
                }

                TestState.GeneratedSources.Add((typeof(TGenerator), name + ".g.cs", SourceText.From(Baselines.Read(path), Encoding.UTF8)));
            }

            if (Baselines.Update)
            {
                TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            }
        }

        private readonly List<(string Name, string Path)> _baselines = new();

        protected override async Task<(Compilation compilation, System.Collections.Immutable.ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
        {
            var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken).ConfigureAwait(false);
            if (Baselines.Update)
            {
                foreach (var tree in result.compilation.SyntaxTrees)
                {
                    var match = _baselines.FirstOrDefault(b => tree.FilePath.EndsWith(Path.DirectorySeparatorChar + b.Name + ".g.cs", StringComparison.Ordinal));
                    if (match.Path is not null)
                    {
                        Baselines.Write(match.Path, tree.GetText(cancellationToken).ToString());
                    }
                }
            }

            return result;
        }

        protected override ParseOptions CreateParseOptions() => VerifierSettings.ParseOptions(base.CreateParseOptions(), LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions() => VerifierSettings.CompilationOptions(base.CreateCompilationOptions(), LanguageVersion);
    }

    /// <summary>The checked-in generated files, <c>Generator/Baselines/&lt;hint name without .g.cs&gt;.generated.txt</c>.</summary>
    private static class Baselines
    {
        public static bool Update => Environment.GetEnvironmentVariable("K8S_UPDATE_BASELINES") == "1";

        // The generator's version is a placeholder in the baselines, so a release does not churn them.
        private static string Version => $"\"{typeof(K8sManifestAnalyzers.Generator.ContainerImageGenerator).Assembly.GetName().Version}\"";

        public static string PathOf(string name) => Path.Combine(Folder(), name + ".generated.txt");

        public static string Read(string path) =>
            File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\"<ASSEMBLY_VERSION>\"", Version, StringComparison.Ordinal);

        public static void Write(string path, string generated) =>
            File.WriteAllText(path, generated.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(Version, "\"<ASSEMBLY_VERSION>\"", StringComparison.Ordinal));

        private static string Folder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "..", "Generator", "Baselines");
    }
}
