// An app host written the way the analyzers want it: every image pinned, pull policies that fit the images.
var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddContainer("cache", "redis", "7.4.1")
    .WithImagePullPolicy(ImagePullPolicy.Missing);

builder.AddContainer("seq", "datalust/seq")
    .WithImageTag(SampleImages.SeqVersion)
    .WithImageRegistry("docker.io");

builder.AddContainer("pause", "registry.k8s.io/pause", "3.10");

Mistakes.AddAll(builder);

builder.Build().Run();

internal static class SampleImages
{
    public const string SeqVersion = "2025.2";
}
