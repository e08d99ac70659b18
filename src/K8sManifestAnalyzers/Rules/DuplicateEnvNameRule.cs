using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sManifestAnalyzers.Analysis;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Rules
{
    /// <summary>
    /// KMA119: two entries of one container's env list with the same constant name (compared case-sensitively, as
    /// Kubernetes does): the later one wins, and the earlier one is reported on its name. Entries whose name is not one
    /// constant, and <c>EnvFrom</c> sources (whose keys are not known here), are left alone. The C# front-end
    /// (<see cref="EnvironmentReader"/>) gives the lists written in place, and for an <c>Add</c> what the list holds before it.
    /// </summary>
    internal static class DuplicateEnvNameRule
    {
        private static readonly ImmutableDictionary<string, string?> RemoveEntry =
            ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.RemoveEntry, "true");

        /// <summary>The env lists a container is written with, and an entry added to its list with what the list holds before.</summary>
        internal static void Check(Action<Diagnostic> report, EnvironmentFacts facts)
        {
            foreach (var list in facts.Lists)
            {
                CheckList(report, list);
            }

            if (facts.Added is { ConstantName: { } name } added)
            {
                // `owner.Env.Add(entry)`: the entry listed last before it with the same name.
                var listed = facts.ListedBefore;
                for (int i = listed.Length - 1; i >= 0; i--)
                {
                    if (listed[i].ConstantName == name)
                    {
                        Report(report, listed[i], added, canRemove: false);
                        return;
                    }
                }
            }
        }

        // One env list, written in place.
        private static void CheckList(Action<Diagnostic> report, ImmutableArray<EnvEntry> entries)
        {
            // From the end: the next entry with each name.
            Dictionary<string, int>? next = null;
            for (int i = entries.Length - 1; i >= 0; i--)
            {
                if (entries[i].ConstantName is not { } name)
                {
                    continue;
                }

                next ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (next.TryGetValue(name, out int later))
                {
                    Report(report, entries[i], entries[later], CanRemove(entries, i, later));
                }

                next[name] = i;
            }
        }

        /// <summary>
        /// The env list of a container in YAML (a file, or a C# string when <paramref name="fallback"/> is where findings go
        /// that are not placed exactly): the earlier of two entries with one name, on its name, with the later entry's
        /// line. No fix is offered in YAML.
        /// </summary>
        internal static void CheckYaml(Action<Diagnostic> report, Analysis.Yaml.YamlContainer container, Location? fallback)
        {
            var env = container.Env;
            Dictionary<string, int>? next = null;
            for (int i = env.Length - 1; i >= 0; i--)
            {
                if (env[i].Name is not { } name)
                {
                    continue;
                }

                next ??= new Dictionary<string, int>(StringComparer.Ordinal);
                if (next.TryGetValue(name, out int later))
                {
                    var laterAt = env[later].At;
                    report(fallback is not null && laterAt.Equals(fallback)
                        ? Diagnostic.Create(Descriptors.KMA119_YamlDuplicateEnvNameLater, env[i].NameAt, name)
                        : Diagnostic.Create(Descriptors.KMA119_DuplicateEnvName, env[i].NameAt, name, laterAt.GetLineSpan().StartLinePosition.Line + 1));
                }

                next[name] = i;
            }
        }

        private static void Report(Action<Diagnostic> report, EnvEntry earlier, EnvEntry later, bool canRemove)
        {
            int line = later.Location.GetLineSpan().StartLinePosition.Line + 1;
            report(canRemove
                ? Diagnostic.Create(Descriptors.KMA119_DuplicateEnvName, earlier.NameLocation, new[] { earlier.Location }, RemoveEntry, earlier.ConstantName, line)
                : Diagnostic.Create(Descriptors.KMA119_DuplicateEnvName, earlier.NameLocation, earlier.ConstantName, line));
        }

        // Removing the earlier entry changes nothing when both are created in place in this list and no entry from the
        // earlier one to the later one can read it through $(NAME) expansion (which sees the entries listed before).
        private static bool CanRemove(ImmutableArray<EnvEntry> entries, int earlier, int later)
        {
            if (!entries[earlier].IsCreatedInPlace || !entries[later].IsCreatedInPlace)
            {
                return false;
            }

            for (int k = earlier + 1; k <= later; k++)
            {
                if (!entries[k].HasKnownValue || entries[k].ValueMayReadVariables)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

namespace K8sManifestAnalyzers
{
    // The descriptors of KMA119, beside the rule that reports them, so that a rule is one file. They are a part of
    // Descriptors, in its namespace, so they use its private factory and every use still reads Descriptors.KMAxxx_Name.
    internal static partial class Descriptors
    {
        private const string DuplicateEnvNameDescription =
            "When a container's env list names a variable twice, the kubelet keeps the later entry and the earlier one does nothing; kubectl apply merges env entries by name, so the two also fight over the stored object. Remove the entry that has no effect.";

        /// <summary>KMA119; {1} is the line of the later entry.</summary>
        internal static readonly DiagnosticDescriptor KMA119_DuplicateEnvName = Create(
            DiagnosticIds.DuplicateEnvName,
            "Duplicate env name",
            "Env var '{0}' is defined again on line {1}: the later entry wins and this one has no effect",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            DuplicateEnvNameDescription);

        /// <summary>
        /// KMA119 in YAML written in a C# string, when the later entry cannot be placed in the source (it spans an
        /// interpolation hole or two pieces of a concatenation), so no line can be named.
        /// </summary>
        internal static readonly DiagnosticDescriptor KMA119_YamlDuplicateEnvNameLater = Create(
            DiagnosticIds.DuplicateEnvName,
            "Duplicate env name",
            "Env var '{0}' is defined again later in this env list: the later entry wins and this one has no effect",
            Categories.Reliability,
            DiagnosticSeverity.Warning,
            DuplicateEnvNameDescription);
    }
}
