using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace K8sManifestAnalyzers.Tests.Robustness;

/// <summary>
/// Typing simulation: every input of the harness (the sample's files and every manifest of the test sources) cut
/// after up to <see cref="MaxPrefixes"/> evenly spaced tokens, as if typing stopped there, and with up to
/// <see cref="MaxDeletions"/> evenly spaced tokens deleted one at a time; an input with fewer tokens gets every cut
/// and every deletion. Each variant is analysed the IDE's way (one document: semantic, then syntax diagnostics) with
/// the generator run first; every third variant also at compilation end, the way a build or full-solution analysis
/// sees it. None may throw. <see cref="MutationTests"/> adds seeded random edits.
/// </summary>
public sealed class TypingSimulationTests(ITestOutputHelper output)
{
    internal const int MaxPrefixes = 150;
    internal const int MaxDeletions = 150;
    private const int Shards = 6;

    public static TheoryData<int> ShardNumbers() => MutationTests.ShardData(Shards);

    [Fact]
    public void Variants_AreEvenlySpacedPrefixesAndDeletions()
    {
        const string source = "using k8s.Models; class C { V1Container M() => new V1Container { Name = \"a\", Image = \"nginx:1.25\" }; }";
        var tokens = Tokens(source);
        var variants = TypingVariants(source).ToList();

        // Fewer tokens than the caps: one cut after each token and one deletion of each.
        Assert.Equal(2 * tokens.Count, variants.Count);
        Assert.Equal(source.Substring(0, tokens[0].End), variants[0].Text);
        Assert.Equal(source, variants[tokens.Count - 1].Text);
        Assert.Equal(source.Remove(tokens[3].Start, tokens[3].Length), variants[tokens.Count + 3].Text);

        // A long source is capped, evenly.
        string longSource = string.Concat(Enumerable.Repeat(source, 20));
        var capped = TypingVariants(longSource).ToList();
        Assert.Equal(MaxPrefixes + MaxDeletions, capped.Count);
    }

    [Theory]
    [MemberData(nameof(ShardNumbers))]
    public async Task TypedAndDeleted_EveryInput_NeverCrashesAnAnalyzerOrTheGenerator(int shard)
    {
        var inputs = MutationTests.Inputs();
        var work = new List<(string Text, string What)>();
        int sources = 0;
        for (int index = shard; index < inputs.Count; index += Shards)
        {
            sources++;
            foreach (var (name, text) in TypingVariants(inputs[index].Source))
            {
                work.Add((text, $"{inputs[index].Origin}, {name}"));
            }
        }

        int done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, work.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (n, _) =>
            {
                await MutationTests.AnalyseAsync(work[n].Text, withOptions: n % 2 == 0, compilationEnd: n % 3 == 0, work[n].What);
                Interlocked.Increment(ref done);
            });

        output.WriteLine($"shard {shard}: {sources} sources, {done} variants, no exception");
        Assert.Equal(work.Count, done);
        Assert.True(done >= sources * 20, $"only {done} variants for {sources} sources");
    }

    /// <summary>Prefixes ending after evenly spaced tokens, then single deletions of evenly spaced tokens.</summary>
    internal static IEnumerable<(string Name, string Text)> TypingVariants(string source)
    {
        var tokens = Tokens(source);
        int prefixes = Math.Min(MaxPrefixes, tokens.Count);
        for (int i = 1; i <= prefixes; i++)
        {
            int end = tokens[(int)((long)tokens.Count * i / prefixes) - 1].End;
            yield return ($"typed up to {end}", source.Substring(0, end));
        }

        int deletions = Math.Min(MaxDeletions, tokens.Count);
        for (int i = 0; i < deletions; i++)
        {
            var span = tokens[(int)((long)tokens.Count * i / deletions)];
            yield return ($"deleted token at {span.Start}", source.Remove(span.Start, span.Length));
        }
    }

    private static List<TextSpan> Tokens(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).Select(t => t.Span).ToList();
}
