using System.Collections.Immutable;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

public sealed class NamePatternTests
{
    private static NamePattern Of(params string[] texts)
    {
        var holes = ImmutableArray.CreateBuilder<string>();
        for (int i = 1; i < texts.Length; i++)
        {
            holes.Add("h" + i);
        }

        return new NamePattern(ImmutableArray.Create(texts), holes.ToImmutable());
    }

    [Theory]
    [InlineData("acme-db", true)]
    [InlineData("-db", true)]
    [InlineData("acme-database", false)]
    [InlineData("db", false)]
    public void Matches_NamesWithTheConstantEnd(string name, bool expected) => Assert.Equal(expected, Of("", "-db").Matches(name));

    [Theory]
    [InlineData("tenant-a-db-primary", true)]
    [InlineData("tenant-db-primary", false)]
    [InlineData("tenant-primary-db", false)]
    [InlineData("tenant-db", false)]
    public void Matches_TextsInOrder(string name, bool expected) => Assert.Equal(expected, Of("tenant-", "-db-", "").Matches(name));

    [Fact]
    public void Matches_DoesNotReuseOverlappingEnds() => Assert.False(Of("ab", "ba").Matches("aba"));

    [Fact]
    public void MayOverlap_FollowsTheConstantEnds()
    {
        Assert.True(Of("", "-db").MayOverlap(Of("acme-", "")));
        Assert.True(Of("", "-db").MayOverlap(Of("", "-db")));
        Assert.True(Of("shop-", "-db").MayOverlap(Of("shop-a", "")));
        Assert.False(Of("", "-db").MayOverlap(Of("", "-cache")));
        Assert.False(Of("shop-", "").MayOverlap(Of("billing-", "")));
    }

    [Fact]
    public void Display_WritesEachHole() => Assert.Equal("tenant-{h1}-db", Of("tenant-", "-db").Display);
}
