using System;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA005: an image that is not pinned: the tag latest, or no tag and no digest.</summary>
    internal static class MutableImageRule
    {
        internal static void Check(Action<Diagnostic> report, ManifestValue written, PossibleValue constant, ImageFacts image, ValueLocation? through = null)
        {
            if (!image.IsMutable)
            {
                return;
            }

            Report(report, through ?? ValueLocation.Of(written, constant), image.Text, image.IsUntagged);
        }

        /// <summary>An image with known and unknown parts whose tag is known: <c>$"{repository}:latest"</c>, <c>$"{registry}/app"</c>.</summary>
        internal static void CheckPartial(Action<Diagnostic> report, ManifestValue written, PartialValue partial, PartialImageReference image, ValueLocation? through = null)
        {
            if (!image.IsMutable)
            {
                return;
            }

            Report(report, through ?? ValueLocation.Of(written, partial), partial.Pattern, image.IsUntagged);
        }

        private static void Report(Action<Diagnostic> report, ValueLocation where, string image, bool untagged)
        {
            string why = untagged ? "has no tag or digest, so it means 'latest'" : "uses the tag 'latest'";
            report(where.From is null
                ? Diagnostic.Create(Descriptors.KMA005_MutableImageTag, where.Location, image, why)
                : Diagnostic.Create(Descriptors.KMA005_MutableImageTagFrom, where.Location, image, why, where.From));
        }
    }
}
