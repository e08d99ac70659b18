using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.PullSecretAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// One world for references: Secrets, ConfigMaps and service accounts defined in YAML files satisfy references from C#
/// and the reverse (KMA101 to KMA104, KMA111 to KMA116, KMA118), namespaces included; YAML references that resolve
/// nowhere are reported in the YAML file; a file that cannot be read causes no false report.
/// </summary>
public sealed class YamlWorldTests
{
    private static string Pod(string spec, string @namespace = "null") => $$"""
        using System.Collections.Generic;
        using k8s.Models;

        static class Pods
        {
            public static V1Pod Api() => new()
            {
                Metadata = new() { Name = "api", NamespaceProperty = {{@namespace}} },
                Spec = new V1PodSpec
                {
        {{spec}}
                },
            };
        }
        """;

    private static string Container(string env) => $$"""
                    Containers =
                    [
                        new()
                        {
                            Name = "api", Image = "registry.example.com/shop/api:1.0", ImagePullPolicy = "IfNotPresent",
                            Env = [{{env}}],
                        },
                    ],
        """;

    private static string SecretEnv(string name, string key) =>
        $"new() {{ Name = \"A\", ValueFrom = new() {{ SecretKeyRef = new() {{ Name = {name}, Key = {key} }} }} }}";

    private static string ConfigMapEnv(string name, string key) =>
        $"new() {{ Name = \"B\", ValueFrom = new() {{ ConfigMapKeyRef = new() {{ Name = {name}, Key = {key} }} }} }}";

    // C# definitions.
    private const string CodeObjects = """
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

    private const string CodeRegistry = """
        using System.Collections.Generic;
        using System.Text;
        using k8s.Models;

        static class Registries
        {
            public static V1Secret Registry(string config) => new()
            {
                Metadata = new() { Name = "code-registry" },
                Type = "kubernetes.io/dockerconfigjson",
                Data = new Dictionary<string, byte[]> { [".dockerconfigjson"] = Encoding.UTF8.GetBytes(config) },
            };
        }
        """;

    // YAML definitions.
    private const string YamlObjects = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: yaml-db
        type: Opaque
        stringData:
          password: from-vault
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: yaml-settings
        data:
          LOG_LEVEL: info
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: yaml-registry
        type: kubernetes.io/dockerconfigjson
        data:
          .dockerconfigjson: e30=
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: yaml-runner
        """;

    // KMA102 on the YAML registry Secret that nothing uses, at its name in YamlObjects (line 19 unless lines are added before it).
    private static DiagnosticResult UnusedYamlRegistry(int line = 19) =>
        VerifyCS.Diagnostic("KMA102").WithSpan("/deploy/objects.yaml", line, 9, line, 22).WithArguments("yaml-registry");

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
    public async Task CodeReferences_ToYamlDefinitions_AreSatisfied()
    {
        var test = Test(Pod(Container(SecretEnv("\"yaml-db\"", "\"password\"") + ", " + ConfigMapEnv("\"yaml-settings\"", "\"LOG_LEVEL\"")) + """
                        ServiceAccountName = "yaml-runner",
                        ImagePullSecrets = [new() { Name = "yaml-registry" }],
            """), CodeObjects);
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        await test.RunAsync();
    }

    [Fact]
    public async Task CodeReferences_WithoutYaml_AreReported_AsBefore()
    {
        var test = Test(Pod(Container(SecretEnv("{|#0:\"yaml-db\"|}", "\"password\"") + ", " + ConfigMapEnv("{|#1:\"yaml-settings\"|}", "\"LOG_LEVEL\"")) + """
                        ServiceAccountName = {|#2:"yaml-runner"|},
                        ImagePullSecrets = [new() { Name = {|#3:"yaml-registry"|} }],
            """), CodeObjects);
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("yaml-db", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMap).WithLocation(1).WithArguments("yaml-settings", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccount).WithLocation(2).WithArguments("yaml-runner", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(3).WithArguments("yaml-registry", string.Empty, string.Empty));

        // A file that is not YAML (a README) changes nothing.
        test.TestState.AdditionalFiles.Add(("/deploy/README.md", "kind: Secret\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task YamlReferences_ToCodeDefinitions_AreSatisfied_AndCountAsUses()
    {
        var test = Test(CodeObjects, CodeRegistry);
        test.EnableOptInRules = true;
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api }
            spec:
              template:
                spec:
                  serviceAccountName: code-runner
                  imagePullSecrets: [{ name: code-registry }]
                  containers:
                    - name: api
                      image: registry.example.com/shop/api:1.0
                      env:
                        - name: A
                          valueFrom: { secretKeyRef: { name: code-db, key: password } }
                      envFrom:
                        - configMapRef: { name: code-settings }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task MissingKeys_AcrossWorlds_AreReported_WhereTheKeyIsWritten()
    {
        var test = Test(Pod(Container(SecretEnv("\"yaml-db\"", "{|#0:\"pasword\"|}") + ", " + ConfigMapEnv("\"yaml-settings\"", "{|#1:\"LOGLEVEL\"|}"))), CodeObjects);
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: { name: worker }
            spec:
              containers:
                - name: worker
                  image: registry.example.com/shop/worker:1.0
                  env:
                    - name: A
                      valueFrom: { secretKeyRef: { name: code-db, key: {|#2:passwd|} } }
                  volumes: []
              volumes:
                - name: settings
                  configMap:
                    name: code-settings
                    items: [{ key: {|#3:LOG_LEVLE|}, path: level }]
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(0).WithArguments("yaml-db", "pasword", " (did you mean 'password'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(1).WithArguments("yaml-settings", "LOGLEVEL", " (did you mean 'LOG_LEVEL'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA112").WithLocation(2).WithArguments("code-db", "passwd", " (did you mean 'password'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA115").WithLocation(3).WithArguments("code-settings", "LOG_LEVLE", " (did you mean 'LOG_LEVEL'?)"));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());

        // Nothing uses these two, but the rules that say so are off by default.
        await test.RunAsync();
    }

    [Fact]
    public async Task DifferentNamespaces_AreStillReported_BothWays()
    {
        var test = Test(Pod(Container(SecretEnv("{|#0:\"yaml-db\"|}", "\"password\"")), "\"shop\""), CodeObjects.Replace("Name = \"code-db\"", "Name = \"code-db\", NamespaceProperty = \"billing\""));
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects.Replace("  name: yaml-db\n", "  name: yaml-db\n  namespace: billing\n")));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: { name: worker, namespace: shop }
            spec:
              containers:
                - name: worker
                  image: registry.example.com/shop/worker:1.0
                  envFrom:
                    - secretRef: { name: {|#1:code-db|} }
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(0).WithArguments("yaml-db", "shop", "billing"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInOtherNamespace).WithLocation(1).WithArguments("code-db", "shop", "billing"));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry(line: 20));
        await test.RunAsync();
    }

    [Fact]
    public async Task YamlOnlyUndefinedReferences_AreReported_AtTheirLineAndColumn()
    {
        var test = Test("static class Program { }");
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api }
            spec:
              template:
                spec:
                  serviceAccountName: {|#0:yaml-runer|}
                  imagePullSecrets:
                    - name: {|#1:yaml-regsitry|}
                  containers:
                    - name: api
                      image: registry.example.com/shop/api:1.0
                      env:
                        - name: A
                          valueFrom: { secretKeyRef: { name: {|#2:cache|}, key: password } }
                  volumes:
                    - name: settings
                      projected:
                        sources:
                          - configMap: { name: {|#3:yaml-setings|} }
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA118_UndefinedServiceAccountClosest).WithLocation(0).WithArguments("yaml-runer", "any namespace", "yaml-runner"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(1).WithArguments("yaml-regsitry", string.Empty, " (did you mean 'yaml-registry'?)"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(2).WithArguments("cache", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMapInVolumeClosest).WithLocation(3).WithArguments("yaml-setings", "any namespace", "yaml-settings"));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());
        await test.RunAsync();
    }

    [Fact]
    public async Task YamlPullSecrets_InAProjectThatDefinesNoSecret_AreNotReported()
    {
        // The registry Secret is created by CI, not in the repository: nothing in C# or YAML defines a Secret.
        const string App = """
            apiVersion: v1
            kind: Pod
            metadata: { name: api }
            spec:
              imagePullSecrets:
                - name: {|#0:ci-registry|}
              containers:
                - name: api
                  image: registry.example.com/shop/api:1.0
            """;
        var silent = Test("static class Program { }");
        silent.TestState.AdditionalFiles.Add(("/deploy/app.yaml", App.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
        await silent.RunAsync();

        // Once the project defines Secrets, an undefined one is reported as in C#.
        var reported = Test("static class Program { }");
        reported.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        reported.TestState.AdditionalFiles.Add(("/deploy/app.yaml", App));
        reported.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA101").WithLocation(0).WithArguments("ci-registry", string.Empty, string.Empty));
        reported.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());
        await reported.RunAsync();
    }

    [Fact]
    public async Task YamlReference_IsExactlyWhereTheNameIs()
    {
        var test = Test("static class Program { }");
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      envFrom:\n        - secretRef:\n            name: \"nope\"\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithSpan("/deploy/app.yaml", 8, 19, 8, 25).WithArguments("nope", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());
        await test.RunAsync();
    }

    [Fact]
    public async Task CommentsSuppress_TheCompilationEndFindings_OfTheirLine()
    {
        var test = Test("static class Program { }");
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      envFrom:\n        - secretRef:\n            name: nope  # kma-disable-line KMA111 created by the operator\n        - secretRef:\n            # kma-disable-next-line KMA112\n            name: {|#0:missing|}\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("missing", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());
        await test.RunAsync();
    }

    [Fact]
    public async Task OptionalYamlReferences_AreNotJudged_ButKeepTheirObjectsInUse()
    {
        var test = Test(CodeObjects, CodeRegistry);
        test.EnableOptInRules = true;
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: { name: worker }
            spec:
              serviceAccountName: code-runner
              imagePullSecrets: [{ name: code-registry }]
              containers:
                - name: worker
                  image: registry.example.com/shop/worker:1.0
                  env:
                    - name: A
                      valueFrom: { secretKeyRef: { name: code-db, key: other, optional: true } }
                    - name: B
                      valueFrom: { secretKeyRef: { name: vault-db, key: password, optional: true } }
                  envFrom:
                    - configMapRef: { name: code-settings, optional: true }
                    - configMapRef: { name: somewhere-else, optional: true }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnusedObjects_AcrossWorlds_AreReported_OnlyWhenNothingUsesThem()
    {
        var test = Test(Pod(Container(SecretEnv("\"yaml-db\"", "\"password\"")) + """
                        ImagePullSecrets = [new() { Name = "yaml-registry" }],
            """), CodeObjects.Replace("Name = \"code-settings\"", "Name = {|#0:\"code-settings\"|}"), CodeRegistry.Replace("Name = \"code-registry\"", "Name = {|#1:\"code-registry\"|}"));
        test.EnableOptInRules = true;
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects.Replace("  name: yaml-settings", "  name: {|#2:yaml-settings|}")));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: { name: worker }
            spec:
              containers:
                - name: worker
                  image: registry.example.com/shop/worker:1.0
                  envFrom:
                    - secretRef: { name: code-db }
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA116").WithLocation(0).WithArguments("code-settings"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA102").WithLocation(1).WithArguments("code-registry"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA116").WithLocation(2).WithArguments("yaml-settings"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PullSecretOfTheWrongType_DefinedInYaml_IsKMA104_OnItsType()
    {
        var test = Test(Pod(Container(string.Empty) + """
                        ImagePullSecrets = [new() { Name = "yaml-db" }],
            """));
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects.Replace("type: Opaque", "type: {|#0:Opaque|}")));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA104").WithLocation(0).WithArguments("yaml-db", "its type is 'Opaque': the kubelet ignores it and pulls without credentials"));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());
        await test.RunAsync();
    }

    [Fact]
    public async Task UnreadableYaml_MakesNoFalseReport()
    {
        // The code defines a Secret, a ConfigMap and a service account, so its references are judged; the broken file
        // and the Helm template may define what they name (their text has those kinds) and may use anything.
        var test = Test(Pod(Container(SecretEnv("\"chart-db\"", "\"password\"") + ", " + ConfigMapEnv("\"chart-settings\"", "\"x\"")) + """
                        ServiceAccountName = "chart-runner",
            """), CodeObjects, CodeRegistry);
        test.EnableOptInRules = true;
        test.TestState.AdditionalFiles.Add(("/deploy/broken.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: chart-db\n   bad: indentation\n"));
        test.TestState.AdditionalFiles.Add(("/charts/api/templates/objects.yaml", """
            apiVersion: v1
            kind: "ConfigMap"
            metadata:
              name: {{ .Release.Name }}-settings
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: {{ .Release.Name }}-runner
            """));

        // Unused objects stay silent too (KMA102, KMA113 and KMA116 are on): the unreadable files may use them.
        await test.RunAsync();
    }

    [Fact]
    public async Task UnreadableYaml_WithoutTheKind_KeepsTheRuleForThatKind()
    {
        var test = Test(Pod(Container(SecretEnv("{|#0:\"chart-db\"|}", "\"password\""))), CodeObjects);
        test.TestState.AdditionalFiles.Add(("/charts/api/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("chart-db", "any namespace"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ExternalObjects_AreReadFromTheYamlFilesOwnOptions()
    {
        var test = Test("static class Program { }");
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: { name: worker, namespace: shop }
            spec:
              serviceAccountName: vault-agent
              imagePullSecrets: [{ name: corp-pull }]
              containers:
                - name: worker
                  image: registry.example.com/shop/worker:1.0
                  envFrom:
                    - secretRef: { name: sealed-db }
                    - configMapRef: { name: shared-settings }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.yaml]
            k8s_manifests.external_secrets = shop/sealed-db
            k8s_manifests.external_config_maps = shared-settings
            k8s_manifests.external_pull_secrets = corp-pull
            k8s_manifests.external_service_accounts = vault-agent
            """));
        test.TestState.ExpectedDiagnostics.Add(UnusedYamlRegistry());
        await test.RunAsync();
    }

    [Fact]
    public async Task IngressTls_InYaml_IsJudged_UnlessCertManagerIssuesIt()
    {
        var test = Test("static class Program { }");
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/ingress.yaml", """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: { name: web }
            spec:
              tls:
                - hosts: [shop.example.com]
                  secretName: {|#0:web-tls|}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: api
              annotations:
                cert-manager.io/cluster-issuer: letsencrypt
            spec:
              tls:
                - secretName: api-tls
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: { name: builder }
            imagePullSecrets: [{ name: yaml-registry }]
            secrets: [{ name: {|#1:builder-token|} }]
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInIngressTls).WithLocation(0).WithArguments("web-tls", "any namespace"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecretInServiceAccount).WithLocation(1).WithArguments("builder-token", "any namespace"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PrivateImageInYaml_WithoutPullSecrets_IsKMA103_UnlessItsServiceAccountHasOne()
    {
        var test = Test(Pod(Container(string.Empty) + """
                        ServiceAccountName = "yaml-builder",
            """));
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects + """

            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: { name: yaml-builder }
            imagePullSecrets: [{ name: yaml-registry }]
            """));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: apps/v1
            {|#1:kind: Deployment|}
            metadata: { name: api }
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: {|#0:registry.example.com/shop/api:1.0|}
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.{cs,yaml}]\nk8s_manifests.private_registries = registry.example.com\n"));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("KMA103").WithLocation(0).WithLocation(1).WithArguments("registry.example.com/shop/api:1.0", "registry.example.com", string.Empty));
        await test.RunAsync();
    }

    [Fact]
    public async Task ListsAndKustomizeGenerators_DefineObjects()
    {
        var test = Test(Pod(Container(ConfigMapEnv("\"generated-settings\"", "\"anything\"") + ", " + SecretEnv("\"listed-db\"", "\"password\""))), CodeObjects);
        test.TestState.AdditionalFiles.Add(("/deploy/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            configMapGenerator:
              - name: generated-settings
                literals: [anything=1]
            """));
        test.TestState.AdditionalFiles.Add(("/deploy/list.yml", """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Secret
                metadata: { name: listed-db }
                stringData: { password: x }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task KustomizationThatRenames_MakesNoFalseReport()
    {
        var test = Test(Pod(Container(SecretEnv("\"prod-db\"", "\"password\""))), CodeObjects);
        test.TestState.AdditionalFiles.Add(("/deploy/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: prod-\n"));
        test.TestState.AdditionalFiles.Add(("/deploy/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: { name: db }\nstringData: { password: x }\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AliasesThatRepeatReferences_StayBounded_AndMakeNoFalseReport()
    {
        // 300 containers aliasing one env list of 300 references to an undefined Secret: 90,000 references written once.
        var env = string.Concat(System.Linq.Enumerable.Repeat("    - { name: A, valueFrom: { secretKeyRef: { name: nowhere, key: k } } }\n", 300));
        var containers = string.Concat(System.Linq.Enumerable.Repeat("    - { name: c, image: nginx, env: *env }\n", 300));
        var yaml = "apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n    - name: first\n      env: &env\n" + env.Replace("    - ", "        - ") + "  containers:\n" + containers;
        var test = Test(CodeObjects);
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", yaml));
        await test.RunAsync();
    }

    [Fact]
    public async Task AnAliasedReference_IsReportedOnce()
    {
        var test = Test(CodeObjects);
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            spec:
              initContainers:
                - name: first
                  env: &env
                    - { name: A, valueFrom: { secretKeyRef: { name: {|#0:nowhere|}, key: k } } }
              containers:
                - { name: a, image: nginx, env: *env }
                - { name: b, image: nginx, env: *env }
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA111_UndefinedSecret).WithLocation(0).WithArguments("nowhere", "any namespace"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutKubernetesClient_YamlFilesAreStillMatched()
    {
        var test = new VerifyCS.Test { TestCode = "static class Program { }", ReferenceAssemblies = Verifiers.KubernetesReferences.WithoutKubernetes };
        test.TestState.AdditionalFiles.Add(("/deploy/objects.yaml", YamlObjects));
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", """
            apiVersion: v1
            kind: Pod
            spec:
              serviceAccountName: yaml-runner
              imagePullSecrets: [{ name: yaml-registry }]
              containers:
                - name: a
                  image: nginx:1.27
                  envFrom:
                    - secretRef: { name: yaml-db }
                    - configMapRef: { name: {|#0:yaml-setings|} }
            """));
        test.TestState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.KMA114_UndefinedConfigMapClosest).WithLocation(0).WithArguments("yaml-setings", "any namespace", "yaml-settings"));
        await test.RunAsync();
    }
}
