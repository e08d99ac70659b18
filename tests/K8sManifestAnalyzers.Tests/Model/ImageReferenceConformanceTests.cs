using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using K8sManifestAnalyzers.Model;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Model;

/// <summary>
/// Runs the conformance vectors taken from the test tables of distribution/reference and Kubernetes
/// (see Conformance/README.md) against <see cref="ImageReference"/> and <see cref="PullPolicy"/>.
/// </summary>
public sealed class ImageReferenceConformanceTests
{
    // Rejected upstream only because the Go test binary registers sha256 alone; Kubernetes registers sha512.
    private static readonly HashSet<string> ValidForKubernetes = new(StringComparer.Ordinal) { "dr-parse-014" };

    private static readonly string[] ImplementedFunctions =
    {
        "parse", "normalized", "parse_named", "any", "docker_ref", "with_name", "with_tag", "with_digest",
        "k8s_parse_image_name", "k8s_default_pull_policy",
        "regexp_domain", "regexp_name", "regexp_reference", "regexp_identifier",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Vectors = new(Load);

    public static TheoryData<string> VectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var (id, vector) in Vectors.Value)
        {
            if (ImplementedFunctions.Contains(vector.GetProperty("function").GetString()))
            {
                data.Add(id);
            }
        }

        return data;
    }

    [Fact]
    public void EveryFunctionButFamiliarMatch_IsCovered()
    {
        var functions = Vectors.Value.Values.Select(v => v.GetProperty("function").GetString()!).Distinct().ToHashSet();
        functions.ExceptWith(ImplementedFunctions);
        Assert.Equal(new[] { "familiar_match" }, functions.ToArray());
        Assert.Equal(362, Vectors.Value.Count);
        Assert.Equal(352, VectorIds().Count<object[]>()); // the README's figure: every vector but familiar_match's 10
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Vector_Agrees(string id)
    {
        var v = Vectors.Value[id];
        string input = v.GetProperty("input").GetString()!;
        string function = v.GetProperty("function").GetString()!;
        bool? expectedValid = Bool(v, "valid");
        if (ValidForKubernetes.Contains(id))
        {
            // Upstream records no parts for a rejected vector; for us it is a plain name with a sha512 digest.
            Assert.True(ImageReference.TryParse(input, out var pinned, out var error), error.ToString());
            Assert.Null(pinned!.Domain);
            Assert.Equal(input.Substring(0, input.IndexOf('@')), pinned.Path);
            Assert.Null(pinned.Tag);
            Assert.StartsWith("sha512:", pinned.Digest);
            Assert.Equal(input, pinned.ToString());
            return;
        }

        switch (function)
        {
            case "parse":
                AssertReference(v, id, ImageReference.TryParse(input, out var r1, out var e1), r1, e1, expectedValid, "string");
                break;
            case "normalized":
                AssertReference(v, id, ImageReference.TryParseNormalized(input, out var r2, out var e2), r2, e2, expectedValid, "normalized");
                break;
            case "parse_named":
                AssertReference(v, id, ImageReference.TryParseNamed(input, out var r3, out var e3), r3, e3, expectedValid, "normalized");
                break;
            case "any":
                AssertReference(v, id, ImageReference.TryParseAny(input, out var r4, out var e4), r4, e4, expectedValid, "normalized");
                break;
            case "docker_ref":
                AssertReference(v, id, ImageReference.TryParseDockerRef(input, out var r5, out var e5), r5, e5, expectedValid, "normalized");
                break;
            case "with_name":
                AssertReference(v, id, ImageReference.TryCreateName(input, out var r6, out var e6), r6, e6, expectedValid, "string");
                break;
            case "with_tag":
            case "with_digest":
                AssertWith(v, id, input, function, expectedValid);
                break;
            case "k8s_parse_image_name":
                bool ok = ImageReference.TryParseNormalized(input, out var r7, out var e7);
                Assert.True(expectedValid == ok, $"{id}: expected valid={expectedValid}, got {ok} ({e7}) for '{input}'");
                if (ok)
                {
                    Assert.Equal(Str(v, "name"), r7!.Name);
                    Assert.Equal(Str(v, "tag"), r7.KubernetesTag);
                    Assert.Equal(Str(v, "digest"), r7.Digest);
                }
                else
                {
                    Assert.Equal(Str(v, "error"), GoName(e7));
                }

                break;
            case "k8s_default_pull_policy":
                Assert.Equal(Str(v, "expected_pull_policy"), PullPolicy.DefaultFor(input));
                break;
            case "regexp_domain":
                Assert.True(expectedValid == ImageReference.Grammar.MatchDomain(input, 0, input.Length), $"{id}: '{input}'");
                break;
            case "regexp_identifier":
                Assert.True(expectedValid == ImageReference.Grammar.IsIdentifier(input), $"{id}: '{input}'");
                break;
            case "regexp_name":
                bool nameMatch = ImageReference.Grammar.MatchName(input, 0, input.Length, out int domainEnd);
                Assert.True(expectedValid == nameMatch, $"{id}: '{input}'");
                if (nameMatch)
                {
                    Assert.Equal(Str(v, "domain"), domainEnd < 0 ? null : input.Substring(0, domainEnd));
                    Assert.Equal(Str(v, "path"), input.Substring(domainEnd + 1));
                }

                break;
            case "regexp_reference":
                bool referenceMatch = ImageReference.Grammar.MatchReference(input, out int nameEnd, out int tagStart, out int digestStart);
                Assert.True(expectedValid == referenceMatch, $"{id}: '{input}'");
                if (referenceMatch)
                {
                    int tagEnd = digestStart < 0 ? input.Length : digestStart - 1;
                    Assert.Equal(Str(v, "name"), input.Substring(0, nameEnd));
                    Assert.Equal(Str(v, "tag"), tagStart < 0 ? null : input.Substring(tagStart, tagEnd - tagStart));
                    Assert.Equal(Str(v, "digest"), digestStart < 0 ? null : input.Substring(digestStart));
                }

                break;
            default:
                Assert.Fail($"{id}: no runner for function '{function}'");
                break;
        }
    }

    private static void AssertWith(JsonElement v, string id, string input, string function, bool? expectedValid)
    {
        var args = v.GetProperty("args");
        bool baseOk = Str(args, "base") == "normalized"
            ? ImageReference.TryParseNormalized(input, out var named, out _)
            : ImageReference.TryCreateName(input, out named, out _);
        Assert.True(baseOk, $"{id}: base name '{input}' did not parse");

        ImageReference? result;
        ImageReferenceError error;
        bool ok;
        if (function == "with_tag")
        {
            if (Str(args, "digest_first") is { } first)
            {
                Assert.True(named!.TryWithDigest(first, out named, out _));
            }

            ok = named!.TryWithTag(Str(args, "tag"), out result, out error);
        }
        else
        {
            if (Str(args, "tag_first") is { } first)
            {
                Assert.True(named!.TryWithTag(first, out named, out _));
            }

            ok = named!.TryWithDigest(Str(args, "digest"), out result, out error);
        }

        AssertReference(v, id, ok, result, error, expectedValid, "string");
    }

    private static void AssertReference(JsonElement v, string id, bool ok, ImageReference? r, ImageReferenceError error, bool? expectedValid, string stringField)
    {
        Assert.True(expectedValid == ok, $"{id}: expected valid={expectedValid}, got {ok} ({error}) for '{Str(v, "input")}'");
        if (!ok)
        {
            Assert.Equal(Str(v, "error"), GoName(error));
            return;
        }

        Assert.NotNull(r);
        if (Str(v, "function") != "any" || r!.Path.Length != 0)
        {
            Assert.Equal(Str(v, "domain"), r!.Domain);
            Assert.Equal(Str(v, "path") ?? string.Empty, r.Path);
            Assert.Equal(Str(v, "name") ?? string.Empty, r.Name);
            Assert.Equal(Str(v, "tag"), r.Tag);
        }

        Assert.Equal(Str(v, "digest"), r!.Digest);
        Assert.Equal(Str(v, stringField), r.ToString());
        if (stringField == "normalized" && r.Path.Length != 0)
        {
            Assert.Equal(Str(v, "familiar"), r.FamiliarString);
        }
    }

    private static string GoName(ImageReferenceError error) => error switch
    {
        ImageReferenceError.NameEmpty => "ErrNameEmpty",
        ImageReferenceError.InvalidFormat => "ErrReferenceInvalidFormat",
        ImageReferenceError.NameContainsUppercase => "ErrNameContainsUppercase",
        ImageReferenceError.NameTooLong => "ErrNameTooLong",
        ImageReferenceError.NameIsHexIdentifier => "ErrNameIsHexIdentifier",
        ImageReferenceError.NameNotCanonical => "ErrNameNotCanonical",
        ImageReferenceError.TagInvalidFormat => "ErrTagInvalidFormat",
        ImageReferenceError.DigestInvalidFormat => "ErrDigestInvalidFormat",
        ImageReferenceError.DigestInvalidLength => "digest.ErrDigestInvalidLength",
        ImageReferenceError.DigestUnsupported => "digest.ErrDigestUnsupported",
        _ => error.ToString(),
    };

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;

    private static IReadOnlyDictionary<string, JsonElement> Load()
    {
        using var stream = typeof(ImageReferenceConformanceTests).Assembly.GetManifestResourceStream("image-references.json")
            ?? throw new InvalidOperationException("the conformance vectors are not embedded");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    }
}
