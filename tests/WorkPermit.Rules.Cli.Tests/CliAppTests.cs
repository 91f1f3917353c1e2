using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary>The entry point: the default run (the built-in example), help, version and usage errors.</summary>
public sealed class CliAppTests
{
    [Fact]
    public void Run_NoArguments_PrintsReadableReportOfBuiltInExample()
    {
        var run = Workpermit.Run();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Built-in example", run.Output, StringComparison.Ordinal);
        Assert.Contains("Toronto Pearson (YYZ)", run.Output, StringComparison.Ordinal);
        Assert.Contains("As of: evaluation 2025-11-21", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Run_NoArguments_ExclusionThatIsNoSaysItDoesNotApply()
    {
        var run = Workpermit.Run();

        // GEN-08 is an exclusion: its "no" must not read as "requirement not met".
        var lines = run.Output.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("GEN-08", StringComparison.Ordinal) && l.Contains("no", StringComparison.Ordinal));
        Assert.True(at >= 0, run.ToString());
        Assert.Contains("does not apply", lines[at + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ShowsOutcomesWithRulesQuotesDocumentsAdviceAndQuestions()
    {
        var run = Workpermit.Run();

        // Each outcome with its answer and the rules behind it.
        Assert.Contains("unknown", CliAssert.OutcomeLine(run, "May apply at the port of entry"), StringComparison.Ordinal);
        Assert.Contains("POE-04", CliAssert.OutcomeLine(run, "May apply at the port of entry"), StringComparison.Ordinal);
        Assert.Contains("yes", CliAssert.OutcomeLine(run, "Employer compliance fee required"), StringComparison.Ordinal);
        Assert.Contains("awaits the officer: GEN-02, GEN-06", run.Output, StringComparison.Ordinal);

        // The quoted passages behind them, documents, advice and the open questions.
        Assert.Contains("Why: Applying at a port of entry", run.Output, StringComparison.Ordinal);
        Assert.Contains("\u201c" + RuleCatalogue.Get("POE-04").Citations[0].Quote + "\u201d", run.Output, StringComparison.Ordinal);
        Assert.Contains("Job offer", run.Output, StringComparison.Ordinal);
        Assert.Contains("POE-09", run.Output, StringComparison.Ordinal);
        Assert.Contains("Open questions (", run.Output, StringComparison.Ordinal);
        Assert.Contains("job.employerComplianceFeePaid", run.Output, StringComparison.Ordinal);
        Assert.Contains("medical.designatedCountryMonthsPastYear", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AsOfWithoutCommand_EvaluatesExampleOnThatDate()
    {
        var run = Workpermit.Run("--as-of", "2025-03-01");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("As of: evaluation 2025-03-01, arrival 2025-03-01", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ListsEveryCommand()
    {
        var run = Workpermit.Run("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "evaluate", "interview", "check", "schema", "rules" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwoWithUsageMessage()
    {
        var run = Workpermit.Run("evaluat");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("evaluat", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
        CliAssert.NoStackTrace(run);
    }

    [Fact]
    public void Run_AsOfNotADate_ExitsTwoNamingTheOption()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-yes-french-lmia-exempt.json"), "--as-of", "21/11/2025");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as-of: '21/11/2025' is not a date in the form yyyy-MM-dd.", run.Error, StringComparison.Ordinal);
        CliAssert.NoStackTrace(run);
    }
}
