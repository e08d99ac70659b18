using System;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

/// <summary>The docker-config reader behind KMA105, on its own.</summary>
public sealed class RegistryCredentialModelTests
{
    [Theory]
    [InlineData("""{"auths":{"r.example.com":{"auth":"eDp5"}}}""")]
    [InlineData("""  {"credHelpers":{}, "auths" : { "a": {}, "r.example.com" : { "username":"u", "password":"p" } } }  """)]
    [InlineData("""{"auths":{"ghcr.io":{"identitytoken":"t"}}}""")]
    [InlineData("""{"auths":{"r":{"auth":"\u0041"}}}""")]
    public void AuthsWithCredential_IsADockerConfigWithCredential(string text) =>
        Assert.True(RegistryCredential.IsDockerConfigWithCredential(text));

    [Theory]
    [InlineData("""{"username":"alice","password":"hunter2"}""")]
    [InlineData("""{"identitytoken":"abc"}""")]
    [InlineData("""{"auths":{}}""")]
    [InlineData("""{"auths":{"r":{"auth":"","password":"   "}}}""")]
    [InlineData("""{"auths":{"r":{"auth":"x"}}""")]
    [InlineData("""{"auths":{"r":{"auth":"x"}}} trailing""")]
    [InlineData("""{"auths":{"r":{"auth":"x\q"}}}""")]
    [InlineData("""{"r.example.com":{"auth":"eDp5"}}""")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherText_IsNot(string? text) =>
        Assert.False(RegistryCredential.IsDockerConfigWithCredential(text));

    [Theory]
    [InlineData("""{"r.example.com":{"auth":"eDp5"}}""", true)]
    [InlineData("eyJyLmV4YW1wbGUuY29tIjp7ImF1dGgiOiJlRHA1In19", true)]
    [InlineData("""{"auths":{}}""", false)]
    [InlineData("e30=", false)]
    [InlineData("plain text", null)]
    public void SecretPayload_HoldsACredential(string payload, bool? expected) =>
        Assert.Equal(expected, RegistryCredential.PayloadHasCredential(payload));

    [Fact]
    public void DeepOrHostileInput_NeverThrows()
    {
        Assert.False(RegistryCredential.IsDockerConfigWithCredential(new string('{', 100_000)));
        Assert.False(RegistryCredential.IsDockerConfigWithCredential("{\"auths\":" + new string('[', 10_000)));
        var random = new Random(105);
        const string alphabet = "{}[]\":,\\u0aAuthsp \n";
        for (int i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            _ = RegistryCredential.IsDockerConfigWithCredential(text);
            _ = RegistryCredential.PayloadHasCredential(text);
        }
    }
}
