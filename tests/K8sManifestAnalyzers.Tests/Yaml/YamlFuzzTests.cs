using System;
using System.Text;
using System.Threading;
using K8sManifestAnalyzers.Analysis.Yaml;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Yaml;

/// <summary>
/// The robustness harness replays C# inputs only; YAML files get their own: every prefix of a manifest, and seeded
/// mutations (characters deleted, duplicated, replaced by YAML's special characters), are read without an exception,
/// and a file the parser rejects gives one error with a location inside the file.
/// </summary>
public sealed class YamlFuzzTests
{
    private const string Manifest = """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api, labels: &labels { app: api } }
            spec:
              template:
                metadata: { labels: *labels }
                spec:
                  initContainers:
                    - name: migrate
                      image: "ghcr.io/acme/migrate:1.0"
                  containers:
                    - name: api
                      image: ghcr.io/acme/api:latest
                      imagePullPolicy: IfNotPresent
                      args: ['--port', "8080", |
                        folded]
                  volumes:
                    - name: models
                      image: { reference: 'ghcr.io/acme/models:v1', pullPolicy: Never }
        ---
        apiVersion: batch/v1
        kind: CronJob
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: report
                      image: >-
                        k8s.gcr.io/pause:3.9
        ...
        """;

    private static readonly char[] Special = { ':', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '#', '\t', '\n', ' ', '\uFEFF', '\uD800' };

    [Fact]
    public void EveryPrefix_IsReadWithoutAnException()
    {
        for (int length = 0; length <= Manifest.Length; length++)
        {
            Read(Manifest.Substring(0, length));
        }
    }

    [Fact]
    public void SeededMutations_AreReadWithoutAnException()
    {
        var random = new Random(22);
        for (int run = 0; run < 3000; run++)
        {
            var text = new StringBuilder(Manifest);
            for (int edit = random.Next(1, 4); edit > 0 && text.Length > 0; edit--)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, text[at]); break;
                    default: text[at] = Special[random.Next(Special.Length)]; break;
                }
            }

            Read(text.ToString());
        }
    }

    [Theory]
    [InlineData(100_000, "[")]
    [InlineData(100_000, "- ")]
    [InlineData(50_000, "{a: ")]
    [InlineData(20_000, "a: &a [*a, *a]\n")]
    public void DeepOrRepetitiveInputs_AreReadWithoutAnException(int count, string unit)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(unit);
        }

        Read(text.ToString());
    }

    [Fact]
    public void BillionLaughs_StaysSmall()
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Pod\nspec:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++)
        {
            text.Append($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        text.Append("  containers: [*a29, *a29]\n");
        var manifest = Read(text.ToString());
        Assert.Null(manifest.ParseError);
        Assert.Empty(manifest.Containers);
    }

    private static YamlManifest Read(string text)
    {
        var source = SourceText.From(text);
        var manifest = YamlManifestReader.Read("/deploy/app.yaml", source, CancellationToken.None);
        if (manifest.ProblemAt is { } at)
        {
            Assert.InRange(at.SourceSpan.End, 0, text.Length);
        }

        return manifest;
    }
}
