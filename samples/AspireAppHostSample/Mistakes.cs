// Deliberate mistakes: each line below is reported while this project builds.
internal static class Mistakes
{
    public static void AddAll(IDistributedApplicationBuilder builder)
    {
        // KMA005: no tag, so Aspire uses 'latest'.
        builder.AddContainer("grafana", "grafana/grafana");

        // KMA005 and KMA003: 'latest' with ImagePullPolicy.Missing keeps whatever a node pulled first.
        builder.AddContainer("worker", "ghcr.io/acme/worker:latest")
            .WithImagePullPolicy(ImagePullPolicy.Missing);

        // KMA004: repositories are lowercase (fix: lowercase it).
        builder.AddContainer("api", "ghcr.io/Acme/API", "1.4.2");

        // KMA010: k8s.gcr.io was frozen in 2023; its images live on at registry.k8s.io.
        builder.AddContainer("metrics", "k8s.gcr.io/metrics-server/metrics-server", "v0.6.4");

        // KMA005 through a constant: the tag is written elsewhere.
        builder.AddContainer("docs", "nginx").WithImageTag(Tags.Default);
    }

    private static class Tags
    {
        public const string Default = "latest";
    }
}
