using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Analyzers.YamlManifestAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// The YAML front-end: manifests given to the compiler as AdditionalFiles, judged by the image and pull-policy rules,
/// with the file's own options and severities; what cannot be read is said once.
/// </summary>
public sealed class YamlManifestTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Task Verify(string yaml, params DiagnosticResult[] expected) => Run(yaml, null, "/deploy/app.yaml", expected);

    private static async Task Run(string yaml, string? editorconfig, string path, DiagnosticResult[] expected, bool optIn = false)
    {
        var test = new VerifyCS.Test { TestCode = "public static class Program { }", EnableOptInRules = optIn };
        test.TestState.AdditionalFiles.Add((path, yaml));
        if (editorconfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorconfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task PinnedImageWithPolicy_IsSilent()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            metadata: { name: web }
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
            """);
    }

    [Fact]
    public async Task CommentsSuppressOneLine_ByIdOrAll()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  image: nginx:latest  # kma-disable-line KMA005 (pinned by the deploy pipeline)
                  imagePullPolicy: Always
                - name: side
                  # KMA-Disable-Next-Line
                  image: busybox:latest
                  imagePullPolicy: Always
                - name: other
                  image: {|KMA005:redis:latest|}  # kma-disable-line KMA003, KMA010
                  imagePullPolicy: Always
            """);
    }

    [Fact]
    public async Task PodWithoutPolicy_IsKMA001_OnTheImageEntry()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  {|#0:image: nginx:1.27|}
            """,
            VerifyCS.Diagnostic("KMA001").WithLocation(0).WithArguments("'web'", "'IfNotPresent'"));
    }

    [Fact]
    public async Task MissingPolicy_NamesTheDefaultTheServerStores_AlwaysForLatest()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  {|#0:image: {|KMA005:nginx|}|}
            """,
            VerifyCS.Diagnostic("KMA001").WithLocation(0).WithArguments("'web'", "'Always'"));
    }

    [Theory]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("apps/v1", "StatefulSet")]
    [InlineData("apps/v1", "DaemonSet")]
    [InlineData("apps/v1", "ReplicaSet")]
    [InlineData("batch/v1", "Job")]
    [InlineData("v1", "ReplicationController")]
    public async Task WorkloadPodTemplates_AreRead(string apiVersion, string kind)
    {
        await Verify($$"""
            apiVersion: {{apiVersion}}
            kind: {{kind}}
            metadata:
              name: api
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: ghcr.io/acme/migrate:1.0
                      imagePullPolicy: {|KMA002:ifnotpresent|}
                  containers:
                    - name: api
                      image: {|KMA005:ghcr.io/acme/api:latest|}
                      imagePullPolicy: {|KMA003:IfNotPresent|}
            """);
    }

    [Fact]
    public async Task CronJob_JobTemplate_IsRead()
    {
        await Verify("""
            apiVersion: batch/v1
            kind: CronJob
            spec:
              schedule: "*/5 * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - name: report
                          image: {|KMA010:k8s.gcr.io/pause:3.9|}
                          imagePullPolicy: Always
            """);
    }

    [Fact]
    public async Task EphemeralContainers_AndImageVolumes_AreRead()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              ephemeralContainers:
                - name: debug
                  image: {|KMA004:Busybox:1.36|}
                  imagePullPolicy: Always
              containers:
                - name: app
                  image: app:1.0
                  imagePullPolicy: Always
              volumes:
                - name: models
                  image:
                    {|#0:reference: ghcr.io/acme/models:v1|}
            """,
            VerifyCS.Diagnostic(Descriptors.KMA001_YamlMissingVolumePullPolicy).WithLocation(0).WithArguments("'models'", "'IfNotPresent'"));
    }

    [Fact]
    public async Task MultiDocumentStreams_AndLists_AreRead_OtherKindsIgnored()
    {
        await Verify("""
            apiVersion: v1
            kind: Service
            metadata: { name: web }
            spec:
              containers:
                - name: not-a-pod
                  image: nginx
            ---
            apiVersion: example.com/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: custom-resource
                      image: nginx
            ---
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Pod
                spec:
                  containers:
                    - name: a
                      image: nginx:1.27
                      imagePullPolicy: {|KMA007:Never|}
              - apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - {|#0:name: b|}
                          image: ""
                          imagePullPolicy: Always
            ---
            """,
            VerifyCS.Diagnostic("KMA006").WithLocation(0).WithArguments("'b'", "an empty image"));
    }

    [Fact]
    public async Task ContainerWithoutImage_IsKMA006_OnItsName()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - {|#0:name: web|}
                  imagePullPolicy: Always
            """,
            VerifyCS.Diagnostic("KMA006").WithLocation(0).WithArguments("'web'", "no image"));
    }

    [Fact]
    public async Task MutableTags_AndAllowedRegistries_ComeFromTheYamlFilesOptions()
    {
        await Run(
            """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: api
                  image: {|KMA005:ghcr.io/acme/api:main|}
                  imagePullPolicy: {|KMA003:IfNotPresent|}
                - name: cache
                  image: {|KMA008:quay.io/redis:7|}
                  imagePullPolicy: Always
            """,
            "[*.yaml]\nk8s_manifests.mutable_tags = main\nk8s_manifests.allowed_registries = ghcr.io/acme\n",
            "/deploy/app.yaml",
            System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task OptionsOfCSharpFiles_DoNotApplyToYamlFiles()
    {
        await Run(
            """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: cache
                  image: quay.io/redis:7
                  imagePullPolicy: Always
            """,
            "[*.cs]\nk8s_manifests.allowed_registries = ghcr.io/acme\n",
            "/deploy/app.yaml",
            System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task OptInRules_AreOffUntilTurnedOn()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
            """);
    }

    [Fact]
    public async Task HelmTemplate_IsSkipped_WithOneInfo()
    {
        await Verify("""
            # {{ a comment is not a template }}
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: {|#0:{{ .Values.image }}|}
                      imagePullPolicy: {{ .Values.pullPolicy }}
            """,
            VerifyCS.Diagnostic("KMA302").WithLocation(0).WithArguments("{{ .Values.image }}"));
    }

    [Fact]
    public async Task InvalidYaml_IsOneKMA301_WhereTheParserStopped()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            spec:
              containers:
                - name: web
                  image: nginx
                 {|#0:i|}magePullPolicy: Always
            """,
            VerifyCS.Diagnostic("KMA301").WithLocation(0).WithArguments("While parsing a block collection, did not find expected '-' indicator"));
    }

    [Fact]
    // YamlDotNet places this error at the start of the mapping the tab breaks.
    public async Task TabsForIndentation_AreInvalidYaml()
    {
        await Verify("apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n", VerifyCS.Diagnostic("KMA301").WithSpan("/deploy/app.yaml", 1, 1, 1, 2).WithArguments("While scanning a mapping, found invalid tab as indentation"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("---\n")]
    [InlineData("# only a comment\n")]
    [InlineData("just a string")]
    [InlineData("- a\n- b\n")]
    [InlineData("apiVersion: v1\nkind: Pod\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec: 3\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  containers: web\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: [a, b]\n      imagePullPolicy: {x: 1}\n      name: web\n")]
    [InlineData("kind: List\nitems: {a: 1}\n")]
    public async Task EmptyOrOddFiles_AreSilent(string yaml)
    {
        await Verify(yaml);
    }

    [Fact]
    public async Task AnchorsAndAliases_AreFollowed_UndefinedOnesIgnored()
    {
        await Verify("""
            apiVersion: v1
            kind: Pod
            metadata:
              annotations: { image: {|KMA005:&img nginx:latest|} }
            spec:
              containers:
                - *undefined
                - name: web
                  image: *img
                  imagePullPolicy: Always
            """);
    }

    [Fact]
    public async Task ByteOrderMark_AndWindowsLineEnds_KeepTheLocations()
    {
        await Verify("\uFEFFapiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: web\r\n      image: nginx:1.27\r\n      imagePullPolicy: {|KMA002:always|}\r\n");
    }

    [Fact]
    public async Task FilesThatAreNotYaml_AreNotRead()
    {
        await Run("{{ not: yaml", null, "/deploy/values.txt", System.Array.Empty<DiagnosticResult>());
    }

    [Fact]
    public async Task YmlExtension_IsRead()
    {
        await Run("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: {|KMA005:nginx:latest|}\n      imagePullPolicy: Always\n", null, "/k8s/pod.YML", System.Array.Empty<DiagnosticResult>());
    }
}
