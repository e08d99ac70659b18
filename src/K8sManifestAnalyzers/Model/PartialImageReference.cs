using System;
using System.Collections.Generic;

namespace K8sManifestAnalyzers.Model
{
    /// <summary>
    /// What is certain of an image written with known and unknown parts, such as <c>$"quay.io/evil/miner:{tag}"</c>:
    /// constant texts with holes between them, each hole any string at all. Every fact holds for every value the holes
    /// can take that the reference grammar accepts (a value it rejects fails on the node whatever it names); when a fact
    /// depends on what a hole holds, it is not known.
    /// </summary>
    /// <remarks>
    /// The name is known when the holes are only in the tag or digest: after a <c>:</c> that follows the last <c>/</c>
    /// of the first text, or after an <c>@</c>. Otherwise a prefix of the normalized name is known when the domain is
    /// certain, that is when the first text has a <c>/</c> (<c>acme/</c> and a hole is <c>docker.io/acme/…</c>, but
    /// <c>acme</c> and a hole may continue the host). The tag is known when it is in the first text before an
    /// <c>@</c>, or when the last text ends with <c>:tag</c>; the image is untagged when the last text has a <c>/</c>
    /// with no <c>:</c> or <c>@</c> after it.
    /// </remarks>
    public sealed class PartialImageReference
    {
        // A 64-hex digest that completes a known name and tag for parsing: any valid digest gives the same name and tag.
        private static readonly string AnyDigest = "sha256:" + new string('0', 64);

        private PartialImageReference()
        {
        }

        /// <summary>The normalized name (<c>docker.io/library/nginx</c>) when it is the same for every value; else null.</summary>
        public string? Name { get; private set; }

        /// <summary>
        /// When <see cref="Name"/> is not known but the domain is: the normalized text every name starts with, such as
        /// <c>ghcr.io/acme/</c> or <c>ghcr.io/acme/ap</c> (not always on a path-segment boundary); else null.
        /// </summary>
        public string? NamePrefix { get; private set; }

        /// <summary>The tag when it is the same for every value; null when unknown or absent.</summary>
        public string? Tag { get; private set; }

        /// <summary>True when every value has a digest.</summary>
        public bool IsPinned { get; private set; }

        /// <summary>True when no value has a tag or a digest (so it means <c>latest</c>).</summary>
        public bool IsUntagged { get; private set; }

        /// <summary>True when every value names whatever was pushed last: the tag <c>latest</c>, or no tag and no digest.</summary>
        public bool IsMutable => !IsPinned && (IsUntagged || Tag == "latest");

        /// <summary>Why no value the holes can take is a valid reference, in one clause; null when some may be valid.</summary>
        public string? Problem { get; private set; }

        /// <summary>
        /// What is certain of the image <c>texts[0] hole texts[1] hole … texts[n]</c>: the constant texts, with a hole
        /// between each two (an empty text between two holes). At least two texts.
        /// </summary>
        public static PartialImageReference Of(IReadOnlyList<string> texts)
        {
            if (texts is null || texts.Count < 2)
            {
                throw new ArgumentException("A partial image has at least one hole, so at least two texts.", nameof(texts));
            }

            var result = new PartialImageReference();
            result.Problem = TextProblem(texts);
            string first = texts[0];
            int at = first.IndexOf('@');
            if (at >= 0)
            {
                // The digest starts at the first '@': name and tag are all in the first text.
                result.IsPinned = true;
                string nameAndTag = first.Substring(0, at);
                if (ImageReference.TryParseNormalized(nameAndTag + "@" + AnyDigest, out var reference, out var error))
                {
                    result.Name = reference!.Name;
                    result.Tag = reference.Tag;
                }
                else
                {
                    result.Problem ??= ImageProblem.Explain(nameAndTag, error);
                }

                return result.Problem is null ? result : Malformed(result.Problem);
            }

            int lastSlash = first.LastIndexOf('/');
            int colon = first.IndexOf(':', lastSlash + 1);
            bool tagStarted = colon >= 0 && (lastSlash >= 0 || !IsDigits(first, colon + 1));
            if (tagStarted)
            {
                // A ':' after the last '/' (or, in the first component, followed by more than a port's digits) starts
                // the tag: a later '/' would put it inside the path, which no valid value has.
                string name = first.Substring(0, colon);
                if (ImageReference.TryParseNormalized(name + ":x", out var reference, out var error))
                {
                    result.Name = reference!.Name;
                }
                else
                {
                    result.Problem ??= ImageProblem.Explain(name, error);
                }
            }
            else if (colon < 0)
            {
                result.NamePrefix = KnownPrefix(first);
            }

            // When the tag starts in the first text, it runs through the holes: only a digest can follow.
            ReadSuffix(texts[texts.Count - 1], result, digestOnly: tagStarted);
            return result.Problem is null ? result : Malformed(result.Problem);
        }

        // No value is valid: nothing else is worth saying (as for a constant the grammar rejects).
        private static PartialImageReference Malformed(string problem) => new() { Problem = problem };

        // The domain is certain when the first component is followed by a '/' in the first text; the path known up to
        // the first hole follows it. On Docker Hub a single component gets "library/", so only "docker.io/" is certain
        // until a second component starts.
        private static string? KnownPrefix(string first)
        {
            int slash = first.IndexOf('/');
            if (slash < 0)
            {
                return null;
            }

            string component = first.Substring(0, slash);
            string domain;
            string path;
            if (component == "index.docker.io")
            {
                domain = ImageReference.DefaultDomain;
                path = first.Substring(slash + 1);
            }
            else if (component == "localhost" || component.IndexOf('.') >= 0 || component.IndexOf(':') >= 0 || HasUppercase(component, 0, component.Length))
            {
                if (!ImageReference.Grammar.MatchDomain(component, 0, component.Length))
                {
                    return null;
                }

                domain = component;
                path = first.Substring(slash + 1);
            }
            else
            {
                domain = ImageReference.DefaultDomain;
                path = first;
            }

            if (domain == ImageReference.DefaultDomain && path.IndexOf('/') < 0)
            {
                return ImageReference.DefaultDomain + "/";
            }

            return domain + "/" + path;
        }

        // What the last text says of the tag: "…:tag" at its end, or a '/' with no ':' after it (untagged). An '@' in it
        // is the digest of every valid value (a digest has no '@', so none can start earlier).
        private static void ReadSuffix(string last, PartialImageReference result, bool digestOnly)
        {
            if (last.IndexOf('@') >= 0)
            {
                result.IsPinned = true;
                return;
            }

            if (digestOnly)
            {
                return;
            }

            int lastSlash = last.LastIndexOf('/');
            int colon = last.LastIndexOf(':');
            if (colon > lastSlash)
            {
                string tag = last.Substring(colon + 1);
                if (IsHexDigits(tag) && tag.Length >= 32)
                {
                    // ":" and 32 or more hex digits may end a digest that starts in a hole.
                    return;
                }

                if (!ImageReference.IsValidTag(tag))
                {
                    result.Problem ??= $"the tag '{tag}' is invalid ({ImageProblem.ExplainTag(tag)})";
                    return;
                }

                result.Tag = tag;
            }
            else if (lastSlash >= 0)
            {
                result.IsUntagged = true;
            }
        }

        // Problems every value has, whatever the holes hold: white space, a URL scheme, an empty path component, or
        // uppercase letters in a path component (after a '/' of the same text, before any ':' or '@' that could start
        // a tag or digest; only the domain, before the first '/', may have uppercase letters).
        private static string? TextProblem(IReadOnlyList<string> texts)
        {
            string first = texts[0];
            string last = texts[texts.Count - 1];
            if ((first.Length > 0 && char.IsWhiteSpace(first[0])) || (last.Length > 0 && char.IsWhiteSpace(last[last.Length - 1])))
            {
                return "it has leading or trailing white space";
            }

            int scheme = first.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && first.IndexOf('/') == scheme + 1)
            {
                return $"'{first.Substring(0, scheme + 3)}' is a URL scheme, and an image reference has none (write the registry host first)";
            }

            foreach (string text in texts)
            {
                foreach (char c in text)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        return "it contains white space";
                    }
                }
            }

            foreach (string text in texts)
            {
                foreach (char c in text)
                {
                    if (!ReferenceComponents.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or '/' or ':' or '@' or '+' or '[' or ']'))
                    {
                        return $"'{c}' appears nowhere in an image reference";
                    }
                }
            }

            foreach (string text in texts)
            {
                if (text.IndexOf("//", StringComparison.Ordinal) >= 0)
                {
                    return "it has an empty path component ('//')";
                }

                int slash = text.IndexOf('/');
                if (slash < 0)
                {
                    continue;
                }

                int end = text.IndexOfAny(TagOrDigest, slash);
                end = end < 0 ? text.Length : end;
                if (HasUppercase(text, slash, end))
                {
                    int start = slash;
                    int upper = slash;
                    while (!char.IsUpper(text[upper]))
                    {
                        upper++;
                    }

                    start = text.LastIndexOf('/', upper) + 1;
                    int stop = text.IndexOf('/', upper);
                    stop = stop < 0 || stop > end ? end : stop;
                    return $"the repository path component '{text.Substring(start, stop - start)}' has uppercase letters, and repositories are lowercase";
                }
            }

            return null;
        }

        private static readonly char[] TagOrDigest = { ':', '@' };

        private static bool HasUppercase(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (char.IsUpper(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDigits(string text, int start)
        {
            for (int i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHexDigits(string text)
        {
            foreach (char c in text)
            {
                if (!ReferenceComponents.IsHex(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
