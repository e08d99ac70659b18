using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.YamlLiteralAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// YAML written in C#: the constant string handed to KubernetesYaml.Deserialize, LoadFromString and LoadAllFromString
/// is judged by the image and pull-policy rules, with each finding on the scalar inside the literal (through escapes,
/// raw indentation and concatenation), on the whole argument when it cannot be placed exactly; KMA301 and KMA302 for
/// what cannot be read; silence for anything that is not a constant or not KubernetesClient's.
/// </summary>
public sealed class YamlLiteralTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) => VerifyCS.VerifyAnalyzerAsync(source, expected);

    [Fact]
    public async Task Deserialize_RawLiteral_ReportsAtTheScalars_IndentationRemoved()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.Deserialize<V1Pod>("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: web
                    spec:
                      containers:
                        - name: web
                          image: {|KMA005:nginx:latest|}
                          imagePullPolicy: {|KMA003:IfNotPresent|}
                        - name: side
                          image: ghcr.io/acme/side:1.0
                          imagePullPolicy: {|KMA007:Never|}
                    """);
            }
            """");
    }

    [Fact]
    public async Task LoadFromString_VerbatimLiteral_DoubledQuotesMapped()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.LoadFromString<V1Pod>(@"apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  image: {|KMA004:""Nginx:1.27""|}
                  imagePullPolicy: Always
            ");
            }
            """");
    }

    [Fact]
    public async Task LoadAllFromString_RegularLiteral_EscapesMapped()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static object Load() => KubernetesYaml.LoadAllFromString("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: {|KMA010:\"k8s.gcr.io/pause:3.9\"|}\n    imagePullPolicy: {|KMA002:Allways|}\n");
            }
            """");
    }

    [Fact]
    public async Task MissingPolicy_IsKMA001_OnTheImageEntryInsideTheLiteral()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.Deserialize<V1Pod>("""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          {|#0:image: nginx:1.27|}
                    """);
            }
            """",
            VerifyCS.Diagnostic(Descriptors.KMA001_YamlMissingPullPolicy).WithLocation(0).WithArguments("'web'", "'IfNotPresent'"));
    }

    [Fact]
    public async Task ConstFields_AndConstantConcatenation_MapToTheirDeclarations()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                private const string Image = "{|KMA004:Nginx:1.27|}";

                private const string Pod = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: " + Image + "\n    imagePullPolicy: {|KMA002:ifnotpresent|}\n";

                public static V1Pod Load() => KubernetesYaml.Deserialize<V1Pod>(Pod);

                public static V1Pod LoadLocal()
                {
                    const string Local = """
                        apiVersion: v1
                        kind: Pod
                        spec:
                          containers:
                            - name: local
                              image: {|KMA005:busybox|}
                              imagePullPolicy: Always
                        """;
                    return KubernetesYaml.LoadFromString<V1Pod>(Local);
                }
            }
            """");
    }

    [Fact]
    public async Task ConstantOfAnotherFile_IsReportedOnTheArgument()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s;
                using k8s.Models;

                public static class Program
                {
                    public static V1Pod Load() => KubernetesYaml.Deserialize<V1Pod>({|KMA005:Manifests.Pod|});
                }
                """,
        };
        test.TestState.Sources.Add(("/Manifests.cs", """"
            public static class Manifests
            {
                public const string Pod = """
                    apiVersion: v1
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          image: nginx
                          imagePullPolicy: Always
                    """;
            }
            """"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ScalarAcrossAnInterpolationHole_IsReportedOnTheWholeArgument()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                private const string Tag = "latest";

                public static V1Pod Load() => KubernetesYaml.Deserialize<V1Pod>({|KMA005:$"""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          image: nginx:{Tag}
                          imagePullPolicy: Always
                    """|});
            }
            """");
    }

    [Fact]
    public async Task MultiDocumentStreams_AndLists_AreRead()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static object Load() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: Service
                    metadata: { name: web }
                    ---
                    apiVersion: v1
                    kind: List
                    items:
                      - apiVersion: apps/v1
                        kind: Deployment
                        spec:
                          template:
                            spec:
                              containers:
                                - name: api
                                  image: {|KMA005:ghcr.io/acme/api|}
                                  imagePullPolicy: Always
                    ---
                    apiVersion: batch/v1
                    kind: CronJob
                    spec:
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              containers:
                                - name: report
                                  image: ghcr.io/acme/report:1.0
                                  imagePullPolicy: {|KMA007:Never|}
                    """);
            }
            """");
    }

    [Fact]
    public async Task CleanManifest_AndNonConstantArguments_AreSilent()
    {
        await Verify(""""
            using System.IO;
            using k8s;
            using k8s.Models;

            public static class Program
            {
                private static readonly string NotConstant = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: Nginx\n";

                public static V1Pod Clean() => KubernetesYaml.Deserialize<V1Pod>("""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          imagePullPolicy: IfNotPresent
                    """);

                public static V1Pod FromField() => KubernetesYaml.Deserialize<V1Pod>(NotConstant);

                public static V1Pod FromFile(string path) => KubernetesYaml.LoadFromString<V1Pod>(File.ReadAllText(path));

                public static V1Pod FromLocal()
                {
                    string yaml = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: Nginx\n";
                    return KubernetesYaml.Deserialize<V1Pod>(yaml);
                }

                public static string NotAnEntryPoint() => KubernetesYaml.Serialize("image: Nginx");
            }
            """");
    }

    [Fact]
    public async Task InvalidYaml_IsKMA301_OnceOnTheLiteral()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Load() => KubernetesYaml.Deserialize<V1Pod>({|KMA301:"""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                         imagePullPolicy: Always
                    """|});
            }
            """");
    }

    [Fact]
    public async Task HelmTemplate_IsKMA302_OnTheExpression()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Load() => KubernetesYaml.Deserialize<V1Pod>("""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          image: {|KMA302:{{ .Values.image }}|}
                    """);
            }
            """");
    }

    [Fact]
    public async Task WithoutKubernetesClientsYamlClass_IsSilent()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                namespace Other
                {
                    public static class KubernetesYaml
                    {
                        public static T Deserialize<T>(string yaml) => default!;
                    }

                    public static class Program
                    {
                        public static object Load() => KubernetesYaml.Deserialize<object>("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: Nginx\n");
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task KubernetesClient19_IsRead()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.KubernetesClient19,
            TestCode = """
                using k8s;
                using k8s.Models;

                public static class Program
                {
                    public static V1Pod Load() => KubernetesYaml.LoadFromString<V1Pod>("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: {|KMA005:nginx|}\n    imagePullPolicy: Always\n");
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task TheFilesEditorconfig_AppliesToFindingsInLiterals()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using k8s;
                using k8s.Models;

                public static class Program
                {
                    public static V1Pod Load() => KubernetesYaml.LoadFromString<V1Pod>("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: {|KMA008:nginx:latest|}\n    imagePullPolicy: {|KMA003:IfNotPresent|}\n  - name: dev\n    image: {|KMA008:docker.io/acme/dev:edge|}\n    imagePullPolicy: {|KMA003:IfNotPresent|}\n");
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.KMA005.severity = none
            k8s_manifests.mutable_tags = edge
            k8s_manifests.allowed_registries = ghcr.io/acme
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task HalfTypedCalls_DoNotThrow()
    {
        var test = new VerifyCS.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """"
                using k8s;
                using k8s.Models;

                public static class Program
                {
                    public static void Load()
                    {
                        KubernetesYaml.Deserialize<V1Pod>(
                        KubernetesYaml.Deserialize<V1Pod>("""
                            apiVersion: v1
                            kind: Pod
                            spec:
                              containers:
                                - name: web
                                  image: ngi
                        KubernetesYaml.LoadFromString<>("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n" +
                        KubernetesYaml.LoadAllFromString(@"kind: ""Pod
                        KubernetesYaml.LoadAllFromString($"kind: {Missing}");
                        KubernetesYaml.LoadAllFromString("\u12");
                    }
                }
                """",
        };
        await test.RunAsync();
    }
}
