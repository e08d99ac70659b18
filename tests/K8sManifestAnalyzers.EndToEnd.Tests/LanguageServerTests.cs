using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Xunit;

namespace K8sManifestAnalyzers.EndToEnd.Tests;

/// <summary>
/// A real editor: csharp-ls 0.28.0, installed as a local dotnet tool by the test, driven over stdio with a small LSP
/// client. It answers workspace/configuration with csharp.analyzersEnabled = true, opens a consumer file, sees the
/// package's diagnostics, edits the text and sees them update.
/// </summary>
[Collection("package")]
public sealed class LanguageServerTests(PackageFixture package)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public void CsharpLs_ShowsTheDiagnostics_AndUpdatesThemAfterAnEdit()
    {
        var consumer = package.NewConsumer("editor").Project()
            .Write("Manifests.cs", "using k8s.Models;\npublic static class M { public static V1Container A() => new() { Name = \"a\", Image = \"nginx:1.27\" }; }\n")
            .Write("YamlManifests.cs", YamlSource);
        var restore = consumer.Build();
        Assert.True(restore.ExitCode == 0, restore.Output);
        var sln = Consumer.Run(consumer.Folder, "dotnet", "new sln --format sln -n Consumer", TimeSpan.FromMinutes(2));
        Assert.True(sln.ExitCode == 0, sln.Output);
        Assert.Equal(0, Consumer.Run(consumer.Folder, "dotnet", "sln Consumer.sln add Consumer.csproj", TimeSpan.FromMinutes(2)).ExitCode);
        // The local tool's resolver cache lives under DOTNET_CLI_HOME and records where the tool was restored: this
        // consumer's own packages folder, deleted after the run. A home of its own keeps a later run (of this test, on
        // the same machine) from resolving the tool to that deleted folder.
        string cliHome = Path.Combine(consumer.Folder, ".dotnet-home");
        Directory.CreateDirectory(cliHome);
        Assert.Equal(0, Consumer.Run(consumer.Folder, "dotnet", "new tool-manifest", TimeSpan.FromMinutes(2), cliHome: cliHome).ExitCode);
        var install = Consumer.Run(consumer.Folder, "dotnet", "tool install csharp-ls --version 0.28.0", TimeSpan.FromMinutes(5), cliHome: cliHome);
        // xunit 2 has no run-time skip: an install failure fails the test with the tool's own words.
        Assert.True(install.ExitCode == 0, "csharp-ls 0.28.0 could not be installed as a local dotnet tool:\n" + install.Output);

        using var server = new LanguageServer(consumer.Folder, cliHome);
        string uri = new Uri(Path.Combine(consumer.Folder, "Manifests.cs")).AbsoluteUri;
        server.Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(consumer.Folder + Path.DirectorySeparatorChar).AbsoluteUri,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject(), ["diagnostic"] = new JsonObject() },
            },
        });
        server.Notify("initialized", new JsonObject());
        server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = consumer.Read("Manifests.cs") },
        });
        var opened = server.WaitForCodes(uri, codes => codes.Contains("KMA001"), Wait);
        Assert.True(opened.Contains("KMA001"), "no KMA001 from csharp-ls; saw: " + string.Join(", ", opened) + "\n" + server.Log);

        string edited = "using k8s.Models;\npublic static class M { public static V1Container A() => new() { Name = \"a\", Image = \"nginx:1.27\", ImagePullPolicy = \"always\" }; }\n";
        server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = edited }),
        });
        var changed = server.WaitForCodes(uri, codes => codes.Contains("KMA002") && !codes.Contains("KMA001"), Wait);
        Assert.True(changed.Contains("KMA002") && !changed.Contains("KMA001"), "after the edit csharp-ls showed: " + string.Join(", ", changed) + "\n" + server.Log);

        // YAML in a C# string is read with the YamlDotNet packed beside the analyzer: the editor loads it too (had it
        // failed to load, the string would be KMA301, never KMA005).
        string yamlUri = new Uri(Path.Combine(consumer.Folder, "YamlManifests.cs")).AbsoluteUri;
        server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = yamlUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = consumer.Read("YamlManifests.cs") },
        });
        var yaml = server.WaitForCodes(yamlUri, codes => codes.Contains("KMA005"), Wait);
        Assert.True(yaml.Contains("KMA005") && !yaml.Contains("KMA301"), "csharp-ls on YAML in a C# string showed: " + string.Join(", ", yaml) + "\n" + server.Log);
    }

    private const string YamlSource = """"
        using k8s;
        using k8s.Models;

        public static class YamlManifests
        {
            public static V1Pod Web() => KubernetesYaml.Deserialize<V1Pod>("""
                apiVersion: v1
                kind: Pod
                metadata: { name: web }
                spec:
                  containers:
                    - name: web
                      image: nginx:latest
                      imagePullPolicy: Always
                """);
        }
        """";

    /// <summary>A minimal LSP client over the server's stdio: requests, notifications, and answers to its requests.</summary>
    private sealed class LanguageServer : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly StringBuilder _log = new();
        private readonly Dictionary<string, HashSet<string>> _pushed = new();
        private int _nextId;

        public LanguageServer(string folder, string cliHome)
        {
            var start = new ProcessStartInfo("dotnet", "tool run csharp-ls")
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment.Remove("NUGET_PACKAGES"); // the consumer's nuget.config names its packages folder
            start.Environment["DOTNET_CLI_HOME"] = cliHome; // where the tool was installed (see the test)
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            _process = Process.Start(start)!;
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_log) { _log.AppendLine(e.Data); } } };
            _process.BeginErrorReadLine();
            _input = _process.StandardInput.BaseStream;
            _output = _process.StandardOutput.BaseStream;
        }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.Length > 4000 ? _log.ToString(_log.Length - 4000, 4000) : _log.ToString();
                }
            }
        }

        public JsonNode? Request(string method, JsonNode parameters)
        {
            int id = ++_nextId;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            var deadline = DateTime.UtcNow + Wait;
            while (DateTime.UtcNow < deadline)
            {
                var message = Receive(deadline - DateTime.UtcNow);
                if (message is null)
                {
                    break;
                }

                if (message["id"]?.GetValueKind() == JsonValueKind.Number && message["id"]!.GetValue<int>() == id && message["method"] is null)
                {
                    return message["result"];
                }
            }

            throw new TimeoutException($"no answer to {method}\n{Log}");
        }

        public void Notify(string method, JsonNode parameters) =>
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>Waits until the diagnostics of <paramref name="uri"/> (pushed, or pulled every two seconds) satisfy the condition.</summary>
        public HashSet<string> WaitForCodes(string uri, Func<HashSet<string>, bool> done, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            var latest = new HashSet<string>();
            while (DateTime.UtcNow < deadline)
            {
                if (_pushed.TryGetValue(uri, out var pushed) && done(pushed))
                {
                    return pushed;
                }

                try
                {
                    var pulled = Request("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
                    latest = Codes(pulled?["items"]);
                    if (done(latest))
                    {
                        return latest;
                    }
                }
                catch (TimeoutException)
                {
                    break;
                }

                Thread.Sleep(2000);
            }

            return _pushed.TryGetValue(uri, out var last) ? last : latest;
        }

        private static HashSet<string> Codes(JsonNode? diagnostics)
        {
            var codes = new HashSet<string>();
            if (diagnostics is JsonArray array)
            {
                foreach (var diagnostic in array)
                {
                    if (diagnostic?["code"]?.ToString() is { } code)
                    {
                        codes.Add(code);
                    }
                }
            }

            return codes;
        }

        private void Send(JsonObject message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
            byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }

        // Reads one message; answers the server's own requests (configuration, registrations, progress) on the way.
        private JsonNode? Receive(TimeSpan timeout)
        {
            var read = System.Threading.Tasks.Task.Run(ReadMessage);
            if (!read.Wait(timeout))
            {
                return null;
            }

            var message = read.Result;
            if (message is null)
            {
                return null;
            }

            string? method = message["method"]?.GetValue<string>();
            if (method == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.GetValue<string>() is { } uri)
            {
                _pushed[uri] = Codes(message["params"]!["diagnostics"]);
            }
            else if (method is not null && message["id"] is { } id)
            {
                JsonNode? result = null;
                if (method == "workspace/configuration")
                {
                    var answers = new JsonArray();
                    foreach (var item in message["params"]?["items"]?.AsArray() ?? new JsonArray())
                    {
                        string? section = item?["section"]?.GetValue<string>();
                        answers.Add(section switch
                        {
                            "csharp" => new JsonObject { ["analyzersEnabled"] = true },
                            "csharp.analyzersEnabled" => JsonValue.Create(true),
                            null => new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } },
                            _ => null,
                        });
                    }

                    result = answers;
                }

                Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            }

            return message;
        }

        private JsonNode? ReadMessage()
        {
            int length = -1;
            var line = new StringBuilder();
            while (true)
            {
                int b = _output.ReadByte();
                if (b < 0)
                {
                    return null;
                }

                if (b == '\n')
                {
                    string header = line.ToString().TrimEnd('\r');
                    line.Clear();
                    if (header.Length == 0)
                    {
                        break;
                    }

                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    line.Append((char)b);
                }
            }

            var body = new byte[length];
            int offset = 0;
            while (offset < length)
            {
                int count = _output.Read(body, offset, length - offset);
                if (count <= 0)
                {
                    return null;
                }

                offset += count;
            }

            return JsonNode.Parse(body);
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }
    }
}
