using System.Diagnostics;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>The built CLI as a real process, with its output redirected as in a pipe.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Workpermit_OutputRedirected_WritesNoAnsiEscapeCodes()
    {
        // 1. Start the built CLI (copied next to the tests) with stdout redirected, in an environment that claims a
        //    colour terminal: Spectre.Console 0.49 alone would then write colour codes into the pipe.
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "workpermit.dll"), "--as-of", "2025-11-21"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLORTERM"] = "truecolor";
        start.Environment.Remove("NO_COLOR");

        // 2. Run it to the end.
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var errorTask = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var error = await errorTask;

        // 3. The report is there, as plain text.
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {error}");
        Assert.Contains("Work permit report", output, StringComparison.Ordinal);
        Assert.Contains("Open questions", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u001b', error);
    }

    /// <summary>The dotnet host running these tests (or the one on the PATH).</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
