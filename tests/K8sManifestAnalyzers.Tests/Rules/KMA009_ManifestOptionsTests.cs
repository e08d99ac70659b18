using System.Threading.Tasks;
using K8sManifestAnalyzers.Analyzers;
using K8sManifestAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ManifestOptionsAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>
/// KMA009 on keys and values, read through the compiler's own parsing of <c>.editorconfig</c> and <c>.globalconfig</c>
/// (the entries of list options are tested in BuilderRulesTests).
/// </summary>
public sealed class KMA009_ManifestOptionsTests
{
    private const string Source = "class A { } class B { }";

    private const string AllKeys = "k8s_manifests.allowed_registries, k8s_manifests.external_config_maps, k8s_manifests.external_pull_secrets, k8s_manifests.external_secrets, k8s_manifests.external_service_accounts, k8s_manifests.mutable_tags, k8s_manifests.private_registries, k8s_manifests.property_defaults, k8s_manifests.secret_env_names";

    [Theory]
    [InlineData("k8s_manifests.external_configmaps", "k8s_manifests.external_config_maps")]
    [InlineData("k8s_manifests.allowed_registry", "k8s_manifests.allowed_registries")]
    [InlineData("k8s_manifests.private_registry", "k8s_manifests.private_registries")]
    [InlineData("k8s_manifests.external_secret", "k8s_manifests.external_secrets")]
    [InlineData("k8s_manifests.external_serviceaccounts", "k8s_manifests.external_service_accounts")]
    [InlineData("k8s_manifests.propertydefaults", "k8s_manifests.property_defaults")]
    public Task MisspeltKeyInEditorConfig_IsReportedWithTheClosestKey(string key, string closest) =>
        Verify(EditorConfig($"{key} = shop-config"), VerifyCS.Diagnostic(Descriptors.KMA009_UnknownKeyNear).WithArguments(key, closest));

    [Fact]
    public Task MisspeltKeyInGlobalConfig_IsReportedOnce() =>
        Verify(
            GlobalConfig("k8s_manifests.external_configmaps = shop-config"),
            VerifyCS.Diagnostic(Descriptors.KMA009_UnknownKeyNear).WithArguments("k8s_manifests.external_configmaps", "k8s_manifests.external_config_maps"));

    [Fact]
    public Task KeyCloseToNone_IsReportedWithTheKnownKeys() =>
        Verify(EditorConfig("k8s_manifests.namespace = shop"), VerifyCS.Diagnostic(Descriptors.KMA009_UnknownKey).WithArguments("k8s_manifests.namespace", AllKeys));

    [Fact]
    public Task SameMisspeltKeyInBothFiles_IsReportedOnce() =>
        Verify(
            [EditorConfig("k8s_manifests.allowed_registry = ghcr.io"), GlobalConfig("k8s_manifests.allowed_registry = ghcr.io")],
            VerifyCS.Diagnostic(Descriptors.KMA009_UnknownKeyNear).WithArguments("k8s_manifests.allowed_registry", "k8s_manifests.allowed_registries"));

    [Fact]
    public Task KnownKeysAndOtherTools_AreNotReported() =>
        Verify(
            [
                EditorConfig("""
                    k8s_manifests.allowed_registries = ghcr.io/acme
                    K8S_MANIFESTS.External_Secrets = shop-db
                    k8s_manifests.property_defaults = FALSE
                    dotnet_diagnostic.KMA005.severity = error
                    dotnet_diagnostic.k8s_manifests.severity = none
                    k8s_manifestsx.anything = 1
                    csharp_style_var_elsewhere = true:silent
                    """),
                GlobalConfig("""
                    k8s_manifests.private_registries = registry.example.com
                    k8s_manifests.property_defaults =  true
                    build_property.k8s_manifests = 1
                    """),
            ]);

    [Theory]
    [InlineData("no")]
    [InlineData("0")]
    [InlineData("off")]
    [InlineData("fals")]
    public Task PropertyDefaultsOtherThanTrueOrFalse_IsReported(string value) =>
        Verify(
            EditorConfig($"k8s_manifests.property_defaults = {value}"),
            VerifyCS.Diagnostic(Descriptors.KMA009_InvalidValue).WithArguments("k8s_manifests.property_defaults", value, "true or false", "true"));

    [Fact]
    public Task PropertyDefaultsInGlobalConfig_IsChecked() =>
        Verify(
            GlobalConfig("k8s_manifests.property_defaults = yes"),
            VerifyCS.Diagnostic(Descriptors.KMA009_InvalidValue).WithArguments("k8s_manifests.property_defaults", "yes", "true or false", "true"));

    [Theory]
    [InlineData("k8s_manifests.external_pull_secrets", "Mirror_Credentials", "pull secret")]
    [InlineData("k8s_manifests.external_secrets", "Shop_Db", "Secret")]
    [InlineData("k8s_manifests.external_config_maps", "Shop_Config", "ConfigMap")]
    [InlineData("k8s_manifests.external_service_accounts", "Vault_Agent", "service account")]
    public Task InvalidName_IsReportedAsTheOptionsKindOfObject(string key, string name, string kind) =>
        Verify(EditorConfig($"{key} = ok-name, {name}"), VerifyCS.Diagnostic(Descriptors.KMA009_InvalidObjectName).WithArguments(key, name, name, kind));

    [Fact]
    public Task InvalidNamespace_IsReported() =>
        Verify(
            EditorConfig("k8s_manifests.external_config_maps = Shop/shop-config"),
            VerifyCS.Diagnostic(Descriptors.KMA009_InvalidNamespace).WithArguments("k8s_manifests.external_config_maps", "Shop/shop-config", "Shop"));

    [Fact]
    public Task RegistryEntry_IsReportedAsARegistryPrefix() =>
        Verify(
            GlobalConfig("k8s_manifests.allowed_registries = *.example.com"),
            VerifyCS.Diagnostic(Descriptors.KMA009_OptionNeverMatches).WithArguments(
                "k8s_manifests.allowed_registries", "*.example.com", "wildcards are not supported: list each registry host or path prefix, such as 'registry.example.com'"));

    [Fact]
    public async Task AssemblySuppressMessage_SuppressesIt()
    {
        var test = new VerifyCS.Test { TestCode = """[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "KMA009")]""" };
        test.TestState.AnalyzerConfigFiles.Add(EditorConfig("k8s_manifests.external_configmaps = shop-config"));
        await test.RunAsync();
    }

    // The host itself, not the view: one compilation-end action checks the options and matches the references.
    [Fact]
    public async Task WithManifests_TheOneEndActionChecksTheOptionsBesideTheReferences()
    {
        var test = new CSharpAnalyzerVerifier<PullSecretAnalyzer>.Test
        {
            TestCode = """
                using k8s.Models;

                static class Pods
                {
                    public static V1PodSpec Api() => new()
                    {
                        Containers = [new() { Name = "api", Image = "registry.example.com/shop/api:3.2.0", ImagePullPolicy = "IfNotPresent" }],
                        ImagePullSecrets = [new() { Name = {|#0:"shop-registry"|} }],
                    };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(EditorConfig("k8s_manifests.external_secret = shop-db"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<PullSecretAnalyzer>.Diagnostic("KMA101").WithLocation(0).WithArguments("shop-registry", string.Empty, string.Empty));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<PullSecretAnalyzer>.Diagnostic(Descriptors.KMA009_UnknownKeyNear).WithArguments("k8s_manifests.external_secret", "k8s_manifests.external_secrets"));
        await test.RunAsync();
    }

    // Without KubernetesClient and without YAML the host registers its end action for the options alone.
    [Fact]
    public async Task WithoutKubernetesClientOrYaml_TheOptionsAreStillChecked()
    {
        var test = new CSharpAnalyzerVerifier<PullSecretAnalyzer>.Test
        {
            TestCode = Source,
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
        };
        test.TestState.AnalyzerConfigFiles.Add(GlobalConfig("k8s_manifests.property_defaults = yes"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<PullSecretAnalyzer>.Diagnostic(Descriptors.KMA009_InvalidValue).WithArguments("k8s_manifests.property_defaults", "yes", "true or false", "true"));
        await test.RunAsync();
    }

    private static (string, string) EditorConfig(string lines) => ("/.editorconfig", "root = true\n\n[*.cs]\n" + lines + "\n");

    private static (string, string) GlobalConfig(string lines) => ("/.globalconfig", "is_global = true\n" + lines + "\n");

    private static Task Verify((string, string) config, params DiagnosticResult[] expected) => Verify([config], expected);

    private static Task Verify((string, string)[] configs, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = Source };
        test.TestState.Sources.Add(("/B.cs", "class C { }"));
        foreach (var config in configs)
        {
            test.TestState.AnalyzerConfigFiles.Add(config);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
