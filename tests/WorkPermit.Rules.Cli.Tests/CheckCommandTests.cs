using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>check &lt;folder-or-file&gt;</c>.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void Check_PassingFolder_PrintsPassPerCaseAndSummaryAndExitsZero()
    {
        var run = Workpermit.Run("check", Workpermit.Data("cases", "pass"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PASS  S15  S15-poe-french-lmia-exempt-all-pass-with-biometrics.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  S19", run.Output, StringComparison.Ordinal);
        Assert.Contains("PASS  S35", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 cases: 3 passed, 0 failed, 0 invalid.", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Check_FailingFolder_PrintsPathExpectedActualAndFindingsAndExitsOne()
    {
        var run = Workpermit.Run("check", Workpermit.Data("cases", "fail"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("PASS  S19", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  X15  X15-wrong-expectation.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("portOfEntry.outcome: expected \"no\", actual \"yes\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("POE-04 = yes: All requirements and no exclusion", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 cases: 1 passed, 1 failed, 0 invalid.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SingleFile_ChecksThatCase()
    {
        var run = Workpermit.Run("check", Workpermit.Data("cases", "pass", "S35-poe-us-lpr-status-unknown.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("PASS  S35  S35-poe-us-lpr-status-unknown.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 case: 1 passed, 0 failed, 0 invalid.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AsOf_IsAccepted()
    {
        var run = Workpermit.Run("check", Workpermit.Data("cases", "pass"), "--as-of", "2025-11-21");

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void Check_LargeFolderOnTerminal_ShowsProgressThenResults()
    {
        // 1. A folder of 24 cases (the progress bar starts at 20).
        var folder = Directory.CreateTempSubdirectory("workpermit-check-");
        try
        {
            var source = Workpermit.Data("cases", "pass", "S15-poe-french-lmia-exempt-all-pass-with-biometrics.json");
            for (var i = 0; i < 24; i++)
            {
                File.Copy(source, Path.Combine(folder.FullName, $"case-{i:00}.json"));
            }

            // 2. Run it as if on a terminal that takes ANSI codes.
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = CliApp.Run(["check", folder.FullName], TextReader.Null, output, error, new CliSettings { Terminal = true, Ansi = true, Width = 120 });

            // 3. The progress bar was drawn (and left at 100%), and every result and the summary follow it.
            Assert.Equal(0, exitCode);
            Assert.Contains("Checking 24 cases", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("100%", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("24 cases: 24 passed, 0 failed, 0 invalid.", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
