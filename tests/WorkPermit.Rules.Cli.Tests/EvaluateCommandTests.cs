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
        Assert.Contains("Job offer", Section(run, "Documents to bring"), StringComparison.Ordinal);
        Assert.Contains("Offer of employment number (from the Employer Portal)", Section(run, "Have at hand"), StringComparison.Ordinal);
        Assert.DoesNotContain("Next:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExpiredExamAtPortOfEntry_SummaryNoWithItsBlockingRulesComesBeforeThePortOfEntryYes()
    {
        var file = Workpermit.Data("profiles", "poe-expired-medical-exam.json");
        var summary = ReportJson.Read(Workpermit.Run("evaluate", file, "--json").Output).Summary;

        var run = Workpermit.Run("evaluate", file);

        // The library says no, blocked by the exam (GEN-07 and IME-05 among them), while the port of entry itself is yes.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Tri.No, summary.Outcome);
        Assert.Contains("GEN-07", summary.Blocking);
        Assert.Contains("IME-05", summary.Blocking);

        // The view: the summary's answer is the first answer a reader meets, with each blocking rule and its title; the
        // port of entry's own yes comes after it, among the sections.
        var lines = run.Output.Split('\n');
        var headline = Array.FindIndex(lines, l => l.TrimEnd() == "Applying at a port of entry: no");
        var port = Array.FindIndex(lines, l => l.Contains("May apply at the port of entry", StringComparison.Ordinal));
        Assert.True(headline >= 0 && port > headline, run.ToString());
        Assert.Contains("\u2502 yes ", lines[port], StringComparison.Ordinal);
        Assert.DoesNotContain(lines[..headline], l => l.Contains("yes", StringComparison.Ordinal) || l.Contains(" no", StringComparison.Ordinal));
        var block = string.Join('\n', lines[headline..port]);
        Assert.Matches($@"Blocked by\s+{summary.Blocking[0]}\s", block);
        foreach (var id in summary.Blocking)
        {
            Assert.Matches($@"{id}\s+{System.Text.RegularExpressions.Regex.Escape(RuleCatalogue.Get(id).Title)}", block);
        }

        Assert.DoesNotContain("Still open", block, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ExpiredExam_ShowsTheFactsThatDecidedEachFinding()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-expired-medical-exam.json"));

        // IME-05 read the arrival and exam dates; the expiry the report works out is shown beside them.
        var medical = Section(run, "Why: Medical exam").Split('\n');
        var ime05 = Array.FindIndex(medical, l => l.Contains("IME-05", StringComparison.Ordinal));
        Assert.True(ime05 >= 0, run.ToString());
        Assert.Contains("IME validity period", medical[ime05], StringComparison.Ordinal);
        Assert.Contains("facts: arrival 2025-03-01, exam 2024-01-10, exam expires 2025-01-10 (worked out)", medical[ime05 + 1], StringComparison.Ordinal);

        // Every finding shows only values the profile gives: GEN-03 read the funds, and nothing else.
        var general = Section(run, "Why: General requirements").Split('\n');
        var gen03 = Array.FindIndex(general, l => l.Contains("GEN-03", StringComparison.Ordinal));
        Assert.EndsWith("facts: sufficient funds yes", general[gen03 + 1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Documents_AreNamedWithFormsToFileApartFromDocumentsToBring()
    {
        var run = Workpermit.Run("evaluate", Workpermit.Data("profiles", "inside-worker-lmia-imm5710.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var forms = Section(run, "Forms to file");
        var documents = Section(run, "Documents to bring");
        Assert.Contains("Application to change conditions or extend stay as a worker (IMM 5710)", forms, StringComparison.Ordinal);
        Assert.Contains("INS-12", forms, StringComparison.Ordinal);
        Assert.DoesNotContain("IMM 5710", documents, StringComparison.Ordinal);
        Assert.Contains("Copy of the LMIA approval letter", documents, StringComparison.Ordinal);
        Assert.Contains("Detailed job offer letter", documents, StringComparison.Ordinal);
        Assert.DoesNotContain("lmia_approval_letter_copy", documents, StringComparison.Ordinal);
        Assert.DoesNotContain("detailed_job_offer_letter", documents, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OutOfScope_ShowsNeitherTheSectionsNorTheirRules()
    {
        var file = Workpermit.Data("profiles", "poe-expired-medical-exam.json");
        var report = ReportJson.Read(Workpermit.Run("evaluate", file, "--json").Output);

        var run = Workpermit.Run("evaluate", file);

        // Someone outside Canada at the border: no inside-Canada section, no interim authorization, and no INS rule.
        Assert.Null(report.InsideCanada);
        Assert.Null(report.InterimAuthorization);
        Assert.DoesNotContain("Applying from inside Canada", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Interim work authorization", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("INS-", run.Output, StringComparison.Ordinal);
        Assert.All(System.Text.RegularExpressions.Regex.Matches(run.Output, @"\b[A-Z]{2,4}-(?:[A-Z]{2,3}-)?\d{2}X?\b").Select(m => m.Value).Distinct(),
            id => Assert.True(report.Findings.Any(f => f.RuleId == id) || id == "POE-09", $"{id} is shown but the report does not list it"));
    }

    [Fact]
    public void Evaluate_VisitorInCanada_ShowsTheInterimAuthorizationSection()
    {
        var json = """{ "evaluationDate": "2025-06-01", "application": { "channel": "inside_canada_online" }, "statusInCanada": { "location": "in_canada", "status": "visitor" } }""";

        var run = Workpermit.RunWithInput(json, "evaluate", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Visitor may work while waiting", run.Output, StringComparison.Ordinal);
        Assert.Contains("interimAuthorization.outcome", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OpenQuestions_EndsWithTheInterviewCommandForThatFile()
    {
        var file = Workpermit.Data("profiles", "poe-unknown-us-lpr-status.json");

        var run = Workpermit.Run("evaluate", file);

        Assert.Contains($"Next: 'workpermit interview --from {file} --save {file}'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoWithASuggestion_ShowsWhatWouldChangeTheAnswerRightUnderTheSummary()
    {
        var file = Workpermit.Data("profiles", "poe-no-india-old-exam.json");
        var report = ReportJson.Read(Workpermit.Run("evaluate", file, "--json").Output);

        var run = Workpermit.Run("evaluate", file);

        // The library found one checked change: apply online from outside Canada, and take a new medical exam.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Tri.No, report.Summary.Outcome);
        var suggestion = Assert.Single(report.Suggestions);

        // The section follows the summary with nothing between them, and comes before the outcomes by section.
        var lines = run.Output.Split('\n');
        var summary = Array.FindIndex(lines, l => l.StartsWith("\u2500\u2500 Summary \u2500", StringComparison.Ordinal));
        var section = Array.FindIndex(lines, l => l.StartsWith("\u2500\u2500 What would change the answer \u2500", StringComparison.Ordinal));
        var outcomes = Array.FindIndex(lines, l => l.StartsWith("\u2500\u2500 Outcomes by section \u2500", StringComparison.Ordinal));
        Assert.True(summary >= 0 && section > summary && outcomes > section, run.ToString());
        Assert.DoesNotContain(lines[(summary + 1)..section], l => l.StartsWith("\u2500\u2500 ", StringComparison.Ordinal));

        // Its sentence, each fact it changes from the profile's value to the new one, and the rules that change with it.
        var text = Section(run, "What would change the answer");
        Assert.Contains(suggestion.Text, text, StringComparison.Ordinal);
        Assert.Contains("application.channel: port_of_entry -> outside_canada_online", text, StringComparison.Ordinal);
        Assert.Contains("medical.examDate: 2025-06-01 -> 2026-12-03", text, StringComparison.Ordinal);
        Assert.Contains($"rules that change: {string.Join(", ", suggestion.Rules)}", text, StringComparison.Ordinal);
        Assert.Contains("POE-EXC-01", suggestion.Rules);
        Assert.DoesNotContain(report.SuggestionSearch.Text, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SuggestedChanges_NameAnUnknownValueUnknownAndADroppedValueRemoved()
    {
        // The compliance fee is not known yet: paying it is suggested, from a value the profile does not give.
        var unknown = Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-one-question-fee-unknown.json"));

        // A new medical exam drops the old result's stated expiry.
        var profile = JsonNode.Parse(File.ReadAllText(Workpermit.Data("profiles", "poe-no-india-old-exam.json")))!;
        profile["medical"]!["indicatedExpiryDate"] = "2026-06-01";
        var removed = Workpermit.RunWithInput(profile.ToJsonString(), "evaluate", "-");

        Assert.True(unknown.ExitCode == 0, unknown.ToString());
        Assert.Contains("job.employerComplianceFeePaid: unknown -> true", Section(unknown, "What would change the answer"), StringComparison.Ordinal);
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Contains("medical.indicatedExpiryDate: 2026-06-01 -> (removed)", Section(removed, "What would change the answer"), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoAndNothingToSuggest_ShowsTheReason()
    {
        var file = Workpermit.Data("profiles", "poe-no-criminal-record.json");
        var report = ReportJson.Read(Workpermit.Run("evaluate", file, "--json").Output);

        var run = Workpermit.Run("evaluate", file);

        // A criminal record is not something a suggestion changes: no suggestion, and the library says why.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(report.Suggestions);
        Assert.Equal(SuggestionStatus.NoneFound, report.SuggestionSearch.Status);
        Assert.Contains("person.criminalRecord", report.SuggestionSearch.Text, StringComparison.Ordinal);
        var text = Section(run, "What would change the answer");
        Assert.Contains(report.SuggestionSearch.Text, text, StringComparison.Ordinal);
        Assert.DoesNotContain("rules that change", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" -> ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Yes_ShowsNoSuggestionSection()
    {
        var file = Workpermit.Data("profiles", "poe-yes-french-lmia-exempt.json");
        var report = ReportJson.Read(Workpermit.Run("evaluate", file, "--json").Output);

        var run = Workpermit.Run("evaluate", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Tri.Yes, report.Summary.Outcome);
        Assert.Equal(SuggestionStatus.NotNeeded, report.SuggestionSearch.Status);
        Assert.DoesNotContain("What would change the answer", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(report.SuggestionSearch.Text, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Json_CarriesTheSuggestionsAndHowTheSearchWent()
    {
        var found = JsonNode.Parse(Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-no-india-old-exam.json"), "--json").Output)!;
        var none = JsonNode.Parse(Workpermit.Run("evaluate", Workpermit.Data("profiles", "poe-no-criminal-record.json"), "--json").Output)!;

        var suggestion = found["suggestions"]!.AsArray().Single()!;
        var change = suggestion["changes"]!.AsArray()[0]!;
        Assert.Equal("application.channel", change["fact"]!.GetValue<string>());
        Assert.Equal("port_of_entry", change["from"]!.GetValue<string>());
        Assert.Equal("outside_canada_online", change["to"]!.GetValue<string>());
        Assert.Equal("summary.outcome", suggestion["outcome"]!["path"]!.GetValue<string>());
        Assert.Equal("no", suggestion["outcome"]!["from"]!.GetValue<string>());
        Assert.Equal("yes", suggestion["outcome"]!["to"]!.GetValue<string>());
        Assert.Contains("POE-EXC-01", suggestion["rules"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(suggestion["text"]!.GetValue<string>()));
        Assert.Equal("found", found["suggestionSearch"]!["status"]!.GetValue<string>());
        Assert.True(found["suggestionSearch"]!["evaluations"]!.GetValue<int>() > 0);

        Assert.Empty(none["suggestions"]!.AsArray());
        Assert.Equal("none_found", none["suggestionSearch"]!["status"]!.GetValue<string>());
        Assert.Contains("person.criminalRecord", none["suggestionSearch"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The text of a titled part of the readable report: from its rule line to the next one.</summary>
    private static string Section(CliRun run, string title)
    {
        var lines = run.Output.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"\u2500\u2500 {title} \u2500", StringComparison.Ordinal));
        Assert.True(start >= 0, $"No part titled '{title}':{Environment.NewLine}{run.Output}");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("\u2500\u2500 ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
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
