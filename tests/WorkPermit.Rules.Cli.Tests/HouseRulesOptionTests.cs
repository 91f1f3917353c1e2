using WorkPermit.Rules.Cli.Tests.Support;
using WorkPermit.Rules.HouseRules.Sample;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>--house-rules assembly.dll</c>: the firm's own rules beside the catalogue's, in every command.</summary>
public sealed class HouseRulesOptionTests
{
    private static readonly string SampleAssembly = typeof(PassportExpiryRule).Assembly.Location;

    [Fact]
    public void Evaluate_WithHouseRules_ShowsTheHouseFindingWithItsFactsAndSource()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-house-passport-expires-soon.json"), "--house-rules", SampleAssembly);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("House rules (the firm's own checks)", run.Output, StringComparison.Ordinal);
        Assert.Contains(PassportExpiryRule.Id, run.Output, StringComparison.Ordinal);
        Assert.Contains("Expires 2025-08-01; arrival 2025-04-14", run.Output, StringComparison.Ordinal);
        Assert.Contains("renewed_passport", run.Output, StringComparison.Ordinal);
        Assert.Contains("92 rules", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithHouseRulesAsJson_ListsThemUnderHouse()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-house-passport-expires-soon.json"), "--json", "--house-rules", SampleAssembly);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = ReportJson.Read(run.Output);
        Assert.Equal(Tri.No, Assert.Single(report.House).Outcome);
    }

    [Fact]
    public void Evaluate_WithoutHouseRules_ShowsNoHouseSection()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-house-passport-expires-soon.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("House rules", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Interview_WithHouseRules_AsksTheHouseRulesQuestion()
    {
        var run = Workpermit.Run("interview", "--from", Workpermit.Data("profiles", "poe-yes-french-lmia-exempt.json"), "--house-rules", SampleAssembly);

        Assert.Contains("When does the passport expire (yyyy-MM-dd)?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void HouseRules_ThatCannotBeLoaded_AreInvalidInput()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-house-passport-expires-soon.json"), "--house-rules", "no-such-rules.dll");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--house-rules: cannot load 'no-such-rules.dll'", run.Error, StringComparison.Ordinal);
    }
}
