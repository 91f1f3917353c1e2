using System.Text.Json.Nodes;
using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>screen CASELOAD.jsonl</c>: who a policy date or an earlier screening's results differ for, and why.</summary>
public sealed class ScreenCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("workpermit-screen-");

    private static string Caseload => Workpermit.Data("caseloads", "border-clients.jsonl");

    [Fact]
    public void Screen_AcrossThePgwpDate_SummarisesWhoChangedAndWhy()
    {
        var results = Path.Combine(_folder.FullName, "results.jsonl");
        var csv = Path.Combine(_folder.FullName, "results.csv");

        var run = Workpermit.Run("screen", Caseload, "--as-of", "2024-06-20", "--compare-as-of", "2024-06-21", "--out", results, "--csv", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Clients read: 8; evaluated: 8; invalid: 0; changed: 2.", run.Output, StringComparison.Ordinal);
        Assert.Contains("POE-EXC-05", run.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(results).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(8, lines.Length);
        var changed = lines.Where(l => l["changes"]!.AsArray().Count > 0).Select(l => l["id"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["c-001", "c-004"], changed);
        Assert.All(File.ReadAllLines(csv).Skip(1), row => Assert.Matches("^c-00[14],", row));
    }

    [Fact]
    public void Screen_AgainstItsOwnResults_FindsNoChange()
    {
        var results = Path.Combine(_folder.FullName, "baseline.jsonl");
        Assert.Equal(0, Workpermit.Run("screen", Caseload, "--as-of", "2025-03-01", "--out", results).ExitCode);

        var run = Workpermit.Run("screen", Caseload, "--as-of", "2025-03-01", "--baseline", results);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("changed: 0.", run.Output, StringComparison.Ordinal);
        Assert.Contains("No change.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_InvalidLines_AreListedWithLineAndPath_AndExitCodeIs2()
    {
        var caseload = Path.Combine(_folder.FullName, "caseload.jsonl");
        File.WriteAllLines(caseload, [File.ReadLines(Caseload).First(), """{"id":"bad","profile":{"travel":{"mode":"boat"}}}""", "{ not json"]);

        var run = Workpermit.Run("screen", caseload);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Clients read: 3; evaluated: 1; invalid: 2;", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 2 (bad): profile.travel.mode:", run.Output, StringComparison.Ordinal);
        Assert.Contains("line 3 (3): $:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_MissingCaseload_IsInvalidInput()
    {
        var run = Workpermit.Run("screen", Path.Combine(_folder.FullName, "none.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such caseload file", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
