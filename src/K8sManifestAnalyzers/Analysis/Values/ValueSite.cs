using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis.Values
{
    /// <summary>
    /// Where a value of the model is written, as its front-end knows it: the place in a file (for locations and
    /// fixes) and its text (for messages). The model and the rules read only this; each front-end gives its own kind,
    /// as Roslyn's <see cref="Microsoft.CodeAnalysis.Location"/> has one kind per source. The C# reader's is
    /// <see cref="OperationSite"/>.
    /// </summary>
    internal abstract class ValueSite
    {
        /// <summary>Where the value is written.</summary>
        internal abstract Location Location { get; }

        /// <summary>
        /// True when nothing is written there: the default of an optional argument the call leaves out, which is
        /// located at the call. No fix can rewrite the value at such a site.
        /// </summary>
        internal abstract bool IsImplicit { get; }

        /// <summary>The written text, on one line and shortened, for messages (<c>Images.Api</c>).</summary>
        internal abstract string Describe();

        /// <summary>True when the site is written inside <paramref name="outer"/> (the same file, within its span).</summary>
        internal virtual bool IsWithin(Location outer)
        {
            var location = Location;
            return location.SourceTree is { } tree
                ? tree == outer.SourceTree && outer.SourceSpan.Contains(location.SourceSpan)
                : outer.SourceTree is null && location.GetLineSpan().Path == outer.GetLineSpan().Path && outer.SourceSpan.Contains(location.SourceSpan);
        }

        /// <summary>
        /// Where a finding on this constant goes when it is one of the values of a write at <paramref name="written"/>
        /// (null: no write in sight): on the constant when the write holds it, where a fix can edit it; else on the
        /// write, with words saying where the constant comes from (<paramref name="description"/>, else its text). A
        /// front-end that knows more (the member a constant is declared in, the local that chose it:
        /// <paramref name="anchor"/>) says more.
        /// </summary>
        internal virtual ValueLocation PlaceIn(ValueSite? written, string? description, ValueSite? anchor)
        {
            var at = written?.Location;
            return at is null || IsWithin(at)
                ? new ValueLocation(Location, true, null)
                : new ValueLocation(at, false, description ?? "from " + Describe());
        }

        /// <summary>True when both sites are the same written text (the same place in the same file).</summary>
        internal virtual bool SameAs(ValueSite other)
        {
            var location = Location;
            var theirs = other.Location;
            return location.SourceSpan == theirs.SourceSpan
                && (location.SourceTree is { } tree ? tree == theirs.SourceTree : location.GetLineSpan().Path == theirs.GetLineSpan().Path);
        }
    }
}
