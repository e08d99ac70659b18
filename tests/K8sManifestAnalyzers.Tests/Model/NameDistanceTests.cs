using System;
using System.Collections.Generic;
using System.Linq;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

/// <summary>
/// The bounded distance agrees with the full one, and the suggestion index finds every name the full scan finds:
/// checked against brute force on seeded random names, the shape of Secret names (lowercase, digits, dashes).
/// </summary>
public sealed class NameDistanceTests
{
    [Theory]
    [InlineData("shop-registry", "shop-regsitry", 2)]
    [InlineData("shop-registry", "shop-registry", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("registry", "registries", 3)]
    [InlineData("a", "b", 1)]
    public void Levenshtein_KnownPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, NameDistance.Levenshtein(a, b));
        Assert.Equal(Math.Min(expected, 3), NameDistance.Levenshtein(a, b, 2));
    }

    [Fact]
    public void BoundedDistance_AgreesWithTheFullOne_UpToTheBound()
    {
        var random = new Random(20261201);
        for (int n = 0; n < 5000; n++)
        {
            string a = RandomName(random, 0, 12);
            string b = random.Next(2) == 0 ? Mutate(random, a, random.Next(0, 4)) : RandomName(random, 0, 12);
            int full = NameDistance.Levenshtein(a, b);
            for (int max = 0; max <= 3; max++)
            {
                Assert.Equal(Math.Min(full, max + 1), NameDistance.Levenshtein(a, b, max));
            }

            bool close = full > 0 && full <= 2 && full * 3 < Math.Max(a.Length, b.Length);
            Assert.Equal(close, NameDistance.IsClose(a, b));
            Assert.Equal(close ? full : 0, NameDistance.CloseDistance(a, b));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(400)]
    public void SuggestionIndex_FindsEveryCloseName(int count)
    {
        var random = new Random(count);
        var names = Enumerable.Range(0, count).Select(_ => RandomName(random, 1, 20)).ToList();
        names.Add(new string('a', 60));
        names.Add(new string('a', 59) + "b");
        var index = new SuggestionIndex(names);
        for (int q = 0; q < 300; q++)
        {
            string query = q % 3 == 0 ? RandomName(random, 1, 20) : Mutate(random, names[random.Next(names.Count)], random.Next(0, 3));
            var candidates = index.Candidates(query);
            Assert.Equal(candidates.OrderBy(p => p), candidates);
            var expected = Enumerable.Range(0, names.Count).Where(p => NameDistance.IsClose(query, names[p]));
            Assert.Empty(expected.Except(candidates));
        }

        // A long name is compared in full.
        Assert.Contains(names.Count - 2, index.Candidates(new string('a', 59) + "c"));
    }

    private static string RandomName(Random random, int min, int max)
    {
        const string alphabet = "abcdefgh-0123";
        var chars = new char[random.Next(min, max + 1)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Mutate(Random random, string name, int edits)
    {
        var chars = new List<char>(name);
        for (int e = 0; e < edits; e++)
        {
            int kind = random.Next(3);
            if (kind == 0 || chars.Count == 0)
            {
                chars.Insert(random.Next(chars.Count + 1), (char)('a' + random.Next(8)));
            }
            else if (kind == 1)
            {
                chars.RemoveAt(random.Next(chars.Count));
            }
            else
            {
                chars[random.Next(chars.Count)] = (char)('a' + random.Next(8));
            }
        }

        return new string(chars.ToArray());
    }
}
