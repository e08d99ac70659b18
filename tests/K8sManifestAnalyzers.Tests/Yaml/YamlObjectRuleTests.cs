using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFile = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.YamlManifestAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// KMA105, KMA106, KMA117 and KMA119 on YAML files: a docker-registry Secret with a credential, empty or repeated
/// pull-secret entries, credentials in env values and ConfigMap data, env names listed twice; each on its scalar or entry,
/// silent for what the C# rules leave alone, honouring the file's `# kma-disable-line` comments.
/// </summary>
public sealed class YamlObjectRuleTests
{
    // {"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}
    internal const string DockerConfigBase64 = "eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6eyJhdXRoIjoiZFhObGNqcHdZWE56In19fQ==";

    private static async Task Verify(string yaml, string? editorconfig = null, params DiagnosticResult[] expected)
    {
        var test = new VerifyFile.Test { TestCode = "public static class Program { }" };
        test.TestState.AdditionalFiles.Add(("/deploy/app.yaml", yaml));
        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorconfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task DuplicateEnvName_ReportsTheEarlierEntry_WithTheLaterLine()
    {
        await Verify("""
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: api
                      image: nginx:1.27
                      imagePullPolicy: IfNotPresent
                      env:
                        - name: {|#0:LOG_LEVEL|}
                          value: info
                        - name: DB_HOST
                          value: db
                        - name: LOG_LEVEL
                          value: debug
            """,
            expected: VerifyFile.Diagnostic(Descriptors.KMA119_DuplicateEnvName).WithLocation(0).WithArguments("LOG_LEVEL", 15));
    }

    [Fact]
    public async Task EnvNames_DifferingInCase_OrInOtherContainers_OrSuppressed_AreSilent()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: a
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  env:
                    - { name: MODE, value: a }
                    - { name: mode, value: b }
                    - name: LEVEL  # kma-disable-line KMA119 kept for the old chart
                      value: info
                    - name: LEVEL
                      value: debug
                    - name: ""
                    - name: ""
                - name: b
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  env:
                    - { name: MODE, value: c }
            """);
    }

    [Fact]
    public async Task AnAliasedEnvList_IsJudgedOnce()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: a
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  env: &common
                    - name: {|#0:MODE|}
                      value: a
                    - name: MODE
                      value: b
                - name: b
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  env: *common
            """,
            expected: VerifyFile.Diagnostic(Descriptors.KMA119_DuplicateEnvName).WithLocation(0).WithArguments("MODE", 11));
    }

    [Fact]
    public async Task EmptyAndDuplicatePullSecretEntries_InPodTemplatesAndServiceAccounts()
    {
        await Verify("""
            apiVersion: batch/v1
            kind: CronJob
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      imagePullSecrets:
                        - name: regcred
                        - {|#0:{}|}
                        - {|#1:name: ""|}
                        - {|#2:name: regcred|}
                        - name: other
                      containers:
                        - name: job
                          image: nginx:1.27
                          imagePullPolicy: IfNotPresent
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: { name: builder }
            imagePullSecrets: [{ name: a }, {|#3:{ name: a }|}]
            """,
            expected: new[]
            {
                VerifyFile.Diagnostic("KMA106").WithLocation(0).WithArguments("This imagePullSecrets entry has no name"),
                VerifyFile.Diagnostic("KMA106").WithLocation(1).WithArguments("This imagePullSecrets entry has an empty name"),
                VerifyFile.Diagnostic("KMA106").WithLocation(2).WithArguments("The pull secret 'regcred' is listed twice"),
                VerifyFile.Diagnostic("KMA106").WithLocation(3).WithArguments("The pull secret 'a' is listed twice"),
            });
    }

    [Fact]
    public async Task DistinctPullSecrets_AndListsOfOtherKindsOrGroups_AreSilent()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              imagePullSecrets: [{ name: a }, { name: b }]
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
            ---
            apiVersion: example.com/v1
            kind: ServiceAccount
            imagePullSecrets: [{ name: a }, { name: a }]
            ---
            apiVersion: v1
            kind: ConfigMap
            imagePullSecrets: [{ name: a }, { name: a }]
            """);
    }

    [Fact]
    public async Task CredentialInEnvValue_IsReportedOnTheValue_NeverShowingIt()
    {
        await Verify("""
            apiVersion: apps/v1
            kind: StatefulSet
            spec:
              template:
                spec:
                  containers:
                    - name: db
                      image: postgres:16
                      imagePullPolicy: IfNotPresent
                      env:
                        - name: POSTGRES_PASSWORD
                          value: {|#0:"s3cr3t-Pa55"|}
                        - name: API_TOKEN
                          value: {|#1:ghp_abcdefghijklmnop|}
            """,
            expected: new[]
            {
                VerifyFile.Diagnostic(Descriptors.KMA117_CredentialInEnvValue).WithLocation(0).WithArguments("POSTGRES_PASSWORD"),
                VerifyFile.Diagnostic(Descriptors.KMA117_CredentialInEnvValue).WithLocation(1).WithArguments("API_TOKEN"),
            });
    }

    [Fact]
    public async Task EnvValues_ThatAreNoCredential_AreSilent()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: db
                  image: postgres:16
                  imagePullPolicy: IfNotPresent
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: { name: db, key: password }
                    - name: DB_PASSWORD_FILE
                      value: /run/secrets/db
                    - name: OTHER_PASSWORD
                      value: $(DB_PASSWORD)
                    - name: TEMPLATE_PASSWORD
                      value: "<password>"
                    - name: EMPTY_PASSWORD
                      value: ""
                    - name: NULL_PASSWORD
                    - name: REQUIRE_TOKEN
                      value: "true"
                    - name: TOKEN_TTL
                      value: "3600"
                    - name: AUTH_URL
                      value: https://auth.example.com/token
                    - name: LOG_LEVEL
                      value: debug
                    - name: API_KEY
                      value: abcdef123456  # kma-disable-line KMA117 a test cluster's key
                    # kma-disable-next-line
                    - { name: API_SECRET, value: abcdef123456 }
            """);
    }

    [Fact]
    public async Task CredentialInConfigMapData_IsReported_ButNotInASecret()
    {
        await Verify("""
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: settings }
            data:
              LOG_LEVEL: info
              db_password: {|#0:hunter2-prod|}
              redis_url: redis://cache:6379
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: db }
            stringData:
              db_password: hunter2-prod
            """,
            expected: VerifyFile.Diagnostic(Descriptors.KMA117_CredentialInConfigMap).WithLocation(0).WithArguments("db_password"));
    }

    [Fact]
    public async Task CredentialNames_FromTheFilesOwnOptions()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  env:
                    - name: LICENSE
                      value: {|#0:ABCD-1234-EFGH|}
            """,
            "[*.yaml]\nk8s_manifests.secret_env_names = license\n",
            VerifyFile.Diagnostic(Descriptors.KMA117_CredentialInEnvValue).WithLocation(0).WithArguments("LICENSE"));
    }

    [Fact]
    public async Task RegistryCredentialInADockerRegistrySecret_IsReportedOnTheValue()
    {
        await Verify($$$$"""
            apiVersion: v1
            kind: Secret
            metadata: { name: regcred }
            type: kubernetes.io/dockerconfigjson
            data:
              .dockerconfigjson: {|#0:{{{{DockerConfigBase64}}}}|}
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: legacy }
            type: kubernetes.io/dockercfg
            stringData:
              .dockercfg: {|#1:'{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}'|}
            """,
            expected: new[]
            {
                VerifyFile.Diagnostic("KMA105").WithLocation(0).WithArguments("The .dockerconfigjson of a docker-registry Secret is written in the manifest"),
                VerifyFile.Diagnostic("KMA105").WithLocation(1).WithArguments("The .dockercfg of a docker-registry Secret is written in the manifest"),
            });
    }

    [Fact]
    public async Task RegistrySecrets_WithPlaceholdersOrOfOtherTypes_AreSilent()
    {
        await Verify($$$$"""
            apiVersion: v1
            kind: Secret
            metadata: { name: empty }
            type: kubernetes.io/dockerconfigjson
            data:
              .dockerconfigjson: e30=
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: placeholder }
            type: kubernetes.io/dockerconfigjson
            stringData:
              .dockerconfigjson: '{"auths":{"registry.example.com":{"auth":""}}}'
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: filled-by-ci }
            type: kubernetes.io/dockerconfigjson
            data:
              .dockerconfigjson: <base64 of ~/.docker/config.json>
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: opaque }
            type: Opaque
            data:
              .dockerconfigjson: {{{{DockerConfigBase64}}}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: not-a-secret }
            data:
              .dockerconfigjson: {{{{DockerConfigBase64}}}}
            """);
    }
}
