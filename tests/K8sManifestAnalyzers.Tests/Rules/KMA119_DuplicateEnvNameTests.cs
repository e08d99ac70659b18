using System.Threading.Tasks;
using K8sManifestAnalyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = K8sManifestAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    K8sManifestAnalyzers.Tests.Verifiers.EnvironmentAnalyzer,
    K8sManifestAnalyzers.CodeFixes.RemoveDuplicateEnvEntryCodeFix>;

namespace K8sManifestAnalyzers.Tests.Rules;

/// <summary>KMA119: two env entries of one container with the same name.</summary>
public sealed class KMA119_DuplicateEnvNameTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Duplicate(int location, string name, int line) =>
        VerifyCS.Diagnostic("KMA119").WithLocation(location).WithArguments(name, line.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task EarlierEntries_AreRemoved_FixAll() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                const string Level = "LOG_LEVEL";

                public static V1Container List() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar>
                    {
                        new() { Name = {|#0:"LOG_LEVEL"|}, Value = "info" },
                        new() { Name = "DB_HOST", Value = "db" },
                        new() { Name = {|#1:Level|}, Value = "debug" },
                        new() { Name = "LOG_LEVEL", Value = "trace" },
                    },
                };

                public static V1Container Collection() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env =
                    [
                        new() { Name = {|#2:"MODE"|}, Value = "a" },
                        new() { Name = "MODE", Value = "b" },
                    ],
                };

                public static V1Container Array() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new[] { new V1EnvVar { Name = {|#3:"MODE"|}, Value = "a" }, new V1EnvVar { Name = "MODE", Value = "b" } },
                };

                public static void Assigned(V1Container container) =>
                    container.Env = new List<V1EnvVar> { new() { Name = {|#4:"MODE"|}, Value = "a" }, new() { Name = "MODE", Value = "b" } };
            }
            """,
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                const string Level = "LOG_LEVEL";

                public static V1Container List() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar>
                    {
                        new() { Name = "DB_HOST", Value = "db" },
                        new() { Name = "LOG_LEVEL", Value = "trace" },
                    },
                };

                public static V1Container Collection() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env =
                    [
                        new() { Name = "MODE", Value = "b" },
                    ],
                };

                public static V1Container Array() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new[] { new V1EnvVar { Name = "MODE", Value = "b" } },
                };

                public static void Assigned(V1Container container) =>
                    container.Env = new List<V1EnvVar> { new() { Name = "MODE", Value = "b" } };
            }
            """,
            expected: new[]
            {
                Duplicate(0, "LOG_LEVEL", 16),
                Duplicate(1, "LOG_LEVEL", 17),
                Duplicate(2, "MODE", 28),
                Duplicate(3, "MODE", 36),
                Duplicate(4, "MODE", 40),
            });

    [Fact]
    public Task HelpersAddsAndExpansions_AreReported_WithoutAFix() =>
        VerifyCS.VerifyNoCodeFixAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

                public static V1Container Helpers() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar> { Env({|#0:"MODE"|}, "a"), new() { Name = "MODE", Value = "b" } },
                };

                public static V1Container Expansion() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar>
                    {
                        new() { Name = {|#1:"HOST"|}, Value = "db" },
                        new() { Name = "URL", Value = "http://$(HOST)/" },
                        new() { Name = "HOST", Value = "db2" },
                    },
                };

            }
            """,
            Duplicate(0, "MODE", 12),
            Duplicate(1, "HOST", 23));

    // Reported from the Add, on an entry written before it: the code-fix verifier rejects such non-local findings even
    // without a fix, so this case runs through the analyzer verifier.
    [Fact]
    public Task EntriesAddedLater_AreReportedOnTheEarlierEntry() =>
        K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.EnvironmentAnalyzer>.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

                public static V1Container Added()
                {
                    var container = new V1Container
                    {
                        Name = "api",
                        Image = "shop/api:1.0",
                        Env = new List<V1EnvVar> { new() { Name = {|#2:"MODE"|}, Value = "a" } },
                    };
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    container.Env.Add(new V1EnvVar { Name = {|#3:"DEBUG"|}, Value = "1" });
                    container.Env.Add(Env("DEBUG", "0"));
                    return container;
                }
            }
            """,
            Duplicate(2, "MODE", 16),
            Duplicate(3, "DEBUG", 18));

    // Every way the body lists entries before an Add: a helper handed the container, a local assigned once after its
    // declaration, the list assigned again, `??=`, an Add inside a lambda (checked against what is listed on every
    // path to it).
    [Fact]
    public Task EntriesListedBeforeAnAdd_ThroughParametersAssignmentsAndLambdas_AreReported() =>
        K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.EnvironmentAnalyzer>.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static void Configure(V1Container container)
                {
                    container.Env.Add(new V1EnvVar { Name = {|#0:"MODE"|}, Value = "a" });
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                }

                public static V1Container AssignedLater()
                {
                    V1Container container;
                    container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = "OLD", Value = "x" } } };
                    container.Env = new List<V1EnvVar> { new() { Name = {|#1:"LEVEL"|}, Value = "info" } };
                    container.Env.Add(new V1EnvVar { Name = "OLD", Value = "y" });
                    container.Env.Add(new V1EnvVar { Name = "LEVEL", Value = "debug" });
                    return container;
                }

                public static V1Container Coalesced()
                {
                    var container = new V1Container { Name = "api" };
                    container.Env ??= new List<V1EnvVar>();
                    container.Env.Add(new V1EnvVar { Name = {|#2:"PORT"|}, Value = "80" });
                    container.Env.Add(new V1EnvVar { Name = "PORT", Value = "8080" });
                    return container;
                }

                public static V1Container InLambda(List<string> names)
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = {|#3:"NAME"|}, Value = "a" } } };
                    names.ForEach(n => container.Env.Add(new V1EnvVar { Name = "NAME", Value = n }));
                    return container;
                }
            }
            """,
            Duplicate(0, "MODE", 9),
            Duplicate(1, "LEVEL", 18),
            Duplicate(2, "PORT", 27),
            Duplicate(3, "NAME", 34));

    // What the body may list before an Add in a way not read on every path: an Add in a loop, in a lambda or in a
    // branch; an Insert; a helper or a call not followed handed the container; an owner reached through an element or
    // assigned twice; a list assigned in a branch. Silent.
    [Fact]
    public Task EntriesNotListedOnEveryPathBeforeAnAdd_AreNotReported() =>
        K8sManifestAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<K8sManifestAnalyzers.Tests.Verifiers.EnvironmentAnalyzer>.VerifyAnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1Container LoopBefore(string[] names)
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar>() };
                    foreach (var name in names)
                    {
                        container.Env.Add(new V1EnvVar { Name = "MODE", Value = name });
                    }

                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "z" });
                    return container;
                }

                public static V1Container LambdaBefore()
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar>() };
                    Action add = () => container.Env.Add(new V1EnvVar { Name = "MODE", Value = "a" });
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    add();
                    return container;
                }

                public static V1Container Inserted()
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar>() };
                    container.Env.Insert(0, new V1EnvVar { Name = "MODE", Value = "a" });
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return container;
                }

                public static V1Container Handed(Action<V1Container> configure)
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = "MODE", Value = "a" } } };
                    configure(container);
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return container;
                }

                static void Reset(V1Container container) => container.Env = new List<V1EnvVar>();

                public static V1Container Helper()
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = "MODE", Value = "a" } } };
                    Reset(container);
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return container;
                }

                public static void HelperOnParameter(V1Container container)
                {
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "a" });
                    Reset(container);
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                }

                public static V1PodSpec Element(V1PodSpec spec)
                {
                    spec.Containers[0].Env.Add(new V1EnvVar { Name = "MODE", Value = "a" });
                    spec.Containers[0].Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return spec;
                }

                public static V1Container AssignedTwice(bool flag)
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = "MODE", Value = "a" } } };
                    if (flag)
                    {
                        container = new V1Container { Name = "other", Env = new List<V1EnvVar>() };
                    }

                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return container;
                }

                public static V1Container ListInBranch(bool flag)
                {
                    var container = new V1Container { Name = "api", Env = new List<V1EnvVar> { new() { Name = "MODE", Value = "a" } } };
                    if (flag)
                    {
                        container.Env = new List<V1EnvVar>();
                    }

                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return container;
                }
            }
            """);

    [Fact]
    public Task DistinctComputedOrSeparateNames_AreNotReported() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1PodSpec Spec(string name, string other, bool debug) => new()
                {
                    Containers =
                    [
                        new() { Name = "api", Image = "shop/api:1.0", Env = [new() { Name = "MODE", Value = "a" }, new() { Name = "mode", Value = "b" }] },
                        new() { Name = "worker", Image = "shop/worker:1.0", Env = [new() { Name = "MODE", Value = "a" }] },
                        new() { Name = "side", Image = "shop/side:1.0", Env = [new() { Name = name, Value = "a" }, new() { Name = other, Value = "b" }] },
                        new() { Name = "cond", Image = "shop/side:1.0", Env = debug ? [new() { Name = "MODE", Value = "a" }] : [new() { Name = "MODE", Value = "b" }] },
                        new()
                        {
                            Name = "from",
                            Image = "shop/from:1.0",
                            Env = [new() { Name = "MODE", Value = "a" }],
                            EnvFrom = [new() { ConfigMapRef = new() { Name = "shop" } }, new() { ConfigMapRef = new() { Name = "shop" } }],
                        },
                    ],
                };

                public static V1Container Branches(bool debug)
                {
                    var container = new V1Container { Name = "api", Image = "shop/api:1.0", Env = new List<V1EnvVar>() };
                    if (debug)
                    {
                        container.Env.Add(new V1EnvVar { Name = "MODE", Value = "debug" });
                    }

                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "prod" });
                    return container;
                }

                public static V1Container Cleared()
                {
                    var container = new V1Container { Name = "api", Image = "shop/api:1.0", Env = new List<V1EnvVar> { new() { Name = "MODE", Value = "a" } } };
                    container.Env.Clear();
                    container.Env.Add(new V1EnvVar { Name = "MODE", Value = "b" });
                    return container;
                }
            }
            """);

    [Fact]
    public Task NestedInitializer_IsFixed() =>
        VerifyCS.VerifyCodeFixAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            class Holder { public IList<V1EnvVar> Env { get; } = new List<V1EnvVar>(); }

            static class Manifests
            {
                public static V1Container Api() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar>(),
                };

                public static V1EphemeralContainer Debug() => new()
                {
                    Name = "debug",
                    Image = "busybox:1.36",
                    Env = new List<V1EnvVar> { new V1EnvVar { Name = {|#0:"A"|} }, new V1EnvVar { Name = "A", Value = "1" } },
                };
            }
            """,
            """
            using System.Collections.Generic;
            using k8s.Models;

            class Holder { public IList<V1EnvVar> Env { get; } = new List<V1EnvVar>(); }

            static class Manifests
            {
                public static V1Container Api() => new()
                {
                    Name = "api",
                    Image = "shop/api:1.0",
                    Env = new List<V1EnvVar>(),
                };

                public static V1EphemeralContainer Debug() => new()
                {
                    Name = "debug",
                    Image = "busybox:1.36",
                    Env = new List<V1EnvVar> { new V1EnvVar { Name = "A", Value = "1" } },
                };
            }
            """,
            expected: new[] { Duplicate(0, "A", 19) });

    [Fact]
    public async Task KubernetesClient17Constructor_IsChecked()
    {
        var test = new VerifyCS.Test
        {
            ReferenceAssemblies = KubernetesReferences.WithoutKubernetes,
            TestCode = """
                using System.Collections.Generic;
                using k8s.Models;

                static class Manifests
                {
                    public static V1Container Api() => new V1Container("api", image: "shop/api:1.0", env: new List<V1EnvVar> { new V1EnvVar({|#0:"MODE"|}, "a"), new V1EnvVar("MODE", "b") });
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using k8s.Models;

                static class Manifests
                {
                    public static V1Container Api() => new V1Container("api", image: "shop/api:1.0", env: new List<V1EnvVar> { new V1EnvVar("MODE", "b") });
                }
                """,
        };
        test.TestState.Sources.Add(KubernetesClient17Stubs.Source);
        test.FixedState.Sources.Add(KubernetesClient17Stubs.Source);
        test.ExpectedDiagnostics.Add(Duplicate(0, "MODE", 6));
        await test.RunAsync();
    }

    [Fact]
    public Task HalfTypedEnvLists_DoNotThrow() =>
        VerifyCS.VerifyAnalyzerAsync(
            """
            using System.Collections.Generic;
            using k8s.Models;

            static class Manifests
            {
                public static V1Container A() => new() { Name = "api", Image = "shop/api:1.0", Env = new List<V1EnvVar> { new() { Name = "A" }, {|CS0103:x|}, new() { {|CS0117:Nam|} = "A" } } };
                public static void B(V1Container c) => c.Env.Add({|CS1503:"A"|});
            }
            """);
}
