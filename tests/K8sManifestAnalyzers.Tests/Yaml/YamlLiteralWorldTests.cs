using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;
using VerifyFix = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RenameConfigReferenceCodeFix>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// YAML in C# strings joins the one world of references (KMA101 to KMA104, KMA111 to KMA116, KMA118): objects a string
/// defines satisfy references from C#, YAML files and other strings, and its references use and need objects from any
/// of them, namespaces included; findings in a string are on the scalar inside it and carry no C# fix; a string that
/// cannot be read causes no false report.
/// </summary>
public sealed class YamlLiteralWorldTests
{
    // C# objects and a C# pod whose references the strings below satisfy or not.
    private const string Code = """
        using System.Collections.Generic;
        using k8s.Models;

        static class Objects
        {
            public static V1Secret Database() => new()
            {
                Metadata = new() { Name = "code-db" },
                Type = "Opaque",
                StringData = new Dictionary<string, string> { ["password"] = System.Environment.GetEnvironmentVariable("DB")! },
            };

            public static V1ConfigMap Settings() => new()
            {
                Metadata = new() { Name = "code-settings" },
                Data = new Dictionary<string, string> { ["LOG_LEVEL"] = "info" },
            };

            public static V1ServiceAccount Runner() => new() { Metadata = new() { Name = "code-runner" } };
        }
        """;

    private static string CodePod(string secretName, string mapName, string account) => $$"""
        using k8s.Models;

        static class Pods
        {
            public static V1Pod Api() => new()
            {
                Metadata = new() { Name = "api" },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = {{account}},
                    Containers =
                    [
                        new()
                        {
                            Name = "api", Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent",
                            Env =
                            [
                                new() { Name = "A", ValueFrom = new() { SecretKeyRef = new() { Name = {{secretName}}, Key = "password" } } },
                                new() { Name = "B", ValueFrom = new() { ConfigMapKeyRef = new() { Name = {{mapName}}, Key = "LOG_LEVEL" } } },
                            ],
                        },
                    ],
                },
            };
        }
        """;

    private const string LiteralObjects = """"
        using k8s;

        static class Literals
        {
            public static object Objects() => KubernetesYaml.LoadAllFromString("""
                apiVersion: v1
                kind: Secret
                metadata: { name: literal-db }
                stringData:
                  password: from-vault
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: { name: literal-settings }
                data:
                  LOG_LEVEL: info
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: { name: literal-runner }
                """);
        }
        """";

    private static VerifyCS.Test Test(params string[] sources)
    {
        var test = new VerifyCS.Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test;
    }

    [Fact]
    public async Task CodeReferences_ToObjectsDefinedInAString_AreSatisfied()
    {
        await Test(CodePod("\"literal-db\"", "\"literal-settings\"", "\"literal-runner\""), Code, LiteralObjects).RunAsync();
    }

    [Fact]
    public async Task CodeReferences_WithoutTheString_AreReported_AsBefore()
    {
        var test = Test(CodePod("{|#0:\"literal-db\"|}", "{|#1:\"literal-settings\"|}", "{|#2:\"literal-runner\"|}"), Code);
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("literal-db", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMap).WithLocation(1).WithArguments("literal-settings", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("literal-runner", "any namespace"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencesInAString_UseCodeAndFileObjects_AndAreReportedInsideTheLiteral()
    {
        var test = Test(Code.Replace("Name = \"code-settings\"", "Name = {|#3:\"code-settings\"|}"), """"
            using k8s;
            using k8s.Models;

            static class Literals
            {
                public static V1Deployment Api() => KubernetesYaml.Deserialize<V1Deployment>("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: { name: api }
                    spec:
                      template:
                        spec:
                          serviceAccountName: {|#0:code-runer|}
                          containers:
                            - name: api
                              image: nginx:1.27
                              env:
                                - name: A
                                  valueFrom: { secretKeyRef: { name: code-db, key: {|#1:pasword|} } }
                                - name: B
                                  valueFrom: { secretKeyRef: { name: file-db, key: password } }
                              envFrom:
                                - configMapRef: { name: {|#2:code-setings|} }
                    """);
            }
            """");
        test.EnableOptInRules = true;
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", "apiVersion: v1\nkind: Secret\nmetadata: { name: file-db }\nstringData: { password: x }\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(0).WithArguments("code-runer", "any namespace", "code-runner"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(1).WithArguments("code-db", "pasword", " (did you mean 'password'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMapClosest).WithLocation(2).WithArguments("code-setings", "any namespace", "code-settings"));

        // KMA113 and KMA116 are on: code-db and file-db are used by the string; code-settings is unused (the string misspells it).
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA116").WithLocation(3).WithArguments("code-settings"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FindingsInAString_OfferNoCSharpFix()
    {
        const string Source = """"
            using k8s;
            using k8s.Models;

            static class Literals
            {
                public static object Objects() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: { name: settings }
                    data: { LOG_LEVEL: info }
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: { name: api }
                    spec:
                      containers:
                        - name: api
                          image: nginx:1.27
                          envFrom:
                            - configMapRef: { name: {|#0:setings|} }
                    """);
            }
            """";
        var test = new VerifyFix.Test { TestCode = Source, FixedCode = Source, CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(Descriptors.KMA114_UndefinedConfigMapClosest).WithLocation(0).WithArguments("setings", "any namespace", "settings"));
        await test.RunAsync();
    }

    [Fact]
    public async Task NamespacesOfAString_AreMatched_BothWays()
    {
        var test = Test(Code.Replace("Name = \"code-db\"", "Name = \"code-db\", NamespaceProperty = \"billing\""), """"
            using k8s;
            using k8s.Models;

            static class Literals
            {
                public static object Objects() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: Pod
                    metadata: { name: worker, namespace: shop }
                    spec:
                      containers:
                        - name: worker
                          image: nginx:1.27
                          envFrom:
                            - secretRef: { name: {|#0:code-db|} }
                            - secretRef: { name: literal-db }
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: { name: literal-db, namespace: shop }
                    stringData: { password: x }
                    """);

                public static V1Pod Other() => new()
                {
                    Metadata = new() { Name = "other", NamespaceProperty = "billing" },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new()
                            {
                                Name = "other", Image = "nginx:1.27", ImagePullPolicy = "IfNotPresent",
                                EnvFrom = [new() { SecretRef = new() { Name = {|#1:"literal-db"|} } }],
                            },
                        ],
                    },
                };
            }
            """");
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(0).WithArguments("code-db", "shop", "billing"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(1).WithArguments("literal-db", "billing", "shop"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PullSecretsAndPrivateImages_InAString_JoinTheWorld()
    {
        var test = Test(""""
            using System.Collections.Generic;
            using System.Text;
            using k8s;
            using k8s.Models;

            static class Literals
            {
                public static V1Secret Registry(string config) => new()
                {
                    Metadata = new() { Name = "code-registry" },
                    Type = "kubernetes.io/dockerconfigjson",
                    Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(config) },
                };

                public static object Objects() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: Pod
                    metadata: { name: uses-code-registry }
                    spec:
                      imagePullSecrets: [{ name: code-registry }]
                      containers:
                        - { name: a, image: registry.example.com/shop/a:1.0 }
                    ---
                    apiVersion: v1
                    {|#1:kind: Pod|}
                    metadata: { name: no-secret }
                    spec:
                      containers:
                        - { name: b, image: {|#0:registry.example.com/shop/b:1.0|} }
                    ---
                    apiVersion: v1
                    kind: Pod
                    metadata: { name: misspelt }
                    spec:
                      imagePullSecrets: [{ name: {|#2:code-regsitry|} }]
                      containers:
                        - { name: c, image: registry.example.com/shop/c:1.0 }
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: { name: {|#3:literal-registry|} }
                    type: kubernetes.io/dockerconfigjson
                    data: { .dockerconfigjson: e30= }
                    """);
            }
            """");
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nk8s_manifests.private_registries = registry.example.com\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/b:1.0", "registry.example.com", string.Empty));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(2).WithArguments("code-regsitry", string.Empty, " (did you mean 'code-registry'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA102").WithLocation(3).WithArguments("literal-registry"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AConstantReadAtTwoCalls_IsOneDefinitionAndItsFindingsAreSaidOnce()
    {
        var test = Test(Code, """"
            using k8s;
            using k8s.Models;

            static class Literals
            {
                private const string Manifests = """
                    apiVersion: v1
                    kind: Pod
                    metadata: { name: api }
                    spec:
                      containers:
                        - name: api
                          image: nginx:1.27
                          envFrom:
                            - secretRef: { name: {|#0:code-bd|} }
                    """;

                public static object First() => KubernetesYaml.LoadAllFromString(Manifests);

                public static V1Pod Second() => KubernetesYaml.Deserialize<V1Pod>(Manifests);
            }
            """");
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretClosest).WithLocation(0).WithArguments("code-bd", "any namespace", "code-db"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AStringThatCannotBeRead_MakesNoFalseReport()
    {
        // The code's references are judged (it defines objects of each kind); the broken string and the template string
        // may define what they name (their text has those kinds) and may use anything.
        var test = Test(CodePod("\"chart-db\"", "\"chart-settings\"", "\"chart-runner\""), Code, """"
            using k8s;

            static class Literals
            {
                public static object Broken() => KubernetesYaml.LoadAllFromString("apiVersion: v1\nkind: Secret\nmetadata:\n  name: chart-db\n   bad: indentation\n");

                public static object Template() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: {{ .Release.Name }}-settings
                    ---
                    apiVersion: v1
                    kind: ServiceAccount
                    metadata:
                      name: {{ .Release.Name }}-runner
                    """);
            }
            """");
        test.EnableOptInRules = true;
        await test.RunAsync();
    }
}
