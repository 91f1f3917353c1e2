using System.Text;
using System.Text.Json.Nodes;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// The questions are complete and honest, and knowledge is monotonic: for every case profile and every fact it leaves
/// unknown, each value tried (see <see cref="ProfileProbe.Candidates"/>) is evaluated. A fact not asked must change no
/// outcome that is unknown; a fact asked must change one for some value; no answer may change an outcome that is yes or no.
/// </summary>
public sealed class QuestionsTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    public static TheoryData<string> Profiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in CaseFiles.All())
        {
            data.Add(file);
        }

        data.Add("(empty)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Questions_EveryUnknownFact_AskedIfAndOnlyIfItCanSettleAnUnknownOutcome(string file)
    {
        var profile = file == "(empty)" ? new JsonObject() : CaseFiles.Load(file).Profile;
        var report = Evaluate(profile);
        var before = ProfileProbe.Outcomes(JsonNode.Parse(ReportJson.Write(report))!);
        var asked = report.Questions.Select(q => q.Fact).ToHashSet(StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var question in report.Questions.Where(q => ProfileProbe.IsKnown(profile, q.Fact)))
        {
            problems.AppendLine($"  known: {question.Fact} is asked, but the profile gives it");
        }

        foreach (var fact in FactCatalog.All)
        {
            if (ProfileProbe.Defaulted.Contains(fact.Path) || ProfileProbe.IsKnown(profile, fact.Path) || ProfileProbe.IsImplied(profile, fact.Path))
            {
                continue;
            }

            var settlesSomething = false;
            foreach (var value in ProfileProbe.Candidates(fact, report, profile))
            {
                if (ProfileProbe.Contradicts(profile, fact.Path, value))
                {
                    continue;
                }

                var after = ProfileProbe.Outcomes(JsonNode.Parse(ReportJson.Write(Evaluate(ProfileProbe.With(profile, fact.Path, value))))!);
                foreach (var (path, was) in before)
                {
                    var now = after.GetValueOrDefault(path, "(absent)");
                    var isFinding = path.StartsWith(ProfileProbe.FindingPrefix, StringComparison.Ordinal);
                    if (isFinding && now == "(absent)")
                    {
                        // A document's rule may stop concerning the profile once the answer places it elsewhere.
                        continue;
                    }

                    if (was is "yes" or "no" && now != was)
                    {
                        problems.AppendLine($"  monotonic: {fact.Path} = {value?.ToJsonString()} changed {path} from {was} to {now}");
                    }
                    else if (was == "unknown" && now != "unknown")
                    {
                        settlesSomething = true;
                        // A document's or action's question is asked once its context is known (tested on its own);
                        // the probe does not demand it here.
                        if (!asked.Contains(fact.Path) && !ProfileProbe.OfficerJudgments.Contains(fact.Path) && !isFinding)
                        {
                            problems.AppendLine($"  complete: {fact.Path} is not asked, but {fact.Path} = {value?.ToJsonString()} settles {path} ({now})");
                        }
                    }
                }
            }

            if (asked.Contains(fact.Path) && !settlesSomething)
            {
                problems.AppendLine($"  honest: {fact.Path} is asked, but no value tried settles an unknown outcome");
            }
        }

        Assert.True(problems.Length == 0, $"{file}:{Environment.NewLine}{problems}Profile: {profile.ToJsonString()}");
    }

    private static WorkPermitReport Evaluate(JsonObject profile)
    {
        var result = Evaluator.Evaluate(profile.ToJsonString());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Report!;
    }
}
