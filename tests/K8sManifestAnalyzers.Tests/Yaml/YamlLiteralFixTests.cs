using System.Threading.Tasks;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<K8sManifestAnalyzers.Analyzers.YamlLiteralAnalyzer, K8sManifestAnalyzers.CodeFixes.EditYamlScalarCodeFix>;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// The fix of KMA002 and KMA004 in YAML written in a C# string: the scalar inside the literal is rewritten, the literal
/// keeps its kind and everything else; no fix where the scalar is escaped or has no replacement.
/// </summary>
public sealed class YamlLiteralFixTests
{
    [Fact]
    public async Task MisspeltPolicy_AndUppercaseImage_InARawLiteral_AreRewritten_FixAllToo()
    {
        await VerifyCS.VerifyCodeFixAsync(""""
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
                          image: {|KMA004:Shop/Web:1.2|}
                          imagePullPolicy: {|KMA002:allways|}
                        - name: side
                          image: ghcr.io/acme/side:1.0
                          imagePullPolicy: {|KMA002:'ifnotpresent'|}
                    """);
            }
            """", """"
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
                          image: shop/web:1.2
                          imagePullPolicy: Always
                        - name: side
                          image: ghcr.io/acme/side:1.0
                          imagePullPolicy: 'IfNotPresent'
                    """);
            }
            """");
    }

    [Fact]
    public async Task MisspeltPolicy_InARegularLiteralWithEscapes_IsRewritten()
    {
        await VerifyCS.VerifyCodeFixAsync(
            """
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.LoadFromString<V1Pod>("kind: Pod\nspec:\n  containers:\n  - name: web\n    image: \"nginx:1.27\"\n    imagePullPolicy: {|KMA002:Allways|}\n");
            }
            """,
            """
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod Pod() => KubernetesYaml.LoadFromString<V1Pod>("kind: Pod\nspec:\n  containers:\n  - name: web\n    image: \"nginx:1.27\"\n    imagePullPolicy: Always\n");
            }
            """);
    }

    [Fact]
    public async Task PolicyInAConstOfTheFile_GetsNoFix()
    {
        // Reported inside the constant, outside the call: the editor offers no fix for such a finding. The testing
        // library's own check of non-local findings is skipped so that a fix, if one were offered, would be applied and
        // fail the comparison with the unchanged source.
        const string Source = """"
            using k8s;
            using k8s.Models;

            public static class Program
            {
                private const string Manifest = """
                    kind: Pod
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          imagePullPolicy: {|KMA002:never|}
                    """;

                public static V1Pod Pod() => KubernetesYaml.Deserialize<V1Pod>(Manifest);
            }
            """";
        var test = new VerifyCS.Test { TestCode = Source, FixedCode = Source };
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task EscapedScalar_OrNoReplacement_GetsNoFix()
    {
        // 'Allways' written with a unicode escape: the source is not the scalar, so nothing is edited. A policy that is
        // close to no valid value has no replacement.
        await VerifyCS.VerifyNoCodeFixAsync(
            """
            using k8s;
            using k8s.Models;

            public static class Program
            {
                public static V1Pod A() => KubernetesYaml.LoadFromString<V1Pod>("kind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    imagePullPolicy: {|KMA002:\u0041llways|}\n");
                public static V1Pod B() => KubernetesYaml.LoadFromString<V1Pod>("kind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    imagePullPolicy: {|KMA002:sometimes|}\n");
            }
            """);
    }
}
