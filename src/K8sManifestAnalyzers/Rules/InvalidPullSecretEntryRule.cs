using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis.PullSecrets;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>KMA106: an ImagePullSecrets list with an entry that names nothing, or a name listed twice.</summary>
    internal static class InvalidPullSecretEntryRule
    {
        /// <summary>
        /// The lists one operation of a C# body writes, and the names it adds: each entry that names nothing, each name
        /// listed again in its list, and each name added to a list that already holds it.
        /// </summary>
        internal static void Check(Action<Diagnostic> report, PullSecretListFacts facts)
        {
            foreach (var list in facts.Lists)
            {
                CheckList(report, list);
            }

            foreach (var add in facts.Adds)
            {
                CheckAdd(report, add);
            }
        }

        /// <summary>
        /// One list, from any front-end (C#, or a YAML manifest's <c>imagePullSecrets</c>): each entry that names
        /// nothing, and each name listed again.
        /// </summary>
        internal static void CheckList(Action<Diagnostic> report, PullSecretList list)
        {
            HashSet<string>? seen = null;
            foreach (var entry in list.Entries)
            {
                string? problem = null;
                if (entry.IsEmpty)
                {
                    problem = entry.NameIsWritten ? "This imagePullSecrets entry has an empty name" : "This imagePullSecrets entry has no name";
                }
                else if (entry.NameIsKnown && !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(entry.Name!))
                {
                    problem = $"The pull secret '{entry.Name}' is listed twice";
                }

                if (problem is not null)
                {
                    report(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, entry.At, problem));
                }
            }
        }

        // Reported once, however often the list held the name before.
        private static void CheckAdd(Action<Diagnostic> report, PullSecretAdd add)
        {
            foreach (var listed in add.ListedBefore)
            {
                if (string.Equals(listed, add.Name, StringComparison.Ordinal))
                {
                    report(Diagnostic.Create(Descriptors.KMA106_InvalidPullSecretEntry, add.At, $"The pull secret '{add.Name}' is listed twice"));
                    return;
                }
            }
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA106, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        internal static readonly DiagnosticDescriptor KMA106_InvalidPullSecretEntry = Create(
            DiagnosticIds.InvalidPullSecretEntry,
            "Empty or duplicate imagePullSecrets entry",
            "{0}: the API server answers it with a warning, and it adds nothing",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            "An imagePullSecrets entry without a name does nothing; a name listed twice is redundant. The API server returns a warning for both.");
    }
}
