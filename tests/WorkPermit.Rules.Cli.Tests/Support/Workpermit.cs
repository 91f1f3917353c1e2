namespace WorkPermit.Rules.Cli.Tests.Support;

/// <summary>What one run of the CLI produced.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The lines of standard error that are not blank.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Output}--- stderr ---{Environment.NewLine}{Error}";
}

/// <summary>Runs the CLI in-process, through the same entry point as Program.cs, with captured input and output.</summary>
public static class Workpermit
{
    /// <summary>The date that stands for today in every test, so that no output drifts with the calendar.</summary>
    public static readonly DateOnly Today = new(2025, 11, 21);

    public static CliRun Run(params string[] args) => RunWithInput(string.Empty, args);

    public static CliRun RunWithInput(string input, params string[] args) => RunAs(Invocation.Built, input, args);

    /// <summary>Runs the CLI as if started the way <paramref name="invocation"/> says (its tips follow it).</summary>
    internal static CliRun RunAs(Invocation invocation, string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();

        // A wide page keeps quotes and paths on one line, so tests can look for them whole.
        // How it was started is fixed too: tips say 'workpermit ...' unless a test says otherwise.
        var settings = new CliSettings { Clock = new FixedClock(Today), Terminal = false, Width = 400, Invocation = invocation };
        var exitCode = CliApp.Run(args, reader, output, error, settings);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A path under the test data copied next to the tests.</summary>
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    private sealed class FixedClock(DateOnly date) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}

/// <summary>Assertions shared by the tests.</summary>
public static class CliAssert
{
    /// <summary>Bad input: exit code 2, one message naming what is given, and no stack trace anywhere.</summary>
    public static void InvalidInput(CliRun run, params string[] mentions)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.True(run.ErrorLines.Length == 1, $"expected one message:{Environment.NewLine}{run}");
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, run.ErrorLines[0], StringComparison.Ordinal);
        }

        NoStackTrace(run);
    }

    public static void NoStackTrace(CliRun run)
    {
        foreach (var text in new[] { run.Output, run.Error })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The line of the summary table for an outcome (found by its report path's label).</summary>
    public static string OutcomeLine(CliRun run, string label) =>
        run.Output.Split('\n').FirstOrDefault(l => l.Contains(label, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line with '{label}':{Environment.NewLine}{run.Output}");
}
