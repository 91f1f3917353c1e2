using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// One evaluator serves every thread: each evaluation runs in its own NRules session over the shared compiled rule set,
/// and the report's finding results are shared between reports. Whatever runs before, after or beside it, a report must
/// be the one an evaluation on its own gives.
/// </summary>
public class ConcurrentEvaluationTests
{
    private static readonly DateOnly Today = new(2025, 11, 21);
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    [Fact]
    public void Evaluate_ManyThreadsAtOnce_EveryReportEqualsTheOneEvaluatedAlone()
    {
        var profiles = WorkPermitGenerators.Default.AnyProfile.Sample(600, new Rnd(20_261_128UL), 30).ToArray();
        var expected = profiles.Select(Alone).ToArray();
        var suggestions = profiles.Select(p => Suggestions(Evaluator.Evaluate(p))).ToArray();
        var reports = new WorkPermitReport[profiles.Length];

        Parallel.For(0, profiles.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, i =>
            reports[i] = Evaluator.Evaluate(profiles[i]));

        // Every report is written only after all were evaluated: a report must not change with later evaluations.
        for (var i = 0; i < profiles.Length; i++)
        {
            Assert.True(expected[i] == WithoutSuggestions(reports[i]), $"profile {i}: the report differs from the one evaluated alone for {ProfileJson.Write(profiles[i])}");
            Assert.True(suggestions[i] == Suggestions(reports[i]), $"profile {i}: the suggestions differ from those found on one thread for {ProfileJson.Write(profiles[i])}");
        }
    }

    [Fact]
    public void Evaluate_AfterAnInvalidProfile_NextReportUnaffected()
    {
        var profile = WorkPermitGenerators.Default.CompleteProfile.Sample(1, new Rnd(7UL), 30).Single();
        var before = ReportJson.Write(Evaluator.Evaluate(profile));

        Assert.False(Evaluator.Evaluate("{\"person\": {\"citizenships\": 5}}").IsValid);
        Assert.Equal(before, ReportJson.Write(Evaluator.Evaluate(profile)));
        Assert.Equal(Alone(profile), WithoutSuggestions(Evaluator.Evaluate(profile)));
    }

    /// <summary>The report without its suggestions, which an evaluation on its own (below) does not look for.</summary>
    private static string WithoutSuggestions(WorkPermitReport report) =>
        ReportJson.Write(report with { Suggestions = [], SuggestionSearch = SuggestionSearchResult.Off });

    private static string Suggestions(WorkPermitReport report) =>
        string.Join("\n", report.Suggestions.Select(s => s.Text)) + report.SuggestionSearch;

    /// <summary>The evaluation as the evaluator runs it, on this thread, in a session of its own.</summary>
    private static string Alone(WorkPermitProfile profile)
    {
        var evaluationCase = new EvaluationCase(profile, Today, ReferenceDataSet.Default);
        var findings = WorkPermitRuleSet.Run(WorkPermitRuleSet.Factory, evaluationCase, 1000);
        return ReportJson.Write(ReportBuilder.Build(evaluationCase, findings, Evaluator.RuleSet));
    }
}
