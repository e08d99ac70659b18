using System;
using System.Collections.Generic;
using System.Linq;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

/// <summary>
/// What the known parts of an image make certain (<c>{}</c> marks a hole in these patterns), and, checked against the
/// parser over many fillings of the holes, that every fact holds for every valid value.
/// </summary>
public sealed class PartialImageReferenceTests
{
    private static readonly string Digest = "sha256:" + new string('a', 64);

    // What a hole may hold: nothing, tags, paths, ports, digests, uppercase, separators.
    private static readonly string[] Fillings =
    [
        "", "1.0", "latest", "x", "api", "Acme", "x/y", "/x", "x/", ":5000/app", "5000/app", "5000", "io/acme", "corp/app",
        ".example.com", "@" + Digest, "1.0@" + Digest, "a:b", ":1.0", "acme", "library/nginx", "-", "aa" + new string('0', 62),
        new string('a', 64), "sha256", "x:latest",
    ];

    [Theory]
    [InlineData("quay.io/evil/miner:{}", "quay.io/evil/miner")]
    [InlineData("ghcr.io/acme/api:{}", "ghcr.io/acme/api")]
    [InlineData("nginx:1.{}", "docker.io/library/nginx")]
    [InlineData("library/nginx:{}", "docker.io/library/nginx")]
    [InlineData("ghcr.io/acme/api:1.0@sha256:{}", "ghcr.io/acme/api")]
    [InlineData("registry.example.com:5000/shop/api:{}", "registry.example.com:5000/shop/api")]
    public void HoleInTheTagOrDigest_TheNameIsKnown(string pattern, string name)
    {
        var image = Of(pattern);
        Assert.Equal(name, image.Name);
        Assert.Null(image.NamePrefix);
        Assert.Null(image.Problem);
    }

    [Theory]
    [InlineData("ghcr.io/acme/{}", "ghcr.io/acme/")]
    [InlineData("ghcr.io/acme/ap{}:1.0", "ghcr.io/acme/ap")]
    [InlineData("acme/{}", "docker.io/acme/")]
    [InlineData("docker.io/{}", "docker.io/")]
    [InlineData("docker.io/ng{}", "docker.io/")]
    [InlineData("index.docker.io/acme/{}", "docker.io/acme/")]
    [InlineData("localhost:5000/{}", "localhost:5000/")]
    public void HoleInTheName_AKnownPrefixWhenTheDomainIsCertain(string pattern, string prefix)
    {
        var image = Of(pattern);
        Assert.Null(image.Name);
        Assert.Equal(prefix, image.NamePrefix);
    }

    [Theory]
    [InlineData("{}/app:1.0")]
    [InlineData("ghcr.io{}/app")]
    [InlineData("acme{}/app")]
    [InlineData("app:{}")]
    [InlineData("localhost:{}")]
    [InlineData("{}")]
    public void DomainNotCertain_NothingOfTheNameIsKnown(string pattern)
    {
        var image = Of(pattern);
        Assert.Null(image.Name);
        Assert.Null(image.NamePrefix);
    }

    [Theory]
    [InlineData("{}:latest", "latest", false, true)]
    [InlineData("{}/app:latest", "latest", false, true)]
    [InlineData("{}/app", null, true, true)]
    [InlineData("ghcr.io{}/app", null, true, true)]
    [InlineData("{}:1.0", "1.0", false, false)]
    [InlineData("app:{}", null, false, false)]
    [InlineData("nginx:latest{}", null, false, false)]
    [InlineData("ghcr.io/acme/api:latest@{}", "latest", false, false)]
    [InlineData("{}@sha256:{}", null, false, false)]
    [InlineData("{}:{}", null, false, false)]
    [InlineData("{}:5000/app", null, true, true)]
    public void Tag_KnownOnlyWhenItsTextIsConstant(string pattern, string? tag, bool untagged, bool mutable)
    {
        var image = Of(pattern);
        Assert.Equal(tag, image.Tag);
        Assert.Equal(untagged, image.IsUntagged);
        Assert.Equal(mutable, image.IsMutable);
    }

    [Theory]
    [InlineData("ghcr.io/Acme/api:{}", "'Acme'")]
    [InlineData("ghcr.io/acme/Api{}", "'Api'")]
    [InlineData("{}/Acme/api", "'Acme'")]
    [InlineData("https://ghcr.io/acme/api:{}", "URL scheme")]
    [InlineData(" ghcr.io/acme/api:{}", "white space")]
    [InlineData("ghcr.io/acme/api: {}", "white space")]
    [InlineData("ghcr.io//api:{}", "'//'")]
    [InlineData("{}:-latest", "the tag '-latest' is invalid")]
    [InlineData("{}:", "the tag '' is invalid")]
    [InlineData("{}/{app}", "'{' appears nowhere")]
    [InlineData("ghcr.io/acme/api:1.0$-{}", "'$' appears nowhere")]
    public void KnownTextTheGrammarRejects_IsAProblem(string pattern, string part)
    {
        var image = Of(pattern);
        Assert.Contains(part, image.Problem);
        Assert.False(image.IsMutable);
        Assert.Null(image.Name);
        Assert.Null(image.NamePrefix);
    }

    [Theory]
    [InlineData("Acme/{}")]
    [InlineData("GHCR.io/acme/api:{}")]
    [InlineData("ghcr.io/acme/api:Latest{}")]
    [InlineData("{}Acme/api")]
    [InlineData("{}:{}")]
    [InlineData("ghcr.io/acme/api:{}-Alpine")]
    public void UppercaseWhereTheHolesDecide_IsNoProblem(string pattern)
    {
        Assert.Null(Of(pattern).Problem);
    }

    [Theory]
    [InlineData("quay.io/evil/miner:{}", "ghcr.io/acme", false)]
    [InlineData("ghcr.io/acme/api:{}", "ghcr.io/acme", true)]
    [InlineData("ghcr.io/acmecorp/api:{}", "ghcr.io/acme", false)]
    [InlineData("ghcr.io/acme/{}", "ghcr.io/acme", true)]
    [InlineData("ghcr.io/acme/{}", "https://ghcr.io/acme/", true)]
    [InlineData("ghcr.io/acme/ap{}", "ghcr.io/acme/api", null)]
    [InlineData("ghcr.io/acme/ap{}", "ghcr.io/acme/web", false)]
    [InlineData("ghcr.io/{}", "ghcr.io/acme", null)]
    [InlineData("ghcr.io/{}", "quay.io", false)]
    [InlineData("{}/app:1.0", "ghcr.io", null)]
    [InlineData("ghcr.io{}/app", "quay.io", null)]
    [InlineData("acme/{}", "docker.io", true)]
    [InlineData("index.docker.io/acme/{}", "docker.io/acme", true)]
    [InlineData("nginx:1.{}", "docker.io/library", true)]
    public void RegistryPrefix_MatchesOnlyWhatIsCertain(string pattern, string prefix, bool? expected)
    {
        Assert.Equal(expected, RegistryPrefix.Matches(Of(pattern), prefix));
    }

    [Fact]
    public void RegistryPrefix_ReportsOnlyWhenNoEntryCanMatch()
    {
        Assert.True(RegistryPrefix.MatchesNone(Of("quay.io/evil/miner:{}"), ["ghcr.io/acme", "docker.io"]));
        Assert.False(RegistryPrefix.MatchesNone(Of("ghcr.io/{}"), ["ghcr.io/acme", "docker.io"]));
        Assert.Equal("ghcr.io/acme", RegistryPrefix.FindMatch(Of("ghcr.io/acme/api:{}"), ["quay.io", "https://ghcr.io/acme/"]));
        Assert.Null(RegistryPrefix.FindMatch(Of("ghcr.io/{}"), ["ghcr.io/acme"]));
    }

    [Fact]
    public void AtLeastOneHole_IsRequired() =>
        Assert.Throws<ArgumentException>(() => PartialImageReference.Of(["nginx"]));

    /// <summary>
    /// Soundness: for patterns of one and two holes built from pieces of real references, every fact holds for every
    /// filling the parser accepts, and a problem means that no filling is accepted.
    /// </summary>
    [Fact]
    public void EveryFact_HoldsForEveryValidFilling()
    {
        string[] pieces =
        [
            "", "ghcr.io/acme/api:", "ghcr.io/acme/", "ghcr.io/acme/ap", "ghcr.io", "ghcr.io/", "acme/", "acme", "nginx:", "nginx:1.",
            ":latest", "/app:latest", "/app", ":1.0", "@sha256:", "app:", "localhost:", "localhost:5000/", "docker.io/", "index.docker.io/",
            "ghcr.io/Acme/", "/Acme", ":", "x@", "library/nginx:", "ghcr.io/acme/api:1.0@",
        ];
        int checkedValues = 0;
        foreach (string a in pieces)
        {
            foreach (string b in pieces)
            {
                checkedValues += Check([a, b]);
                foreach (string c in new[] { "", "/", ":", "/app:latest", "-" })
                {
                    checkedValues += Check([a, c, b]);
                }
            }
        }

        Assert.True(checkedValues > 1000, $"only {checkedValues} valid values checked");
    }

    private static int Check(string[] texts)
    {
        var image = PartialImageReference.Of(texts);
        int valid = 0;
        foreach (string value in Fill(texts))
        {
            if (!ImageReference.TryParseNormalized(value, out var reference, out _))
            {
                continue;
            }

            valid++;
            string pattern = string.Join("{}", texts);
            Assert.True(image.Problem is null, $"'{pattern}' has a problem ({image.Problem}) but '{value}' is valid");
            if (image.Name is { } name)
            {
                Assert.True(name == reference!.Name, $"'{pattern}': name {name}, but '{value}' is {reference.Name}");
            }

            if (image.NamePrefix is { } prefix)
            {
                Assert.True(reference!.Name.StartsWith(prefix, StringComparison.Ordinal), $"'{pattern}': prefix {prefix}, but '{value}' is {reference.Name}");
            }

            if (image.Tag is { } tag)
            {
                Assert.True(tag == reference!.Tag, $"'{pattern}': tag {tag}, but '{value}' has {reference.Tag}");
            }

            Assert.True(!image.IsUntagged || reference!.Tag is null && reference.Digest is null, $"'{pattern}' untagged, but '{value}' is not");
            Assert.True(!image.IsPinned || reference!.Digest is not null, $"'{pattern}' pinned, but '{value}' is not");
            Assert.True(!image.IsMutable || reference!.IsMutable, $"'{pattern}' mutable, but '{value}' is not");
        }

        return valid;
    }

    private static IEnumerable<string> Fill(string[] texts)
    {
        IEnumerable<string> values = [texts[0]];
        for (int i = 1; i < texts.Length; i++)
        {
            string text = texts[i];
            values = values.SelectMany(prefix => Fillings.Select(filling => prefix + filling + text));
        }

        return values;
    }

    private static PartialImageReference Of(string pattern) => PartialImageReference.Of(pattern.Split("{}"));
}
