using System;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA001: a container or image volume whose pull policy is not written (or written as null or empty), or written
    /// on some paths only: the API server stores its default at creation and never recomputes it.
    /// </summary>
    internal static class MissingPullPolicyRule
    {
        /// <summary>Reports the container; true when it did (the other policy rules then have nothing to judge).</summary>
        internal static bool Check(Action<Diagnostic> report, ContainerModel container, CompilationFacts facts)
        {
            var policy = container.PullPolicy;
            // Null and "" are what the API server defaults, like no policy at all. A with-copy keeps the original's
            // policy (the model reads it as unknown) unless it writes one of those.
            if (policy.IsSet && policy.State != ValueState.Null && policy.Text is not { Length: 0 } && !policy.SomePathsOnly)
            {
                return false;
            }

            string? defaultPolicy = container.Image.IsConstant ? facts.Image(container.Image.Text!).DefaultPolicy : null;
            var properties = defaultPolicy is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.DefaultPolicy, defaultPolicy);
            if (container.IsImageVolume)
            {
                properties = properties.Add(DiagnosticProperties.Member, "PullPolicy").Add(DiagnosticProperties.After, "Reference");
            }

            string stored = defaultPolicy is null ? "Always or IfNotPresent, depending on the image," : $"'{defaultPolicy}'";
            if (policy.SomePathsOnly)
            {
                var somePaths = container.IsImageVolume ? Descriptors.KMA001_VolumePullPolicyOnSomePaths : Descriptors.KMA001_PullPolicyOnSomePaths;
                report(Diagnostic.Create(somePaths, Locations.OfCreation(container.Creation), properties, stored));
                return true;
            }

            // For an explicit null or empty policy, the fix rewrites that value instead of adding a member.
            var additional = policy.Operation is { } empty ? new[] { Locations.OfValue(empty) } : null;
            var missing = container.IsImageVolume ? Descriptors.KMA001_MissingVolumePullPolicy : Descriptors.KMA001_MissingPullPolicy;
            report(Diagnostic.Create(missing, Locations.OfCreation(container.Creation), additional, properties, stored));
            return true;
        }
    }
}
