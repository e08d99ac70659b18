using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sManifestAnalyzers.Analysis;
using K8sManifestAnalyzers.Analysis.Values;
using K8sManifestAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace K8sManifestAnalyzers.Tests;

/// <summary>
/// The container rules judge a model made by a front-end that is not the C# reader: here a test front-end whose sites
/// are spans of a text file, as a YAML or Aspire front-end's would be. The rules report on those sites, with the same
/// ids and fix properties as for C#, without any operation in sight.
/// </summary>
public sealed class ModelFrontEndTests
{
    private const string Path = "deploy/app.manifest";

    //                                   0         1         2         3         4         5
    //                                   0123456789012345678901234567890123456789012345678901234567
    private const string Text = "container: image=nginx:latest policy=IfNotPresent end";

    private static readonly CompilationFacts Facts = CompilationFacts.For(CSharpCompilation.Create("empty"));

    private static readonly AnalyzerOptions Options = new(ImmutableArray<AdditionalText>.Empty);

    [Fact]
    public void A_mutable_image_with_a_policy_that_does_not_pull_is_reported_on_the_policy_written_in_the_text()
    {
        var container = Container(image: ("nginx:latest", 17), policy: ("IfNotPresent", 37));

        var found = Judge(container);

        var stale = Assert.Single(found, d => d.Id == "KMA003");
        Assert.Equal(Span(37, "IfNotPresent"), stale.Location.SourceSpan);
        Assert.Equal(Path, stale.Location.GetLineSpan().Path);
        Assert.Contains("'nginx:latest'", stale.GetMessage());
        Assert.Equal("Always", stale.Properties["Replacement"]);

        var mutable = Assert.Single(found, d => d.Id == "KMA005");
        Assert.Equal(Span(17, "nginx:latest"), mutable.Location.SourceSpan);
        Assert.DoesNotContain(found, d => d.Id == "KMA001");
    }

    [Fact]
    public void A_policy_left_to_the_server_is_reported_on_the_container()
    {
        var container = Container(image: ("nginx:1.27.0", 17), policy: null);

        var found = Judge(container);

        var missing = Assert.Single(found);
        Assert.Equal("KMA001", missing.Id);
        Assert.Equal(new TextSpan(0, 9), missing.Location.SourceSpan);
    }

    [Fact]
    public void An_invalid_policy_is_reported_with_its_suggestion()
    {
        var container = Container(image: ("nginx:1.27.0", 17), policy: ("ifnotpresent", 37));

        var found = Judge(container);

        var invalid = Assert.Single(found);
        Assert.Equal("KMA002", invalid.Id);
        Assert.Equal(new TextSpan(37, "ifnotpresent".Length), invalid.Location.SourceSpan);
        Assert.Equal("IfNotPresent", invalid.Properties["Replacement"]);
    }

    [Fact]
    public void A_pinned_image_with_a_valid_policy_gives_nothing()
    {
        var container = Container(image: ("nginx:1.27.0", 17), policy: ("IfNotPresent", 37));

        Assert.Empty(Judge(container));
    }

    [Fact]
    public void A_constant_chosen_where_the_text_does_not_write_it_is_reported_on_the_write_with_its_origin()
    {
        // The front-end read the image from a default elsewhere: the write is at 17, the constant's site at 45.
        var write = new TextSite(17, 12, "defaults.image");
        var constant = new PossibleValue("nginx:latest", new TextSite(45, 3, "defaults.image"), ValueScenario.Unconfigured, "the default of defaults.image");
        var image = ManifestValue.From(write, PossibleValues.Of(constant));
        var container = new ContainerModel(new TextSite(0, 9, "container"), new TextSite(0, 9, "container").Location, image, ManifestValue.Unset, isImageVolume: false, isAspire: false);

        var found = new List<Diagnostic>();
        ImageRuleSet.AnalyzeValue(found.Add, Options, ContainerProperty.Image, image, new BlockContainers(new[] { container }), Facts);

        var mutable = Assert.Single(Reported(found));
        Assert.Equal("KMA005", mutable.Id);
        Assert.Equal(new TextSpan(17, 12), mutable.Location.SourceSpan);
        Assert.Contains("the default of defaults.image", mutable.GetMessage());
    }

    // Every per-body container rule on one container, as the host calls them: each written value, then the container.
    private static List<Diagnostic> Judge(ContainerModel container)
    {
        var found = new List<Diagnostic>();
        var containers = new BlockContainers(new[] { container });
        foreach (var (property, value) in new[] { (ContainerProperty.Image, container.Image), (ContainerProperty.ImagePullPolicy, container.PullPolicy) })
        {
            if (value.IsWritten)
            {
                ImageRuleSet.AnalyzeValue(found.Add, Options, property, value, containers, Facts);
                PullPolicyRuleSet.AnalyzeValue(found.Add, Options, property, value, containers, Facts);
            }
        }

        ImageRuleSet.AnalyzeContainer(found.Add, Options, container, Facts);
        PullPolicyRuleSet.AnalyzeContainer(found.Add, Options, container, Facts);
        return Reported(found);
    }

    // What the driver keeps by default: the opt-in rules (KMA011, KMA012) are off, and the host reports each id and
    // location once.
    private static List<Diagnostic> Reported(List<Diagnostic> found) =>
        found.Where(d => d.Descriptor.IsEnabledByDefault).GroupBy(d => (d.Id, d.Location)).Select(g => g.First()).ToList();

    private static ContainerModel Container((string Text, int At) image, (string Text, int At)? policy)
    {
        var creation = new TextSite(0, 9, "container");
        return new ContainerModel(creation, creation.Location, Written(image), policy is { } p ? Written(p) : ManifestValue.Unset, isImageVolume: false, isAspire: false);
    }

    private static ManifestValue Written((string Text, int At) value)
    {
        var site = new TextSite(value.At, value.Text.Length, value.Text);
        return ManifestValue.From(site, PossibleValues.Of(new PossibleValue(value.Text, site, ValueScenario.Always, null)));
    }

    private static TextSpan Span(int start, string text)
    {
        Assert.Equal(text, Text.Substring(start, text.Length));
        return new TextSpan(start, text.Length);
    }

    // A site of the test front-end: a span of the manifest text.
    private sealed class TextSite : ValueSite
    {
        private readonly TextSpan _span;
        private readonly string _text;

        internal TextSite(int start, int length, string text)
        {
            _span = new TextSpan(start, length);
            _text = text;
        }

        internal override Location Location =>
            Location.Create(Path, _span, new LinePositionSpan(new LinePosition(0, _span.Start), new LinePosition(0, _span.End)));

        internal override bool IsImplicit => false;

        internal override string Describe() => _text;
    }
}
