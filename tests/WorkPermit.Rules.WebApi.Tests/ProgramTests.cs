using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using WorkPermit.Rules.WebApi.Tests.Support;

namespace WorkPermit.Rules.WebApi.Tests;

/// <summary>The application as a real process, as <c>dotnet run</c> starts it: where it listens, and Kestrel's own answers.</summary>
public sealed partial class ProgramTests
{
    [Theory]
    [InlineData("--port", null)]
    [InlineData(null, "PORT")]
    public async Task Program_PortGiven_ListensOnLoopbackOnlyAtThatPort(string? argument, string? environment)
    {
        // Port 0 lets the system pick a free port; the log line says which.
        await using var app = await RunningApp.StartAsync(argument is null ? [] : [argument, "0"], environment is null ? [] : [(environment, "0")]);

        Assert.Equal("127.0.0.1", app.Address.Host);
        Assert.NotEqual(0, app.Address.Port);
        using var client = new HttpClient { BaseAddress = app.Address };
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Program_OverKestrel_BodyOverTheLimitIs413AndAProfileIsEvaluated()
    {
        await using var app = await RunningApp.StartAsync(["--port", "0"], []);
        using var client = new HttpClient { BaseAddress = app.Address };

        using var big = new StringContent("{" + new string(' ', 70 * 1024) + "}", Encoding.UTF8, "application/json");
        var tooLarge = await client.PostAsync("/v1/evaluate", big);
        using var small = new StringContent("""{ "evaluationDate": "2025-04-14" }""", Encoding.UTF8, "application/json");
        var evaluated = await client.PostAsync("/v1/evaluate", small);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, evaluated.StatusCode);
    }

    [Fact]
    public async Task Program_OverKestrel_RequestsKestrelRefusesGetProblemDetails()
    {
        await using var app = await RunningApp.StartAsync(["--port", "0"], []);

        var tooLarge = await RawHttp.SendOneAsync(app.Address, $"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: {new string('b', 40_000)}\r\n\r\n");
        var malformed = await RawHttp.SendOneAsync(app.Address, "GARBAGE\r\n\r\n");

        Assert.Equal(431, tooLarge.Status);
        tooLarge.ReadProblem();
        Assert.Equal(400, malformed.Status);
        malformed.ReadProblem();
    }

    [Theory]
    [InlineData("--AllowedHosts=portal.example", null)]
    [InlineData(null, "AllowedHosts")]
    public async Task Program_AllowedHostsGiven_AnswersThatHostOnly(string? argument, string? environment)
    {
        await using var app = await RunningApp.StartAsync(
            argument is null ? ["--port", "0"] : ["--port", "0", argument],
            environment is null ? [] : [(environment, "portal.example")]);

        var portal = await RawHttp.SendOneAsync(app.Address, "GET /healthz HTTP/1.1\r\nHost: portal.example\r\nConnection: close\r\n\r\n");
        var loopback = await RawHttp.SendOneAsync(app.Address, $"GET /healthz HTTP/1.1\r\nHost: {app.Address.Authority}\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, portal.Status);
        Assert.Equal(400, loopback.Status);
        loopback.ReadProblem();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>The sample's own build output, run with <c>dotnet</c> in Production, stopped (this process only) when disposed.</summary>
    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly Process _process;

        private RunningApp(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<RunningApp> StartAsync(string[] arguments, (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "WorkPermit.Rules.WebApi.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // A clean environment for the address and the hosts: nothing inherited decides where it listens or whom it answers.
            foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_URLS", "URLS", "PORT", "AllowedHosts" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__Console__FormatterName"] = "simple";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var output = new StringBuilder();
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    output.AppendLine(line);
                    if (ListeningLine().Match(line) is { Success: true } match)
                    {
                        // Keep draining the log so the app never blocks on a full pipe.
                        _ = process.StandardOutput.ReadToEndAsync();
                        return new RunningApp(process, new Uri(match.Groups["url"].Value));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException($"The application did not say where it listens:{Environment.NewLine}{output}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
