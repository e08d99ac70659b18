using K8sManifestAnalyzers.Analysis.Values;
using Microsoft.CodeAnalysis;

namespace K8sManifestAnalyzers.Analysis
{
    /// <summary>Where a finding about one possible value of a write goes, and what its message says of the origin.</summary>
    /// <remarks>
    /// The rules ask these questions of the model's <see cref="ValueSite"/>s and <see cref="CallSite"/>s. Where a finding
    /// on a constant goes is the site's to say (<see cref="ValueSite.PlaceIn"/>): the C# reader's sites also use what C#
    /// shows, the member a constant is declared in and the literal that declares a named constant.
    /// </remarks>
    internal readonly struct ValueLocation
    {
        internal ValueLocation(Location location, bool onConstant, string? from, Location? declaration = null)
        {
            Location = location;
            OnConstant = onConstant;
            From = from;
            Declaration = declaration;
        }

        internal Location Location { get; }

        /// <summary>True when the finding is on the constant itself, so a fix can replace it where it is written.</summary>
        internal bool OnConstant { get; }

        /// <summary>Where the constant comes from, in words, when the finding is on the write instead; else null.</summary>
        internal string? From { get; }

        /// <summary>
        /// The string literal that declares the constant when it is the whole initializer of a field or property
        /// declared elsewhere (<c>const string Api = "…";</c>, <c>static readonly string Api = "…";</c>): a fix that
        /// corrects the constant itself (KMA002, KMA004) edits it there, for every use at once. Null otherwise.
        /// </summary>
        internal Location? Declaration { get; }

        /// <summary>
        /// True when the constant is written inside the call's arguments, not only chosen by it and not the default of
        /// an optional argument the call leaves out: a fix can rewrite it there.
        /// </summary>
        internal static bool IsWrittenIn(PossibleValue constant, CallSite call) => !constant.Origin.IsImplicit && constant.Origin.IsWithin(call.Location);

        /// <summary>True when the value with holes is built inside the call's arguments.</summary>
        internal static bool IsWrittenIn(PartialValue partial, CallSite call) => partial.Origin.IsWithin(call.Location);

        /// <summary>
        /// On the constant itself when it is written inside the value (an arm, a fallback, a literal) or elsewhere in the
        /// same member (a local's assignment), where a fix can edit it; a named constant (<c>Images.Api</c>) keeps its
        /// name in the message. A constant defined in another member goes where this member chooses it: the value a
        /// local that holds it is assigned (so two containers that share the local get one finding), else the written
        /// value; with words saying where the constant comes from.
        /// </summary>
        internal static ValueLocation Of(ManifestValue written, PossibleValue constant) => constant.Origin.PlaceIn(written.Written, constant.Description, constant.Anchor);

        /// <summary>The same for a value with holes: on the interpolation or concatenation that builds it, or on the write.</summary>
        internal static ValueLocation Of(ManifestValue written, PartialValue partial) => partial.Origin.PlaceIn(written.Written, partial.Description, anchor: null);

        /// <summary>On a value with holes a call site passes to a method of the compilation, naming the method.</summary>
        internal static ValueLocation Through(PartialValue partial, string through) => new(partial.Origin.Location, true, through);

        /// <summary>
        /// On a constant a call site passes to a factory: where it is written (a fix can edit it, unless it is the
        /// default of an optional argument left out, which is located at the call), with words naming the factory it
        /// is passed to. A constant the call chooses without writing it (<c>Make(Profiles.Edge)</c>,
        /// <c>Make(Profiles.Default with { Tag = "latest" })</c>) goes on the argument that chooses it, or the part
        /// written in the call: not a place a fix can rewrite the value.
        /// </summary>
        internal static ValueLocation Through(PossibleValue constant, string through, CallSite call) =>
            constant.Origin.IsWithin(call.Location)
                ? new(constant.Origin.Location, !constant.Origin.IsImplicit, through)
                : new(ChosenAt(constant, call), false, through + ", " + (constant.Description ?? "from " + constant.Origin.Describe()));

        /// <summary>
        /// Where <paramref name="call"/> chooses the constant (see <see cref="IsPassedBy(PossibleValue, CallSite)"/>):
        /// the constant, the argument, the part; else the call.
        /// </summary>
        internal static Location ChosenAt(PossibleValue constant, CallSite call) =>
            constant.Origin.IsWithin(call.Location) ? constant.Origin.Location
            : constant.Anchor is { } anchor && anchor.IsWithin(call.Location) ? anchor.Location
            : PartWithin(constant, call.Location)?.Location ?? call.Location;

        /// <summary>Where the call writes the value with holes, or the call itself.</summary>
        internal static Location ChosenAt(PartialValue partial, CallSite call) =>
            partial.Origin.IsWithin(call.Location) ? partial.Origin.Location : call.Location;

        /// <summary>
        /// True when a call chooses the constant: it is written in the call's arguments, it is read from an object the
        /// call passes (<c>Make(Profiles.Edge)</c>), or a part it is joined from is written there (<c>Tag = "latest"</c>
        /// in a <c>with</c> the call passes).
        /// </summary>
        internal static bool IsPassedBy(PossibleValue constant, CallSite call) =>
            constant.Origin.IsWithin(call.Location) || (constant.Anchor is { } anchor && anchor.IsWithin(call.Location)) || PartWithin(constant, call.Location) is not null;

        /// <summary>
        /// Where the image or policy value comes from, in words, when that is not a constant written inside the value
        /// itself (<c>from Images.Api</c>, or the folder's description); null for a constant written there.
        /// </summary>
        internal static string? OriginOf(ManifestValue written, PossibleValue constant) => OriginOf(written, constant.Origin, constant.Description);

        /// <summary>The same for a value with holes.</summary>
        internal static string? OriginOf(ManifestValue written, PartialValue partial) => OriginOf(written, partial.Origin, partial.Description);

        private static string? OriginOf(ManifestValue written, ValueSite origin, string? description) =>
            description ?? (written.Written is { } value && origin.IsWithin(value.Location) ? null : "from " + origin.Describe());

        /// <summary>Where a value with holes is built (the interpolation or concatenation).</summary>
        internal static Location Of(PartialValue partial) => partial.Origin.Location;

        // The site inside `call` a joined constant is chosen by: the argument an object is read from first
        // (`Joined(new ImageProfile(…, "latest"))`), then a part written there; null when none is.
        private static ValueSite? PartWithin(PossibleValue constant, Location call)
        {
            foreach (var part in constant.Parts)
            {
                if (part.Anchor is { } anchor && anchor.IsWithin(call))
                {
                    return anchor;
                }
            }

            foreach (var part in constant.Parts)
            {
                if (part.Origin.IsWithin(call))
                {
                    return part.Origin;
                }
            }

            return null;
        }
    }
}
