using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sManifestAnalyzers.Analysis.Aspire
{
    /// <summary>
    /// The Aspire front-end: a container resource of an app host (<c>AddContainer</c> and the calls after it, see
    /// <see cref="AspireChainReader"/>) turned into the images it can get, each combination of the calls' constant
    /// arguments composed as Aspire composes it (<see cref="AspireImageName"/>). Read once per <c>AddContainer</c> call
    /// and shared by the analyzers that ask.
    /// </summary>
    internal static class AspireContainer
    {
        private const int MaxCombinations = 64;

        private static readonly ConditionalWeakTable<IInvocationOperation, AspireReading> Shared = new();

        /// <summary>
        /// The images the resource <paramref name="start"/> adds can get (an <c>AddContainer</c> call, or a call to a
        /// method of the app host that adds one); no images when they are not known.
        /// </summary>
        internal static AspireReading Read(IInvocationOperation start, AspireTypes types, CompilationFacts facts, bool propertyDefaults)
        {
            if (Shared.TryGetValue(start, out var known))
            {
                return known;
            }

            var reading = Build(start, types, facts, propertyDefaults);
            return Shared.GetValue(start, _ => reading);
        }

        private static AspireReading Build(IInvocationOperation start, AspireTypes types, CompilationFacts facts, bool propertyDefaults)
        {
            // Locals are followed on the body's flow when the KubernetesClient model is there (Aspire.Hosting references it).
            IValueScope? scope = facts.Types is { } kubernetes ? ManifestBody.For(ContainerReader.Root(start), kubernetes, propertyDefaults).Flow : null;
            if (AspireChainReader.Read(start, types, facts.AspireHelpers, scope, out bool returned, out var factories) is not { } steps)
            {
                return AspireReading.Unknown;
            }

            if (returned)
            {
                // Returned from the body read: its callers complete the image.
                return new AspireReading(ImmutableArray<AspireImage>.Empty, factories, returned: true);
            }

            var configurations = new List<Configuration> { Configuration.Empty };
            foreach (var step in steps)
            {
                var next = new List<Configuration>();
                if (step.Optional)
                {
                    next.AddRange(configurations);
                }

                foreach (var configuration in configurations)
                {
                    Apply(step, configuration, types, facts.Values, propertyDefaults, next);
                }

                if (next.Count > MaxCombinations)
                {
                    return AspireReading.Unknown;
                }

                configurations = next;
            }

            var images = ImmutableArray.CreateBuilder<AspireImage>();
            foreach (var configuration in configurations)
            {
                if (configuration.Name is not null && Compose(configuration, facts) is { } image)
                {
                    images.Add(image);
                }
            }

            return new AspireReading(images.ToImmutable(), factories, returned: false);
        }

        private static void Apply(AspireStep step, Configuration configuration, AspireTypes types, ValueFolder folder, bool propertyDefaults, List<Configuration> next)
        {
            switch (step.Kind)
            {
                case AspireCall.AddContainer:
                case AspireCall.WithImage:
                    foreach (var image in Parts(step, step.Argument("image"), folder, propertyDefaults))
                    {
                        foreach (var tag in Parts(step, step.Argument("tag"), folder, propertyDefaults))
                        {
                            if (SetImage(configuration, image, tag, step.Kind == AspireCall.AddContainer) is { } set)
                            {
                                next.Add(set);
                            }
                        }
                    }

                    break;
                case AspireCall.WithImageTag:
                    foreach (var tag in Parts(step, step.Argument("tag"), folder, propertyDefaults))
                    {
                        if (!tag.IsNull)
                        {
                            next.Add(configuration.WithTag(tag));
                        }
                    }

                    break;
                case AspireCall.WithImageRegistry:
                    foreach (var registry in Parts(step, step.Argument("registry"), folder, propertyDefaults))
                    {
                        next.Add(configuration with { Registry = registry });
                    }

                    break;
                case AspireCall.WithImageSha256:
                    foreach (var digest in Parts(step, step.Argument("sha256"), folder, propertyDefaults))
                    {
                        if (!digest.IsNull)
                        {
                            next.Add(configuration with { Digest = digest, Tag = null, TagDefaulted = false });
                        }
                    }

                    break;
                case AspireCall.WithImagePullPolicy:
                    if (step.Argument("pullPolicy") is { } policy)
                    {
                        string? name = types.PolicyName(policy.Value);
                        bool member = ObjectMembers.WithoutConversions(policy.Value) is IFieldReferenceOperation { Field.ContainingType: { } enumType }
                            && SymbolEqualityComparer.Default.Equals(enumType, types.PullPolicy)
                            && policy.Value.Syntax is MemberAccessExpressionSyntax or IdentifierNameSyntax;
                        next.Add(configuration with { Policy = name is null ? null : new Part(name, known: true, policy.Value.Syntax.ToString(), policy.Value.Syntax.GetLocation(), literal: member, step) });
                    }

                    break;
            }
        }

        // AddContainer(name, image[, tag]) and WithImage(image, tag): Aspire's parse of the image, then the tag.
        private static Configuration? SetImage(Configuration configuration, Part image, Part tag, bool addContainer)
        {
            if (image.IsNull)
            {
                return null;
            }

            if (!image.Known)
            {
                // The image's own tag or digest is unknown too, unless a tag is given.
                var unknown = configuration with { Name = image, Rejected = false, Digest = null, TagDefaulted = false, Tag = tag.IsNull ? image with { Text = null, Known = false } : tag };
                return unknown;
            }

            if (AspireImageName.Parse(image.Text) is not { } parsed)
            {
                // Aspire throws: judged by KMA004 on the string as written, when the grammar rejects it too.
                return configuration with { Name = image, Rejected = true, Tag = null, Digest = null, TagDefaulted = false };
            }

            var name = image with { Text = parsed.Name };
            if (addContainer)
            {
                // AddContainer(name, image, tag) is AddContainer(name, image).WithImageTag(tag).
                var added = parsed.Sha256 is { } sha
                    ? configuration with { Name = name, Rejected = false, Digest = image with { Text = sha }, Tag = null, TagDefaulted = false }
                    : configuration with { Name = name, Rejected = false, Digest = null, Tag = image with { Text = parsed.Tag ?? MutableTags.Latest }, TagDefaulted = parsed.Tag is null };
                return tag.IsNull ? added : added.WithTag(tag);
            }

            if (!tag.IsNull && tag.Known && (parsed.Tag is not null || parsed.Sha256 is not null))
            {
                // "Ambiguous tags", "Tag conflicts with digest": Aspire throws.
                return null;
            }

            if (parsed.Sha256 is { } digest)
            {
                return configuration with { Name = name, Rejected = false, Digest = image with { Text = digest }, Tag = null, TagDefaulted = false };
            }

            return parsed.Tag is { } own
                ? configuration with { Name = name, Rejected = false, Digest = null, Tag = image with { Text = own }, TagDefaulted = false }
                : tag.IsNull
                    ? configuration with { Name = name, Rejected = false, Digest = null, Tag = image with { Text = MutableTags.Latest }, TagDefaulted = true }
                    : configuration with { Name = name, Rejected = false, Digest = null, Tag = tag, TagDefaulted = false };
        }

        // The constants an argument can be, each where a finding about it goes, and an unknown part when one remains.
        private static IEnumerable<Part> Parts(AspireStep step, IArgumentOperation? argument, ValueFolder folder, bool propertyDefaults)
        {
            if (argument is null)
            {
                yield return new Part(null, known: true, "null", step.Call.Syntax.GetLocation(), literal: false, step);
                yield break;
            }

            var values = folder.Fold(argument.Value, step.Scope, propertyDefaults);
            var written = OperationValues.From(argument.Value, values);
            foreach (var constant in values.Constants)
            {
                var where = Where(step, written, constant);
                bool literal = where.OnConstant && OperationSite.OperationOf(constant.Origin)?.Syntax is LiteralExpressionSyntax literalSyntax && literalSyntax.IsKind(SyntaxKind.StringLiteralExpression);
                yield return new Part(constant.Text, known: true, constant.Text ?? "null", where.Location, literal, step);
            }

            if (values.HasUnknown)
            {
                int reportedIn = ReportingBody(step, step.Frames.Length);
                var at = reportedIn < step.Frames.Length ? step.Frames[reportedIn].Call : (IOperation)argument.Value;
                yield return new Part(null, known: false, argument.Value.Syntax.ToString(), at.Syntax.GetLocation(), literal: false, step);
            }
        }

        // Where a finding on one constant of a step goes. The step is written in the innermost body of the helper calls it
        // is made through (Frames); the constant belongs to the body whose helper call passes it, else to that innermost
        // body. A finding goes in the body of the last helper that adds the container before it (its own constants once,
        // in the helper), else the analyzed body; through a helper that receives the builder, at that helper's call.
        private static ValueLocation Where(AspireStep step, ManifestValue written, PossibleValue constant)
        {
            var frames = step.Frames;
            int owner = frames.Length;
            for (int i = 0; i < frames.Length; i++)
            {
                if (OperationValues.IsPassedBy(constant, frames[i].Call))
                {
                    owner = i;
                    break;
                }
            }

            int body = ReportingBody(step, owner);
            if (body == frames.Length)
            {
                return ValueLocation.Of(written, constant);
            }

            var through = frames[body].Call;
            return OperationValues.Through(constant, "passed to " + through.TargetMethod.Name, through);
        }

        // The body a finding about a value of body `owner` goes in: after the last helper that adds the container, before it.
        private static int ReportingBody(AspireStep step, int owner)
        {
            int body = 0;
            for (int i = 0; i < owner; i++)
            {
                if (step.Frames[i].AddsContainer)
                {
                    body = i + 1;
                }
            }

            return body;
        }

        private static AspireImage? Compose(Configuration configuration, CompilationFacts facts)
        {
            var name = configuration.Name!;
            string calls = Calls(configuration);
            if (configuration.Rejected)
            {
                var rejected = facts.Image(name.Text!);
                return rejected.IsValid ? null : new AspireImage(name.Text!, rejected, null, calls, name.Location, null, name.Location, false, name.Text!, name.Step.Name, name.Location, name.Literal ? ImageRepair.Suggest(name.Text) : null, null, null);
            }

            var registry = configuration.Registry is { IsNull: false } given && (!given.Known || given.Text!.Length > 0) ? given : null;
            var suffix = (Part?)configuration.Digest ?? configuration.Tag;

            // Texts with a hole for each unknown part (PartialImageReference), or the one composed constant.
            var texts = new List<string> { string.Empty };
            var holes = new List<string>();
            void Add(string text) => texts[texts.Count - 1] += text;
            void Hole(string source)
            {
                holes.Add(source);
                texts.Add(string.Empty);
            }

            if (registry is not null)
            {
                if (registry.Known)
                {
                    Add(registry.Text!);
                }
                else
                {
                    Hole(registry.Source);
                }

                Add("/");
            }

            if (name.Known)
            {
                Add(name.Text!);
            }
            else
            {
                Hole(name.Source);
            }

            if (configuration.Digest is { } digest)
            {
                Add("@" + AspireImageName.DigestPrefix);
                if (digest.Known)
                {
                    Add(digest.Text!);
                }
                else
                {
                    Hole(digest.Source);
                }
            }
            else if (configuration.Tag is { } tag)
            {
                if (!tag.Known)
                {
                    if (name.Known || tag != name)
                    {
                        Add(":");
                    }

                    Hole(tag.Source);
                }
                else if (tag.Text!.Length > 0)
                {
                    Add(":" + tag.Text);
                }
            }

            var tagAt = suffix?.Location ?? name.Location;
            var policy = configuration.Policy;
            if (holes.Count > 0)
            {
                var partial = PartialImageReference.Of(texts);
                string pattern = Pattern(texts, holes);
                return new AspireImage(pattern, null, partial, calls, name.Location, registry?.Location, tagAt, configuration.TagDefaulted, name.Source, name.Step.Name, name.Location, null, policy?.Text, policy?.Location, policy?.Literal ?? false);
            }

            string text = texts[0];
            var image = facts.Image(text);
            var (problemAt, repair) = image.IsValid ? (name.Location, null) : Culprit(configuration, registry, facts);
            return new AspireImage(text, image, null, calls, name.Location, registry?.Location, tagAt, configuration.TagDefaulted, name.Argument ?? name.Source, name.Step.Name, problemAt, repair, policy?.Text, policy?.Location, policy?.Literal ?? false);
        }

        // The one part that makes a composed image malformed: replaced by a plain value, the image becomes valid. With a
        // literal image argument whose repository only needs lowercasing, the repaired literal.
        private static (Location At, string? Repair) Culprit(Configuration configuration, Part? registry, CompilationFacts facts)
        {
            var name = configuration.Name!;
            string? registryText = registry?.Text;
            string? tagText = configuration.Tag?.Text;
            string? digestText = configuration.Digest?.Text;
            bool Valid(string? r, string n, string? t, string? d) => facts.Image(AspireImageName.Compose(r, n, t, d)).IsValid;

            var culprits = new List<Part>();
            if (registry is not null && Valid("registry.example", name.Text!, tagText, digestText))
            {
                culprits.Add(registry);
            }

            if (Valid(registryText, "app", tagText, digestText))
            {
                culprits.Add(name);
            }

            if (configuration.Tag is { } tag && Valid(registryText, name.Text!, "1", digestText))
            {
                culprits.Add(tag);
            }

            if (configuration.Digest is { } digest && Valid(registryText, name.Text!, tagText, new string('0', 64)))
            {
                culprits.Add(digest);
            }

            if (culprits.Count != 1)
            {
                return (name.Location, null);
            }

            var culprit = culprits[0];
            string? repair = null;
            if (culprit == name && name.Literal && ImageRepair.Suggest(name.Argument) is { } repaired
                && AspireImageName.Parse(repaired) is { } reparsed && Valid(registryText, reparsed.Name, tagText, digestText))
            {
                repair = repaired;
            }

            return (culprit.Location, repair);
        }

        private static string Calls(Configuration configuration)
        {
            var names = new List<string>();
            foreach (var part in new[] { configuration.Name, configuration.Registry, configuration.Tag, configuration.Digest }.Where(p => p is not null).OrderBy(p => p!.Step, Comparer<AspireStep>.Create(AspireStep.CompareOrder)))
            {
                string call = part!.Step.Name;
                if (!names.Contains(call))
                {
                    names.Add(call);
                }
            }

            return names.Count switch
            {
                1 => names[0],
                _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1],
            };
        }

        private static string Pattern(List<string> texts, List<string> holes)
        {
            var builder = new System.Text.StringBuilder();
            for (int i = 0; i < texts.Count; i++)
            {
                builder.Append(texts[i]);
                if (i < holes.Count)
                {
                    builder.Append('{').Append(holes[i]).Append('}');
                }
            }

            return builder.ToString();
        }

        /// <summary>One value given to one call: a constant (null for the constant <c>null</c>) or an unknown part.</summary>
        private sealed record Part
        {
            internal Part(string? text, bool known, string source, Location location, bool literal, AspireStep step)
            {
                Text = text;
                Argument = text;
                Known = known;
                Source = source;
                Location = location;
                Literal = literal;
                Step = step;
            }

            /// <summary>The part's text: the whole argument, or what Aspire takes of it (the name, the tag, the digest).</summary>
            internal string? Text { get; init; }

            /// <summary>The constant argument as given, before Aspire splits it.</summary>
            internal string? Argument { get; }

            internal bool Known { get; init; }

            internal string Source { get; }

            internal Location Location { get; }

            /// <summary>True when the finding is on a string literal a fix can rewrite.</summary>
            internal bool Literal { get; }

            internal AspireStep Step { get; }

            internal bool IsNull => Known && Text is null;
        }

        /// <summary>The image annotation Aspire builds: its registry, image, tag or digest, and the pull policy.</summary>
        private sealed record Configuration
        {
            internal static readonly Configuration Empty = new();

            internal Part? Registry { get; init; }

            internal Part? Name { get; init; }

            /// <summary>True when Aspire's parser rejects the image string: the call throws.</summary>
            internal bool Rejected { get; init; }

            internal Part? Tag { get; init; }

            internal bool TagDefaulted { get; init; }

            internal Part? Digest { get; init; }

            internal Part? Policy { get; init; }

            // WithImageTag: the tag replaces the digest (ContainerImageAnnotation's Tag and SHA256 exclude each other).
            internal Configuration WithTag(Part tag) => this with { Tag = tag, Digest = null, TagDefaulted = false };
        }
    }
}
