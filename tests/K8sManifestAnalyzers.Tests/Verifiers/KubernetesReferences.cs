using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>Reference sets for test compilations, built once (resolving them is expensive).</summary>
internal static class KubernetesReferences
{
    /// <summary>.NET 8 without KubernetesClient: the analyzers must stay silent.</summary>
    public static readonly ReferenceAssemblies WithoutKubernetes = ReferenceAssemblies.Net.Net80;

    /// <summary>The newest KubernetesClient served here (records with parameterless constructors).</summary>
    public static readonly ReferenceAssemblies KubernetesClient21 = WithKubernetesClient("21.0.8");

    /// <summary>The oldest KubernetesClient served here.</summary>
    public static readonly ReferenceAssemblies KubernetesClient19 = WithKubernetesClient("19.0.2");

    /// <summary>
    /// An Aspire app host: Aspire.Hosting 13.6.5 (its own assembly only, not its dependencies) with the KubernetesClient
    /// it references (19.0.2).
    /// </summary>
    public static readonly ReferenceAssemblies AspireHosting = KubernetesClient19.AddAssemblies(ImmutableArray.Create(Path.ChangeExtension(AspireHostingAssembly, null)));

    /// <summary>The path of Aspire.Hosting 13.6.5's net8.0 assembly (the robustness harness references it beside KubernetesClient 21).</summary>
    public static string AspireHostingAssembly => PackageAssembly("aspire.hosting", "13.6.5", "Aspire.Hosting.dll");

    // The package is restored by the test project (PackageDownload); its net8.0 assembly is added by path.
    private static ReferenceAssemblies WithKubernetesClient(string version) =>
        ReferenceAssemblies.Net.Net80.AddAssemblies(ImmutableArray.Create(Path.ChangeExtension(PackageAssembly("kubernetesclient", version, "KubernetesClient.dll"), null)));

    private static string PackageAssembly(string package, string version, string file)
    {
        string packageRoot = typeof(KubernetesReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value
            ?? throw new InvalidOperationException("NuGetPackageRoot is not recorded in the test assembly");
        string assembly = Path.Combine(packageRoot, package, version, "lib", "net8.0", file);
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: restore the test project first.");
        }

        return assembly;
    }
}
