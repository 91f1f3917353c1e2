using FsCheck;
using FsCheck.Fluent;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Testing;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

/// <summary>
/// The evaluator reuses reset rule sessions (a pool of at most one per core) and the findings of finished evaluations.
/// Whatever was evaluated before or after, on any thread, a report must be the one a brand-new session gives for the
/// same profile.
/// </summary>
public class SessionReuseTests
{
    private static readonly DateOnly Today = new(2025, 11, 21);
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    [Fact]
    public void Evaluate_AnySequenceOfProfiles_EachReportEqualsTheOneFromANewSession()
    {
        var sequences = Arb.From(
            Gen.Choose(1, 6).SelectMany(n => WorkPermitGenerators.Default.AnyProfile.ArrayOf(n)),
            profiles => profiles.Length > 1 ? [profiles[1..], profiles[..^1]] : []);
        var config = Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true);

        Check.One(config, Prop.ForAll(sequences, profiles =>
        {
            // Every report is written only after all were evaluated: a report must not change when later evaluations
            // reuse the session and findings that made it.
            var reports = profiles.Select(Evaluator.Evaluate).ToArray();
            for (var i = 0; i < profiles.Length; i++)
            {
                if (ReportJson.Write(reports[i]) != FromNewSession(profiles[i]))
                {
                    throw new InvalidOperationException($"The report of a reused session differs from a new session's for {ProfileJson.Write(profiles[i])}");
                }
            }
        }));
    }

    [Fact]
    public void Evaluate_ManyThreadsAtOnce_EveryReportEqualsTheOneFromANewSession()
    {
        var profiles = WorkPermitGenerators.Default.AnyProfile.Sample(600, new Rnd(20_261_128UL), 30).ToArray();
        var expected = profiles.Select(FromNewSession).ToArray();
        var reports = new WorkPermitReport[profiles.Length];

        Parallel.For(0, profiles.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, i =>
            reports[i] = Evaluator.Evaluate(profiles[i]));

        for (var i = 0; i < profiles.Length; i++)
        {
            Assert.True(expected[i] == ReportJson.Write(reports[i]), $"profile {i}: the report differs from a new session's for {ProfileJson.Write(profiles[i])}");
        }
    }

    [Fact]
    public void Evaluate_AfterAnInvalidProfile_NextReportUnaffected()
    {
        var profile = WorkPermitGenerators.Default.CompleteProfile.Sample(1, new Rnd(7UL), 30).Single();
        var before = ReportJson.Write(Evaluator.Evaluate(profile));

        Assert.False(Evaluator.Evaluate("{\"person\": {\"citizenships\": 5}}").IsValid);
        Assert.Equal(before, ReportJson.Write(Evaluator.Evaluate(profile)));
        Assert.Equal(FromNewSession(profile), before);
    }

    /// <summary>The evaluation as the evaluator runs it, but on a session created for this profile alone.</summary>
    private static string FromNewSession(WorkPermitProfile profile)
    {
        var evaluationCase = new EvaluationCase(profile, Today, ReferenceDataSet.Default);
        var session = WorkPermitRuleSet.Factory.CreateSession();
        session.Insert(evaluationCase);
        session.Fire();
        var report = ReportBuilder.Build(evaluationCase, new FindingSet(session.Query<Finding>()), Evaluator.RuleSet);
        return ReportJson.Write(report);
    }
}
