using System;
using System.Collections.Immutable;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// The tags a team treats as mutable, like <c>latest</c>: what <c>k8s_manifests.mutable_tags</c> lists
    /// (<c>latest, main, dev, nightly-*</c>), with <c>latest</c> always among them. An entry is a tag, or a tag pattern
    /// where <c>*</c> stands for any run of tag characters. Tags are compared case-sensitively, as registries do.
    /// </summary>
    public sealed class MutableTags
    {
        /// <summary>The tag every image without a tag or digest means, and the one mutable tag when nothing else is listed.</summary>
        public const string Latest = "latest";

        private readonly ImmutableArray<string> _others;

        private MutableTags(ImmutableArray<string> others) => _others = others;

        /// <summary><c>latest</c> alone: what the rules use when the option is not set.</summary>
        public static MutableTags Default { get; } = new(ImmutableArray<string>.Empty);

        /// <summary>True when only <c>latest</c> is mutable.</summary>
        public bool IsDefault => _others.IsEmpty;

        /// <summary>
        /// The tags of an option's entries, with <c>latest</c>; entries that can match no tag (<see cref="Problem"/>) are
        /// left out.
        /// </summary>
        public static MutableTags Of(ImmutableArray<string> entries)
        {
            if (entries.IsDefaultOrEmpty)
            {
                return Default;
            }

            var others = ImmutableArray.CreateBuilder<string>();
            foreach (var entry in entries)
            {
                if (entry != Latest && Problem(entry) is null && !others.Contains(entry))
                {
                    others.Add(entry);
                }
            }

            return others.Count == 0 ? Default : new MutableTags(others.ToImmutable());
        }

        /// <summary>True when <paramref name="tag"/> is <c>latest</c> or matches an entry.</summary>
        public bool Contains(string tag)
        {
            if (tag == Latest)
            {
                return true;
            }

            foreach (var entry in _others)
            {
                if (Matches(entry, 0, tag, 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a valid reference names whatever was last pushed under a mutable tag, or has no tag and no digest.</summary>
        public bool IsMutable(ImageReference reference) => reference.Digest is null && (reference.Tag is null || Contains(reference.Tag));

        /// <summary>The same for an image with unknown parts: true when it is so for every value the parts can take.</summary>
        public bool IsMutable(PartialImageReference image) =>
            !image.IsPinned && (image.IsUntagged || (image.Tag is { } tag && Contains(tag)));

        /// <summary>
        /// Why an entry can match no tag, in one clause (a tag is a word character followed by up to 127 word characters,
        /// dots and dashes); null when it can.
        /// </summary>
        public static string? Problem(string entry)
        {
            if (entry.Length == 0)
            {
                return "is empty";
            }

            // With every '*' read as one tag character, the entry must be a tag the grammar accepts.
            return ReferenceComponents.IsValidTag(entry.Replace('*', 'x'))
                ? null
                : "is not a tag (a letter, digit or '_' first, then letters, digits, '_', '.' or '-', at most 128 characters; '*' for any run of them)";
        }

        // A glob match where '*' stands for any run of characters, possibly empty.
        private static bool Matches(string pattern, int p, string text, int t)
        {
            while (p < pattern.Length)
            {
                if (pattern[p] == '*')
                {
                    for (int skip = t; skip <= text.Length; skip++)
                    {
                        if (Matches(pattern, p + 1, text, skip))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (t >= text.Length || pattern[p] != text[t])
                {
                    return false;
                }

                p++;
                t++;
            }

            return t == text.Length;
        }

        /// <inheritdoc/>
        public override string ToString() => _others.IsEmpty ? Latest : Latest + ", " + string.Join(", ", _others);
    }
}
