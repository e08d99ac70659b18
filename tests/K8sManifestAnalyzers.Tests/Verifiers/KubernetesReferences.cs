using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace K8sManifestAnalyzers.Tests.Verifiers;

/// <summary>
/// Reference sets for test compilations, built once (resolving them is expensive). The testing framework
/// restores the packages into its cache the first time.
/// </summary>
internal static class KubernetesReferences
{
    /// <summary>.NET 8 without KubernetesClient: the analyzers must stay silent.</summary>
    public static readonly ReferenceAssemblies WithoutKubernetes = ReferenceAssemblies.Net.Net80;

    /// <summary>The newest KubernetesClient served here (records with parameterless constructors).</summary>
    public static readonly ReferenceAssemblies KubernetesClient21 = WithKubernetesClient("21.0.8");

    /// <summary>The oldest KubernetesClient served here.</summary>
    public static readonly ReferenceAssemblies KubernetesClient19 = WithKubernetesClient("19.0.2");

    // Resolve each set once, on one thread, before any test uses it: on a clean machine the first resolution
    // downloads the packages, and tests that raced it saw a reference set without KubernetesClient.
    static KubernetesReferences()
    {
        foreach (var references in new[] { WithoutKubernetes, KubernetesClient21, KubernetesClient19 })
        {
            references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static ReferenceAssemblies WithKubernetesClient(string version) =>
        ReferenceAssemblies.Net.Net80.AddPackages(ImmutableArray.Create(new PackageIdentity("KubernetesClient", version)));
}
