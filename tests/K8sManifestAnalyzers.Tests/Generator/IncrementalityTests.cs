using System;
using System.Linq;
using K8sManifestAnalyzers.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace K8sManifestAnalyzers.Tests.Generator;

/// <summary>
/// The pipeline's models are equatable, so edits that do not touch a [ContainerImage] declaration leave its step
/// cached or unchanged (dotnet/runtime's LoggerMessage generator tests the same way).
/// </summary>
public sealed class IncrementalityTests
{
    private const string Declarations = """
        namespace Shop
        {
            [K8sManifests.ContainerImage("registry.example.com/shop/api", PullSecret = "shop-registry")]
            internal static partial class ApiImage { }

            internal static class Service
            {
                internal static int Compute() => 1;
            }
        }
        """;

    [Fact]
    public void UnrelatedNewFile_LeavesTheModelCached()
    {
        var (driver, compilation) = FirstRun(Declarations);
        var next = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var result = driver.RunGenerators(next).GetRunResult().Results.Single();
        AssertOutputs(result, ContainerImageGenerator.Steps.ImageTypes, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void EditOfAMethodBodyInTheSameFile_LeavesTheModelUnchanged()
    {
        var (driver, compilation) = FirstRun(Declarations);
        var next = Replace(compilation, Declarations.Replace("=> 1;", "=> 2;", StringComparison.Ordinal));
        var result = driver.RunGenerators(next).GetRunResult().Results.Single();
        AssertOutputs(result, ContainerImageGenerator.Steps.ImageTypes, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputs(result, ContainerImageGenerator.Steps.KubernetesClient, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void ChangedAttributeArgument_ModifiesTheModel()
    {
        var (driver, compilation) = FirstRun(Declarations);
        var next = Replace(compilation, Declarations.Replace("shop/api", "shop/web", StringComparison.Ordinal));
        var result = driver.RunGenerators(next).GetRunResult().Results.Single();
        AssertOutputs(result, ContainerImageGenerator.Steps.ImageTypes, IncrementalStepRunReason.Modified);
        Assert.Contains("shop/web", result.GeneratedSources.Single(g => g.HintName.StartsWith("Shop.ApiImage.ContainerImage.", StringComparison.Ordinal)).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecondDeclarationInAnotherFile_IsNew_TheFirstIsCached()
    {
        var (driver, compilation) = FirstRun(Declarations);
        var next = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "[K8sManifests.ContainerImage(\"nginx\")] internal static partial class Nginx { }",
            (CSharpParseOptions)compilation.SyntaxTrees.First().Options));
        var result = driver.RunGenerators(next).GetRunResult().Results.Single();
        var reasons = result.TrackedSteps[ContainerImageGenerator.Steps.ImageTypes].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Cached, reasons);
        Assert.Contains(IncrementalStepRunReason.New, reasons);
        Assert.Equal(2, reasons.Length);
    }

    [Fact]
    public void Model_HoldsNoSymbolsSyntaxOrLocations()
    {
        foreach (var type in new[] { typeof(ImageTypeModel), typeof(ContainingType) })
        {
            foreach (var property in type.GetProperties())
            {
                var propertyType = property.PropertyType;
                Assert.True(
                    propertyType == typeof(string) || propertyType == typeof(bool) || propertyType == typeof(EquatableArray<ContainingType>),
                    $"{type.Name}.{property.Name} is {propertyType.Name}: pipeline models hold only equatable values");
            }
        }

        var first = new ImageTypeModel("Shop", new EquatableArray<ContainingType>(System.Collections.Immutable.ImmutableArray.Create(new ContainingType("class", "Outer"))), "Api", "class", true, "r/a", "r", "a", null, "h");
        var second = new ImageTypeModel("Shop", new EquatableArray<ContainingType>(System.Collections.Immutable.ImmutableArray.Create(new ContainingType("class", "Outer"))), "Api", "class", true, "r/a", "r", "a", null, "h");
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { PullSecret = "s" });
    }

    // On GeneratorHarness: these tests need the driver's step tracking and a second run of the same driver, which the verifier does not expose.
    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string source)
    {
        var compilation = GeneratorHarness.Compilation(source, GeneratorHarness.Net80(withKubernetes: true));
        return (GeneratorHarness.Driver(compilation).RunGenerators(compilation), compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string source)
    {
        var tree = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    // Cached (not even re-run) and Unchanged (re-run, equal model) both mean no output is regenerated.
    private static void AssertOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }
}
