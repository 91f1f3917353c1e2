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

    [Fact]
    public async Task Workpermit_StartedAsTheBuiltDll_TipsNameWorkpermit()
    {
        // dotnet workpermit.dll is the built program: its tips name the program, never dotnet run.
        var (exit, output, error) = await RunAsync(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "workpermit.dll"), "--as-of", "2025-11-21"], AppContext.BaseDirectory);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("Next: 'workpermit interview'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workpermit_StartedThroughDotnetRun_TipsNameTheSameDotnetRun()
    {
        // The CLI's project was built (in this configuration) as a reference of the tests, so dotnet run need not build.
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        string[] arguments = ["run", "--no-build", "--project", "samples/WorkPermit.Rules.Cli", "-c", configuration, "--", "rules"];

        var (exit, output, error) = await RunAsync(DotnetHost(), arguments, root);

        // Where the system names the parent process (Linux), the tip repeats the user's own dotnet run; elsewhere the CLI
        // finds its project from where it was built.
        Assert.True(exit == 0, $"exit {exit}: {error}{output}");
        var prefix = OperatingSystem.IsLinux()
            ? $"dotnet run --no-build --project samples/WorkPermit.Rules.Cli -c {configuration} --"
            : $"dotnet run --project {Path.Combine("samples", "WorkPermit.Rules.Cli")}{(configuration == "Debug" ? string.Empty : " -c " + configuration)} --";
        Assert.Contains($"'{prefix} rules <ID>' shows one in full.", output.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string[] arguments, string folder)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };

        // A wide page, so that the tip is on one line.
        start.Environment["COLUMNS"] = "400";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var errorTask = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output, await errorTask);
    }

    /// <summary>The folder of WorkPermit.Rules.sln, above the tests' output.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorkPermit.Rules.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No WorkPermit.Rules.sln above {AppContext.BaseDirectory}.");
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
