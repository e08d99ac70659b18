using System.Collections.Immutable;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

/// <summary>The table of moved registries and the mutable-tag list, without Roslyn.</summary>
public sealed class RegistryMovesAndMutableTagsTests
{
    [Theory]
    [InlineData("k8s.gcr.io/pause:3.9", "registry.k8s.io/pause:3.9")]
    [InlineData("k8s.gcr.io/kube-proxy:v1.26.0", "registry.k8s.io/kube-proxy:v1.26.0")]
    [InlineData("bitnami/postgresql:16.1.0", "bitnamilegacy/postgresql:16.1.0")]
    [InlineData("docker.io/bitnami/postgresql:16.1.0", "docker.io/bitnamilegacy/postgresql:16.1.0")]
    [InlineData("nginx:1.27", null)]
    [InlineData("bitnami/postgresql:latest", null)]
    [InlineData("bitnami/postgresql", null)]
    [InlineData("bitnami/minideb:bookworm", null)]
    [InlineData("not an image", null)]
    public void Rewrite_KeepsEverythingButTheMovedPart(string image, string? expected)
    {
        string? rewritten = null;
        if (ImageReference.TryParseNormalized(image, out var reference, out _) && RegistryMoves.Find(reference!) is { } move)
        {
            rewritten = move.Rewrite(image);
        }

        Assert.Equal(expected, rewritten);
    }

    [Fact]
    public void EveryMove_HasAnAnnouncement_AndRewritesToAValidImage()
    {
        foreach (var move in RegistryMoves.All)
        {
            Assert.StartsWith("https://", move.Source);
            string sample = (move.FromPath is null ? move.FromDomain : move.From) + "/app:1.0";
            Assert.True(ImageReference.TryParseNormalized(move.Rewrite(sample), out var rewritten, out _), sample);
            Assert.StartsWith(move.To + "/", rewritten!.Name);
        }
    }

    [Theory]
    [InlineData("latest", true)]
    [InlineData("main", true)]
    [InlineData("nightly-2026", true)]
    [InlineData("nightly", false)]
    [InlineData("1.0-SNAPSHOT", true)]
    [InlineData("Main", false)]
    [InlineData("1.0", false)]
    public void MutableTags_MatchExactlyOrByPattern(string tag, bool mutable) =>
        Assert.Equal(mutable, MutableTags.Of(ImmutableArray.Create("main", "nightly-*", "*-SNAPSHOT", ":bad")).Contains(tag));

    [Fact]
    public void MutableTags_Default_IsLatestAlone()
    {
        Assert.True(MutableTags.Default.Contains("latest"));
        Assert.False(MutableTags.Default.Contains("main"));
        Assert.True(MutableTags.Of(ImmutableArray.Create("latest")).IsDefault);
        Assert.Equal("latest, main", MutableTags.Of(ImmutableArray.Create("main", "main")).ToString());
        Assert.NotNull(MutableTags.Problem(""));
        Assert.NotNull(MutableTags.Problem("a b"));
        Assert.Null(MutableTags.Problem("*"));
    }
}
