using k8s.Models;

/// <summary>
/// Deliberate mistakes, so that building the sample shows what the analyzers report.
/// Each comment names the rule that fires; open the file in an IDE to try the quick fixes.
/// </summary>
internal static class Mistakes
{
    public static V1Pod Worker() => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta { Name = "worker", NamespaceProperty = "shop" },
        Spec = new V1PodSpec
        {
            // KMA101: no Secret named 'shop-regsitry' exists (did you mean 'shop-registry'?).
            // KMA106: the same pull secret is listed twice.
            ImagePullSecrets = [new() { Name = "shop-regsitry" }, new() { Name = "shop-regsitry" }],
            Containers =
            [
                // KMA001: no ImagePullPolicy (the API server would store Always and keep it forever).
                // KMA005: "busybox" has no tag, so it means 'latest'.
                new V1Container { Name = "worker", Image = "busybox", Command = ["sleep", "3600"] },

                // KMA003: IfNotPresent with ':latest' keeps whatever each node pulled first.
                // KMA005: the tag 'latest'. KMA008: quay.io is not in k8s_manifests.allowed_registries.
                new V1Container { Name = "exporter", Image = "quay.io/prometheus/node-exporter:latest", ImagePullPolicy = "IfNotPresent" },
            ],
        },
    };

    // KMA008 with a tag known only at run time: the registry and repository are constants, so the
    // allow-list still applies to them.
    public static V1Container Miner(string tag) => new()
    {
        Name = "miner",
        Image = $"quay.io/evil/miner:{tag}",
        ImagePullPolicy = "IfNotPresent",
    };

    // KMA005 and KMA003 on a get-or-create, the way operators reconcile: the image and policy written one after the
    // other pair like those of a plain `new`, whichever container the local holds.
    public static void Reconcile(V1PodSpec spec)
    {
        var web = spec.Containers.FirstOrDefault(c => c.Name == "web");
        if (web is null)
        {
            spec.Containers.Add(web = new V1Container { Name = "web" });
        }

        web.Image = "nginx:latest";
        web.ImagePullPolicy = "IfNotPresent";
    }

    // KMA005 and KMA003 through an option default: with nothing configured, every node keeps whatever
    // 'datalust/seq:latest' it pulled first. No YAML linter can see this; the analyzers follow the values.
    public static V1Container Seq(SeqSpec spec, OperatorOptions options) => new()
    {
        Name = "seq",
        Image = spec.Image ?? options.DefaultImage,
        ImagePullPolicy = spec.ImagePullPolicy ?? "IfNotPresent",
    };
}

/// <summary>Options as an operator binds them from configuration; the initializer is the default.</summary>
internal sealed class OperatorOptions
{
    public string DefaultImage { get; set; } = "datalust/seq:latest";
}

/// <summary>The part of a custom resource that may override the image and policy.</summary>
internal sealed class SeqSpec
{
    public string? Image { get; set; }

    public string? ImagePullPolicy { get; set; }
}
