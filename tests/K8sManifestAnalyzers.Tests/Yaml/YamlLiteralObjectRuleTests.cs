using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.YamlLiteralAnalyzer>;
using VerifyRemoveEntry = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Analyzers.YamlLiteralAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RemovePullSecretEntryCodeFix>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// KMA105, KMA106, KMA117 and KMA119 on YAML in C# strings handed to KubernetesYaml: on the scalar or entry inside the
/// literal, on the whole argument when it cannot be placed, silent where the C# rules are.
/// </summary>
public sealed class YamlLiteralObjectRuleTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) => VerifyCS.VerifyAnalyzerAsync(source, expected);

    [Fact]
    public async Task DuplicateEnvName_InARawLiteral_NamesTheLaterLineOfTheSourceFile()
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
                          image: nginx:1.27
                          imagePullPolicy: IfNotPresent
                          env:
                            - name: {|#0:MODE|}
                              value: a
                            - name: OTHER
                              value: b
                            - name: MODE
                              value: c
                    """);
            }
            """",
            VerifyCS.Diagnostic(Descriptors.KMA119_DuplicateEnvName).WithLocation(0).WithArguments("MODE", 19));
    }

    [Fact]
    public async Task DuplicateEnvName_WhoseLaterEntryCannotBePlaced_NamesNoLine()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.Deserialize<V1Pod>(
                    "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    imagePullPolicy: Always\n    env:\n    - name: {|#0:MODE|}\n      value: a\n    - name: MODE\n"
                    + "      value: b\n");
            }
            """",
            VerifyCS.Diagnostic(Descriptors.KMA119_YamlDuplicateEnvNameLater).WithLocation(0).WithArguments("MODE"));
    }

    [Fact]
    public async Task PullSecretEntries_CredentialsAndRegistrySecrets_AreReportedInsideTheLiteral()
    {
        await Verify(""""
            using k8s;

            public static class Program
            {
                public static object Load() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      imagePullSecrets: [{ name: regcred }, {|#0:{ name: regcred }|}, {|#1:{}|}]
                      containers:
                        - name: db
                          image: postgres:16
                          imagePullPolicy: IfNotPresent
                          env:
                            - name: POSTGRES_PASSWORD
                              value: {|#2:hunter2-prod|}
                            - name: REPLICA_PASSWORD
                              valueFrom: { secretKeyRef: { name: db, key: replica } }
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: { name: settings }
                    data:
                      api_token: {|#3:tok-123456789|}
                      log_level: info
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: { name: regcred }
                    type: kubernetes.io/dockerconfigjson
                    stringData:
                      .dockerconfigjson: {|#4:'{"auths": {"registry.example.com": {"password": "p4ss"}}}'|}
                    """);
            }
            """",
            VerifyCS.Diagnostic("KMA106").WithLocation(0).WithArguments("The pull secret 'regcred' is listed twice"),
            VerifyCS.Diagnostic("KMA106").WithLocation(1).WithArguments("This imagePullSecrets entry has no name"),
            VerifyCS.Diagnostic(Descriptors.KMA117_CredentialInEnvValue).WithLocation(2).WithArguments("POSTGRES_PASSWORD"),
            VerifyCS.Diagnostic(Descriptors.KMA117_CredentialInConfigMap).WithLocation(3).WithArguments("api_token"),
            VerifyCS.Diagnostic("KMA105").WithLocation(4).WithArguments("The .dockerconfigjson of a docker-registry Secret is written in the manifest"));
    }

    [Fact]
    public async Task AValueSpanningTwoPiecesOfAConcatenation_IsReportedOnTheWholeArgument()
    {
        await Verify(""""
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.Deserialize<V1Pod>({|#0:"apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: db\n    image: postgres:16\n    imagePullPolicy: Always\n    env:\n    - name: DB_PASSWORD\n      value: hunter" + "2-prod\n"|});
            }
            """",
            VerifyCS.Diagnostic(Descriptors.KMA117_CredentialInEnvValue).WithLocation(0).WithArguments("DB_PASSWORD"));
    }

    [Fact]
    public async Task APullSecretEntryInAString_IsNotRemovedByTheCSharpFix()
    {
        // The C# fix removes an element of a C# list; inside a string (or on the whole argument) it must leave the code alone.
        const string Source = """"
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.Deserialize<V1Pod>("""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      imagePullSecrets: [{ name: a }, {|#0:{ name: a }|}]
                      containers:
                        - { name: web, image: nginx:1.27, imagePullPolicy: Always }
                    """);

                public static V1Pod[] Pods() => new[]
                {
                    KubernetesYaml.Deserialize<V1Pod>({|#1:"kind: Pod\nspec:\n  imagePullSecrets: [{" + "}]\n  containers: [{ name: web, image: \"nginx:1.27\", imagePullPolicy: Always }]\n"|}),
                };
            }
            """";
        var test = new VerifyRemoveEntry.Test { TestCode = Source, FixedCode = Source };
        test.ExpectedDiagnostics.Add(VerifyRemoveEntry.Diagnostic("KMA106").WithLocation(0).WithArguments("The pull secret 'a' is listed twice"));
        test.ExpectedDiagnostics.Add(VerifyRemoveEntry.Diagnostic("KMA106").WithLocation(1).WithArguments("This imagePullSecrets entry has no name"));
        await test.RunAsync();
    }

    [Fact]
    public async Task CleanManifests_AndObjectsOfOtherKinds_AreSilent()
    {
        await Verify(""""
            using k8s;

            public static class Program
            {
                public static object Load() => KubernetesYaml.LoadAllFromString("""
                    apiVersion: v1
                    kind: Pod
                    spec:
                      imagePullSecrets: [{ name: a }, { name: b }]
                      containers:
                        - name: web
                          image: nginx:1.27
                          imagePullPolicy: IfNotPresent
                          env:
                            - { name: MODE, value: a }
                            - { name: mode, value: b }
                            - { name: DB_PASSWORD, value: "${DB_PASSWORD}" }
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: { name: db }
                    stringData:
                      password: hunter2-prod
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: { name: web }
                    spec:
                      ports: [{ port: 80 }]
                    """);
            }
            """");
    }
}
