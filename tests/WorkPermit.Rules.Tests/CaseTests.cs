using System.Text;
using System.Text.Json.Nodes;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>Runs every case file under Cases/ against the report, with the contract's matching rules.</summary>
public sealed class CaseTests
{
    // Cases that do not set evaluationDate are read as of this date, so they cannot drift with the calendar.
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaseFile.LoadAll())
        {
            data.Add(file.File);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_CaseFile_MatchesExpectedReport(string file)
    {
        var @case = CaseFile.Load(Path.Combine(CaseFile.Directory, file));
        var result = Evaluator.Evaluate(@case.Profile.ToJsonString());
        Assert.True(result.IsValid, $"{@case}: the profile is not valid: {string.Join("; ", result.Errors)}");

        var report = JsonNode.Parse(ReportJson.Write(result.Report!))!;
        var differences = CaseMatcher.Differences(@case.Expect, report);
        if (differences.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"Case {@case} ({@case.File}) differs from the report:").AppendLine();
        foreach (var (path, expected, actual) in differences)
        {
            message.AppendLine($"  {path}: expected {expected}, actual {actual}");
            foreach (var finding in FindingsBehind(path, result.Report!))
            {
                message.AppendLine($"      {finding.RuleId} = {finding.Outcome}; read [{string.Join(", ", finding.Read)}]; missing [{string.Join(", ", finding.Missing)}]{(finding.Note is null ? "" : "; " + finding.Note)}");
            }
        }

        message.AppendLine("Profile: " + @case.Profile.ToJsonString());
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void Cases_EveryCatalogueRule_IsExercisedByACase()
    {
        var exercised = CaseFile.LoadAll().SelectMany(c => c.Rules).ToHashSet(StringComparer.Ordinal);
        var missing = RuleCatalogue.Rules.Select(r => r.Id).Where(id => !exercised.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, $"No case exercises: {string.Join(", ", missing)}");
    }

    private static IEnumerable<FindingResult> FindingsBehind(string path, WorkPermitReport report)
    {
        var prefix = path.Split('.')[0];
        string[] ids = prefix switch
        {
            "general" => ["GEN-01", "GEN-02", "GEN-03", "GEN-04", "GEN-06", "GEN-07", "GEN-08", "GEN-09", "GEN-10", "IME-04"],
            "insideCanada" => ["INS-01", "INS-02", "INS-03", "INS-04", "INS-05", "INS-06", "INS-07", "INS-08", "INS-09", "INS-10", "INS-11", "INS-13"],
            "portOfEntry" or "route" => ["POE-01", "POE-02", "POE-03", "POE-04", "POE-07", "POE-EXC-01", "POE-EXC-02", "POE-EXC-03", "POE-EXC-04", "POE-EXC-05", "POE-EXC-06", "POE-EXC-06X", "POE-ES-01", "OWP-01", "LMIA-05", "LMIA-06"],
            "medicalExam" => ["IME-01", "IME-02", "IME-03", "IME-04", "IME-05", "IME-06"],
            "biometricsAtPortOfEntry" => ["BIO-01", "BIO-02", "BIO-03"],
            "employer" => ["LMIA-02", "LMIA-03", "LMIA-05", "CHG-01", "CHG-02"],
            "interimAuthorization" => ["AFT-15", "AFT-16"],
            "outsideCanada" => ["OUT-01"],
            _ => [],
        };
        if (ids.Length == 0)
        {
            return report.Findings.Where(f => f.Outcome != Tri.No || prefix is "documents" or "actions");
        }

        return report.Findings.Where(f => ids.Contains(f.RuleId));
    }
}
