using System;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA205: a [ContainerImage] <c>PullSecret</c> that is not a valid Secret name; no builder is generated.</summary>
    internal static class InvalidPullSecretNameRule
    {
        /// <summary>The declaration; <paramref name="pullSecret"/> is its <c>PullSecret</c> argument, or the attribute.</summary>
        internal static void Check(Action<Diagnostic> report, ImageDeclaration declaration, Location pullSecret)
        {
            if (!declaration.PullSecretIsValid)
            {
                report(Diagnostic.Create(Descriptors.KMA205_InvalidPullSecretName, pullSecret, declaration.PullSecret));
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA205, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA205_InvalidPullSecretName = Create(
            DiagnosticIds.InvalidPullSecretName,
            "[ContainerImage] pull secret is not a valid Secret name",
            "'{0}' is not a valid Secret name: use dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most; no builder is generated",
            Categories.Usage,
            DiagnosticSeverity.Error,
            "Secret names are DNS subdomains: dot-separated labels of lowercase letters, digits and '-', each starting and ending with a letter or digit, 253 characters at most.");
    }
}
