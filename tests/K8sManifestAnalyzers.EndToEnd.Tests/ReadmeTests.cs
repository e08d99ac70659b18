using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace K8sManifestAnalyzers.EndToEnd.Tests;

/// <summary>The commands the README gives, read from the README and run as written.</summary>
internal static class Readme
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(PackageFixture.RepositoryRoot, "README.md"));

    /// <summary>The arguments of the README's <c>dotnet format analyzers …</c> command.</summary>
    public static string FormatArguments
    {
        get
        {
            const string Prefix = "`dotnet format analyzers ";
            int start = Text.IndexOf(Prefix, StringComparison.Ordinal);
            Assert.True(start >= 0, "The README no longer gives a dotnet format command.");
            start += Prefix.Length;
            return Text[start..Text.IndexOf('`', start)];
        }
    }

    /// <summary>The one line of the README that starts with <paramref name="prefix"/> (a CI step).</summary>
    public static string Line(string prefix)
    {
        var lines = Text.Split('\n').Where(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"Expected one README line starting with '{prefix}', found {lines.Count}.");
        return lines[0].Trim()[prefix.Length..].Trim();
    }
}

[Collection("package")]
public sealed class ReadmeTests(PackageFixture package)
{
    // The build step of each CI recipe, with the CI system's folder variable pointing at the consumer: it must fail
    // the build on our warnings and still write a SARIF 2.1 log holding them.
    [Theory]
    [InlineData("- run:", "$GITHUB_WORKSPACE")]
    [InlineData("- script:", "$(Build.ArtifactStagingDirectory)")]
    public void CiRecipe_FailsTheBuild_AndWritesTheSarifLog(string step, string folderVariable)
    {
        string command = Readme.Line(step);
        Assert.Contains(folderVariable, command, StringComparison.Ordinal);
        var consumer = package.NewConsumer("ci").Project().Write("Manifests.cs", ConsumerBuildTests.Mistakes);
        consumer.Write("ci.sh", "set -e\n" + command.Replace(folderVariable, consumer.Folder, StringComparison.Ordinal) + "\n");

        var (exitCode, output) = Consumer.Run(consumer.Folder, "bash", "ci.sh", TimeSpan.FromMinutes(5));

        Assert.True(exitCode != 0, output);
        Assert.Contains("error KMA001", output, StringComparison.Ordinal);
        string log = Path.Combine(consumer.Folder, "k8s.sarif");
        Assert.True(File.Exists(log), output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(log));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "KMA001");
    }
}
