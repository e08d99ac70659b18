using System.Threading.Tasks;
using Xunit;
using ImageVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.ImageReferenceAnalyzer>;
using PolicyVerify = K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.PullPolicyAnalyzer>;

namespace K8sManifestAnalyzers.Tests.Flow;

/// <summary>
/// Tables written in the code iterated by LINQ <c>Select</c>, <c>ForEach</c>, or a <c>foreach</c> over a list of strings
/// (issue 19): each row's cell is a possible value, and messages name the row it comes from.
/// </summary>
public sealed class TablesThroughLinqTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;
        using k8s.Models;

        static class Jobs
        {
            static readonly (string Name, string Image, string Schedule)[] Table =
            {
                ("backup", "ghcr.io/acme/backup:1.2", "0 1 * * *"),
                ("report", "ghcr.io/acme/report:latest", "0 2 * * *"),
            };

            static readonly string[] Images = { "ghcr.io/acme/a:1.0", "ghcr.io/acme/b:latest" };

            public static IEnumerable<V1CronJob> All() => Table.Select(job => new V1CronJob
            {
                Metadata = new() { Name = job.Name },
                Spec = new()
                {
                    Schedule = job.Schedule,
                    JobTemplate = new() { Spec = new() { Template = new() { Spec = new() { RestartPolicy = "Never", Containers = [new() { Name = job.Name, Image = {|#0:job.Image|}, ImagePullPolicy = {|#1:"IfNotPresent"|} }] } } } },
                },
            });

            public static List<V1Container> Selected() => Images.Select(image => new V1Container { Name = "x", Image = {|#2:image|}, ImagePullPolicy = {|#3:"IfNotPresent"|} }).ToList();

            public static IEnumerable<V1Container> Looped()
            {
                foreach (var image in Images)
                {
                    yield return new V1Container { Name = "y", Image = {|#4:image|}, ImagePullPolicy = "Always" };
                }
            }

            public static void Each(List<V1PodSpec> specs) => Images.ToList().ForEach(image => specs.Add(new V1PodSpec { Containers = [new V1Container { Name = "z", Image = {|#5:image|}, ImagePullPolicy = "Always" }] }));
        }
        """;

    [Fact]
    public async Task RowsIteratedByLinq_AreCheckedAndNamed()
    {
        var images = new ImageVerify.Test();
        images.TestState.Sources.Add(Source);
        var mutable = K8sManifestAnalyzers.Descriptors.KMA005_MutableImageTagFrom;
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(mutable).WithLocation(0).WithArguments("ghcr.io/acme/report:latest", "uses the tag 'latest'", "row 2 of Table"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(mutable).WithLocation(2).WithArguments("ghcr.io/acme/b:latest", "uses the tag 'latest'", "row 2 of Images"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(mutable).WithLocation(4).WithArguments("ghcr.io/acme/b:latest", "uses the tag 'latest'", "row 2 of Images"));
        images.ExpectedDiagnostics.Add(ImageVerify.Diagnostic(mutable).WithLocation(5).WithArguments("ghcr.io/acme/b:latest", "uses the tag 'latest'", "row 2 of Images"));
        await images.RunAsync();

        var policies = new PolicyVerify.Test();
        policies.TestState.Sources.Add(Source);
        var stale = K8sManifestAnalyzers.Descriptors.KMA003_StalePolicyForMutableImageFrom;
        policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(stale).WithLocation(1).WithArguments("ghcr.io/acme/report:latest", "tag 'latest'", "row 2 of Table"));
        policies.ExpectedDiagnostics.Add(PolicyVerify.Diagnostic(stale).WithLocation(3).WithArguments("ghcr.io/acme/b:latest", "tag 'latest'", "row 2 of Images"));
        await policies.RunAsync();
    }
}
