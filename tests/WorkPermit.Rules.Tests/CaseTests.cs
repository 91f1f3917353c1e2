using System.Text;
using WorkPermit.Rules.Cases;
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
        foreach (var file in CaseFiles.All())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_CaseFile_MatchesExpectedReport(string file)
    {
        var result = CaseChecker.Check(Evaluator, CaseFiles.Load(file));
        Assert.True(result.ProfileErrors.Count == 0, $"{result.Case} ({file}): the profile is not valid: {string.Join("; ", result.ProfileErrors)}");
        if (result.Passed)
        {
            return;
        }

        var message = new StringBuilder($"Case {result.Case} ({file}) differs from the report:").AppendLine();
        foreach (var difference in result.Differences)
        {
            message.AppendLine($"  {difference.Path}: expected {difference.Expected}, actual {difference.Actual}");
            foreach (var finding in result.FindingsBehind(difference.Path))
            {
                message.AppendLine($"      {finding.RuleId} = {finding.Outcome}; read [{string.Join(", ", finding.Read)}]; missing [{string.Join(", ", finding.Missing)}]{(finding.Note is null ? "" : "; " + finding.Note)}");
            }
        }

        message.AppendLine("Profile: " + result.Case.Profile.ToJsonString());
        Assert.Fail(message.ToString());
    }

    [Fact]
    public void Cases_EveryCatalogueRule_IsExercisedByACase()
    {
        var exercised = CaseFiles.All().SelectMany(f => CaseFiles.Load(f).Rules).ToHashSet(StringComparer.Ordinal);
        var missing = RuleCatalogue.Rules.Select(r => r.Id).Where(id => !exercised.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, $"No case exercises: {string.Join(", ", missing)}");
    }

    [Fact]
    public void CaseChecker_WrongExpectation_ReportsPathExpectedAndActual()
    {
        var @case = CaseFiles.Load(CaseFiles.All().First(f => f.Contains("S15", StringComparison.Ordinal)));
        var wrong = @case with { Expect = System.Text.Json.Nodes.JsonNode.Parse("""{ "portOfEntry": { "outcome": "no" }, "documents": ["job_offer"] }""")!.AsObject() };

        var result = CaseChecker.Check(Evaluator, wrong);

        Assert.False(result.Passed);
        Assert.Contains(new CaseDifference("portOfEntry.outcome", "\"no\"", "\"yes\""), result.Differences);
        Assert.Contains(result.Differences, d => d.Path == "documents");
        Assert.Contains(result.FindingsBehind("portOfEntry.outcome"), f => f.RuleId == "POE-04");
    }
}
