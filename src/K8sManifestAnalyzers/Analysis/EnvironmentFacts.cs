using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>
    /// What one operation of a body shows the environment rules (KMA117, KMA119), read by <see cref="EnvironmentReader"/>:
    /// the constants of an env var's value under a credential name, the data of a ConfigMap under credential keys, the
    /// env lists a container is written with, or an entry added to a container's env list with what the list holds
    /// before. One of these per operation; the others are empty. Strings, flags and locations only.
    /// </summary>
    internal sealed class EnvironmentFacts
    {
        private EnvironmentFacts(
            ImmutableArray<EnvValueRow> envVarValues,
            bool hasValueFrom,
            ImmutableArray<EnvValueRow> configMapData,
            ImmutableArray<ImmutableArray<EnvEntry>> lists,
            EnvEntry? added,
            ImmutableArray<EnvEntry> listedBefore)
        {
            EnvVarValues = envVarValues;
            HasValueFrom = hasValueFrom;
            ConfigMapData = configMapData;
            Lists = lists;
            Added = added;
            ListedBefore = listedBefore;
        }

        /// <summary>
        /// The constants the value of one env var can take, each with the name it goes with, when that name names a
        /// credential: an env var created in place, or by a method of the compilation at a call (then only what the
        /// call chooses).
        /// </summary>
        internal ImmutableArray<EnvValueRow> EnvVarValues { get; }

        /// <summary>True when that env var also sets <c>ValueFrom</c> (to anything but null).</summary>
        internal bool HasValueFrom { get; }

        /// <summary>The constants of the <c>Data</c> entries of a ConfigMap created in place, under keys that name a credential.</summary>
        internal ImmutableArray<EnvValueRow> ConfigMapData { get; }

        /// <summary>
        /// The env lists a container is created or assigned with, written in place: one list per list the value can be
        /// (each arm of a <c>?:</c> is one).
        /// </summary>
        internal ImmutableArray<ImmutableArray<EnvEntry>> Lists { get; }

        /// <summary>The entry <c>owner.Env.Add(…)</c> adds, with a constant name, when what the list holds before is known.</summary>
        internal EnvEntry? Added { get; }

        /// <summary>What the container's env list holds before the Add on every path to it, in order.</summary>
        internal ImmutableArray<EnvEntry> ListedBefore { get; }

        internal static EnvironmentFacts ForEnvVar(ImmutableArray<EnvValueRow> values, bool hasValueFrom) =>
            new(values, hasValueFrom, ImmutableArray<EnvValueRow>.Empty, ImmutableArray<ImmutableArray<EnvEntry>>.Empty, null, ImmutableArray<EnvEntry>.Empty);

        internal static EnvironmentFacts ForConfigMap(ImmutableArray<EnvValueRow> data) =>
            new(ImmutableArray<EnvValueRow>.Empty, false, data, ImmutableArray<ImmutableArray<EnvEntry>>.Empty, null, ImmutableArray<EnvEntry>.Empty);

        internal static EnvironmentFacts ForLists(ImmutableArray<ImmutableArray<EnvEntry>> lists) =>
            new(ImmutableArray<EnvValueRow>.Empty, false, ImmutableArray<EnvValueRow>.Empty, lists, null, ImmutableArray<EnvEntry>.Empty);

        internal static EnvironmentFacts ForAdd(EnvEntry added, ImmutableArray<EnvEntry> listedBefore) =>
            new(ImmutableArray<EnvValueRow>.Empty, false, ImmutableArray<EnvValueRow>.Empty, ImmutableArray<ImmutableArray<EnvEntry>>.Empty, added, listedBefore);
    }
}
