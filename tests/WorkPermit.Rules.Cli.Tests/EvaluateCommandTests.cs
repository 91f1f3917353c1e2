using System.Text.Json.Nodes;
using WorkPermit.Rules.Cases;
using WorkPermit.Rules.Cli.Tests.Support;

namespace WorkPermit.Rules.Cli.Tests;

/// <summary><c>evaluate &lt;profile.json&gt; [--json] [--as-of]</c>.</summary>
public sealed class EvaluateCommandTests
{
    [Theory]
    [InlineData("poe-yes-french-lmia-exempt.json", "yes")]
    [InlineData("poe-no-philippines-listed-country.json", "no")]
    [InlineData("poe-unknown-us-lpr-status.json", "unknown")]
    public void Evaluate_ProfilePerOutcome_PrintsOutcomeWithRulesBehindIt(string file, string outcome)
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", file));

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = CliAssert.OutcomeLine(run, "May apply at the port of entry");
        Assert.Contains($"\u2502 {outcome} ", line, StringComparison.Ordinal);
        Assert.Contains("POE-04", line, StringComparison.Ordinal);
        Assert.Contains($"Profile: {Workpermit.Data("profiles", file)}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExcludedTraveller_NamesTheExclusionAndQuotesIt()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-no-philippines-listed-country.json"));

        Assert.Contains("excluded by: POE-EXC-02", CliAssert.OutcomeLine(run, "May apply at the port of entry"), StringComparison.Ordinal);
        Assert.Contains("\u201c" + RuleCatalogue.Get("POE-EXC-02").Citations[0].Quote + "\u201d", run.Output, StringComparison.Ordinal);
        Assert.Contains("apply online", CliAssert.OutcomeLine(run, "How the permit is obtained"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownOutcome_ListsMissingFactsAndQuestions()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-unknown-us-lpr-status.json"));

        Assert.Contains("may be excluded by: POE-EXC-01", run.Output, StringComparison.Ordinal);
        Assert.Contains("missing: person.usLawfulPermanentResident", run.Output, StringComparison.Ordinal);
        Assert.Contains("Are you a lawful permanent resident of the United States", run.Output, StringComparison.Ordinal);
        Assert.Contains("fact: person.usLawfulPermanentResident", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllSettled_SaysNoQuestionIsOpen()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-yes-french-lmia-exempt.json"));

        Assert.Contains("Open questions (0)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Documents to bring", run.Output, StringComparison.Ordinal);
        Assert.Contains("offer_of_employment_number", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S15-poe-french-lmia-exempt-all-pass-with-biometrics.json", "poe-yes-french-lmia-exempt.json")]
    [InlineData("S19-poe-philippines-with-us-visa-by-air.json", "poe-no-philippines-listed-country.json")]
    [InlineData("S35-poe-us-lpr-status-unknown.json", "poe-unknown-us-lpr-status.json")]
    public void Evaluate_Json_MatchesTheCaseExpectationsOfTheContract(string caseFile, string profile)
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", profile), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        var expect = CaseFile.Load(Workpermit.Data("cases", "pass", caseFile)).Expect;
        Assert.Empty(CaseChecker.Differences(expect, report));
    }

    [Fact]
    public void Evaluate_Json_HasTheContractsKeyPaths()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-unknown-us-lpr-status.json"), "--json");

        var report = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal("unknown", report["portOfEntry"]!["outcome"]!.GetValue<string>());
        Assert.Equal("unknown", report["portOfEntry"]!["etaEligibility"]!.GetValue<string>());
        Assert.Contains(report["general"]!["outcome"]!.GetValue<string>(), new[] { "yes", "no", "unknown" });
        Assert.All(report["documents"]!.AsArray(), d => Assert.NotNull(d!["ruleId"]));
        var finding = report["findings"]!.AsArray().First(f => f!["ruleId"]!.GetValue<string>() == "POE-04")!;
        Assert.False(string.IsNullOrEmpty(finding["citation"]!["quote"]!.GetValue<string>()));
        Assert.Equal("person.usLawfulPermanentResident", report["questions"]!.AsArray()[0]!["fact"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(report["ruleSet"]!["fingerprint"]!.GetValue<string>()));

        // The JSON is the library's report, only indented.
        var read = ReportJson.Read(run.Output);
        Assert.Equal(Tri.Unknown, read.PortOfEntry!.Outcome);
    }

    [Theory]
    [InlineData("2024-06-20", false)]
    [InlineData("2024-06-21", true)]
    public void Evaluate_AsOf_DatesAProfileThatGivesNoDates(string asOf, bool pgwpExcluded)
    {
        // POE-EXC-05 excludes post-graduation permits at the border from 2024-06-21; the profile gives no date at all,
        // so the arrival date falls back to the evaluation date, which --as-of sets.
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-pgwp-no-dates.json"), "--json", "--as-of", asOf);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(asOf, report["asOf"]!["evaluation"]!.GetValue<string>());
        Assert.Equal(asOf, report["asOf"]!["arrival"]!.GetValue<string>());
        var exclusions = report["portOfEntry"]!["exclusions"]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();
        Assert.Equal(pgwpExcluded, exclusions.Contains("POE-EXC-05"));
    }

    [Fact]
    public void Evaluate_AsOfWhenProfileHasEvaluationDate_ProfileWinsAndANoteSaysSo()
    {
        var file = Workpermit.Data("profiles", "poe-yes-with-evaluation-date.json");
        var run = Workpermit.Run("evaluate", file, "--json", "--as-of", "2025-06-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2025-01-15", JsonNode.Parse(run.Output)!["asOf"]!["evaluation"]!.GetValue<string>());
        Assert.Contains($"{file} sets evaluationDate 2025-01-15, which takes precedence over --as-of 2025-06-01", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WithoutAsOf_UsesTheClock()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-yes-french-lmia-exempt.json"), "--json");

        Assert.Equal("2025-11-21", JsonNode.Parse(run.Output)!["asOf"]!["evaluation"]!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_Dash_ReadsTheProfileFromStandardInput()
    {
        var json = File.ReadAllText(Workpermit.Data("profiles", "poe-no-philippines-listed-country.json"));

        var run = Workpermit.RunWithInput(json, "evaluate", "-", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no", JsonNode.Parse(run.Output)!["portOfEntry"]!["outcome"]!.GetValue<string>());
    }
}
