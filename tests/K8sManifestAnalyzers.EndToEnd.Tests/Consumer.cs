using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace K8sManifestAnalyzers.EndToEnd.Tests;

/// <summary>
/// The package, packed once per test run into a temporary folder under a version of its own. Consumers restore into
/// a packages folder of the run's own (<see cref="Packages"/>), with the user's global packages folder as a read-only
/// fallback: KubernetesClient and the other packages already there are used in place, not downloaded again, and the
/// run's package never lands in the user's folder.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("k8sma-e2e-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        var locals = Consumer.Run(Root, "dotnet", "nuget locals global-packages --list", TimeSpan.FromMinutes(1), userPackages: true);
        var line = locals.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal));
        if (locals.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException("dotnet nuget locals failed:\n" + locals.Output);
        }

        UserPackages = line.Substring("global-packages:".Length).Trim();

        // A version no earlier run used, so NuGet's cache never serves an older build of the package.
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        var pack = Consumer.Run(RepositoryRoot, "dotnet", $"pack src/K8sManifestAnalyzers.Package -o \"{Feed}\" -p:Version={Version}", TimeSpan.FromMinutes(5), userPackages: true);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        }

        Package = Directory.GetFiles(Feed, "*.nupkg").Single();
    }

    public static string RepositoryRoot { get; } = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public string Root { get; }

    public string Feed { get; }

    /// <summary>The packages folder the consumers restore into; deleted with <see cref="Root"/>.</summary>
    public string Packages { get; }

    /// <summary>The user's global packages folder, read by the consumers as a fallback, never written.</summary>
    public string UserPackages { get; }

    /// <summary>Where a restore would have put this run's package in the user's global packages folder.</summary>
    public string PackageInUserPackages => Path.Combine(UserPackages, "k8smanifestanalyzers", Version);

    public string Version { get; }

    public string Package { get; }

    /// <summary>A fresh consumer project folder outside the repository.</summary>
    public Consumer NewConsumer(string name) => new(Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]), this);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file: the temporary folder is left for the system to clean.
        }

        // Checked once more after every test: no consumer wrote into the user's folder.
        if (Directory.Exists(PackageInUserPackages))
        {
            throw new InvalidOperationException($"the run restored its package into the user's global packages folder: {PackageInUserPackages}");
        }
    }
}

/// <summary>A consumer project: its files, and the dotnet commands a user would run in it.</summary>
public sealed class Consumer
{
    private readonly PackageFixture _package;

    public Consumer(string folder, PackageFixture package)
    {
        Folder = Directory.CreateDirectory(folder).FullName;
        _package = package;
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                <add key="local" value="{package.Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{package.Packages}" />
              </config>
              <fallbackPackageFolders>
                <clear />
                <add key="user" value="{package.UserPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    public string Folder { get; }

    /// <summary>Writes the project file: KubernetesClient (when a version is given) and the package.</summary>
    public Consumer Project(string? kubernetesClient = "21.0.8", string targetFramework = "net10.0", string extra = "")
    {
        string frameworks = targetFramework.Contains(';') ? $"<TargetFrameworks>{targetFramework}</TargetFrameworks>" : $"<TargetFramework>{targetFramework}</TargetFramework>";
        string client = kubernetesClient is null ? string.Empty : $"""<PackageReference Include="KubernetesClient" Version="{kubernetesClient}" />""";
        Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                {extra}
              </PropertyGroup>
              <ItemGroup>
                {client}
                <PackageReference Include="K8sManifestAnalyzers" Version="{_package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    /// <summary>
    /// Writes an Aspire app-host project file by hand (the project templates do not install here): the app-host SDK
    /// 13.6.4, the 13.6.5 libraries, and the package.
    /// </summary>
    public Consumer AspireAppHost()
    {
        Write("AppHost.csproj", $"""
            <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <UserSecretsId>k8sma-e2e-apphost</UserSecretsId>
                <NoWarn>$(NoWarn);NU1603;ASPIRE010</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Aspire.Hosting.AppHost" Version="13.6.5" />
                <PackageReference Include="Polly.Core" Version="8.8.0" />
                <PackageReference Include="Nerdbank.MessagePack" Version="1.3.88" />
                <PackageReference Include="K8sManifestAnalyzers" Version="{_package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        return this;
    }

    public Consumer Write(string relativePath, string text)
    {
        string path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    /// <summary>A full build, unless <paramref name="incremental"/>: then only what MSBuild finds out of date.</summary>
    public (int ExitCode, string Output) Build(string arguments = "", bool incremental = false) =>
        Run(Folder, "dotnet", (incremental ? "build" : "build --no-incremental") + " -nologo -clp:NoSummary -v:q " + arguments, TimeSpan.FromMinutes(5));

    public (int ExitCode, string Output) Format(string arguments) =>
        Run(Folder, "dotnet", "format analyzers " + arguments, TimeSpan.FromMinutes(5));

    /// <summary>The diagnostics of our rules in a build's output, one line each, without duplicates.</summary>
    public static IReadOnlyList<string> Findings(string output) =>
        output.Split('\n').Where(l => l.Contains(": warning KMA", StringComparison.Ordinal) || l.Contains(": error KMA", StringComparison.Ordinal))
            .Select(l => l.Trim()).Distinct().ToList();

    /// <summary>
    /// Runs a command in <paramref name="folder"/>. A NUGET_PACKAGES variable would win over a consumer's
    /// globalPackagesFolder, so it is removed, unless <paramref name="userPackages"/> (the fixture's own commands,
    /// which use the user's packages). <paramref name="cliHome"/>, when given, is the command's DOTNET_CLI_HOME.
    /// </summary>
    internal static (int ExitCode, string Output) Run(string folder, string file, string arguments, TimeSpan timeout, bool userPackages = false, string? cliHome = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (!userPackages)
        {
            start.Environment.Remove("NUGET_PACKAGES");
        }

        if (cliHome is not null)
        {
            start.Environment["DOTNET_CLI_HOME"] = cliHome;
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
