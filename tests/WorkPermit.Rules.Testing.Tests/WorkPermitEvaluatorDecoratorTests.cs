using System.Text.Json.Nodes;
using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>
/// The invariant checks cannot pass silently: each one fails on an evaluator broken on purpose (a decorator that flips an
/// outcome, throws, answers differently each time, drops questions...), and a failing property reports the shrunk
/// counterexample as profile JSON.
/// </summary>
public sealed class WorkPermitEvaluatorDecoratorTests
{
    private static readonly IWorkPermitEvaluator Real = TestEvaluators.Default;
    private static readonly WorkPermitGenerators Generators = TestEvaluators.Generators;
    private static readonly WorkPermitInvariants Identity = new(new WorkPermitEvaluatorDecorator(Real, (_, report) => report));

    [Property(Arbitrary = [typeof(WorkPermitArbitraries)], MaxTest = 40)]
    public void Identity_GeneratedProfiles_EveryInvariantHolds(WorkPermitProfile profile)
    {
        var failed = Identity.CheckAll(profile).Where(r => !r.Passed).ToArray();

        Assert.True(failed.Length == 0, string.Join(Environment.NewLine, failed.Select(r => r.Message)));
    }

    [Fact]
    public void NeverThrows_EvaluatorThrowsForSeasonalWorkers_Fails()
    {
        var broken = Broken((profile, report) => profile.Application?.Program == WorkPermitProgram.Sawp ? throw new InvalidOperationException("boom") : report);
        var sawp = Generators.AnyProfile.Select(p => ProfileFacts.With(p, "application.program", WorkPermitProgram.Sawp));

        var result = FirstFailure(sawp, broken.NeverThrows);

        Assert.Contains(result.Problems, p => p.Contains("InvalidOperationException: boom", StringComparison.Ordinal));
    }

    [Fact]
    public void NeverThrows_OutcomeNotThreeValued_Fails()
    {
        var broken = Broken((_, report) => report with { General = report.General with { Outcome = (Tri)7 } });

        var result = FirstFailure(Generators.AnyProfile, broken.NeverThrows);

        Assert.Contains(result.Problems, p => p.Contains("general.outcome", StringComparison.Ordinal));
    }

    [Fact]
    public void Deterministic_EvaluatorFlipsEveryThirdCall_Fails()
    {
        var calls = 0;
        var broken = Broken((_, report) => Interlocked.Increment(ref calls) % 3 == 0 ? report with { General = report.General with { Outcome = Flip(report.General.Outcome) } } : report);

        var result = FirstFailure(Generators.AnyProfile, p => broken.Deterministic(p, threads: 4, repetitions: 2));

        Assert.Contains(result.Problems, p => p.Contains("differs from the first one", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonRoundTrip_ReportThatDoesNotSurviveJson_Fails()
    {
        // A lone surrogate cannot be written and read back unchanged.
        var broken = Broken((_, report) => report with { Findings = [.. report.Findings.Select((f, i) => i == 0 ? f with { Note = "\uD800 note" } : f)] });

        var result = FirstFailure(Generators.AnyProfile, broken.JsonRoundTrip);

        Assert.False(result.Passed);
    }

    [Fact]
    public void JsonRoundTrip_JsonEntryPointGivesAnotherReport_Fails()
    {
        var broken = new WorkPermitInvariants(new SplitEvaluator(Real, report => report with { Route = PermitRoute.ApplyOnlineFromInsideCanada }));

        var result = FirstFailure(Generators.OutsideCanadaOnline, broken.JsonRoundTrip);

        Assert.Contains(result.Problems, p => p.Contains("evaluating the profile's JSON gives another report", StringComparison.Ordinal));
    }

    [Fact]
    public void MonotonicKnowledge_OutcomeThatDependsOnAnUnknownBeingUnknown_Fails()
    {
        var broken = Broken((profile, report) => report with
        {
            General = report.General with { Outcome = profile.Person?.SufficientFunds is null ? Tri.Yes : Tri.No },
        });
        var fundsUnknown = Generators.AnyProfile.Select(p => ProfileFacts.Without(p, "person.sufficientFunds"));

        var result = FirstFailure(fundsUnknown, broken.MonotonicKnowledge);

        Assert.Contains(result.Problems, p => p.StartsWith("person.sufficientFunds = ", StringComparison.Ordinal) && p.Contains("general.outcome from yes", StringComparison.Ordinal));
    }

    [Fact]
    public void QuestionsCompleteAndHonest_NoQuestions_FailsAsIncomplete()
    {
        var broken = Broken((_, report) => report with { Questions = [] });

        var result = FirstFailure(Generators.AnyProfile, broken.QuestionsCompleteAndHonest);

        Assert.Contains(result.Problems, p => p.StartsWith("complete: ", StringComparison.Ordinal));
    }

    [Fact]
    public void QuestionsCompleteAndHonest_AsksAKnownFactAndAnOfficerJudgment_Fails()
    {
        var broken = Broken((_, report) => report with
        {
            Questions = [.. report.Questions, Ask("evaluationDate", "general.outcome"), Ask("officer.satisfiedDepartureIntent", "general.outcome")],
        });
        var profile = Generators.AnyProfile.Sample(1, 50)[0];
        profile = profile with { EvaluationDate = new DateOnly(2025, 6, 1), Officer = null };

        var result = broken.QuestionsCompleteAndHonest(profile);

        Assert.Contains(result.Problems, p => p.StartsWith("known: evaluationDate", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.StartsWith("officer: officer.satisfiedDepartureIntent", StringComparison.Ordinal));
    }

    [Fact]
    public void QuestionsCompleteAndHonest_AsksAFactThatSettlesNothing_FailsAsDishonest()
    {
        var broken = Broken((_, report) => report with { Questions = [.. report.Questions, Ask("person.accompanyingFamilyCount", "general.outcome")] });
        var profile = ProfileJson.Read("""{"evaluationDate":"2025-06-01"}""").Profile!;

        var result = broken.QuestionsCompleteAndHonest(profile);

        Assert.Contains(result.Problems, p => p.StartsWith("honest: person.accompanyingFamilyCount", StringComparison.Ordinal));
    }

    [Fact]
    public void ExclusionsDominate_PortOfEntryAlwaysEligible_Fails()
    {
        var broken = Broken((_, report) => report.PortOfEntry is { } port ? report with { PortOfEntry = port with { Outcome = Tri.Yes } } : report);

        var result = FirstFailure(Generators.PortOfEntryWithExclusion, broken.ExclusionsDominate);

        Assert.Contains(result.Problems, p => p.StartsWith("portOfEntry.outcome is yes although POE-EXC-", StringComparison.Ordinal));
    }

    [Fact]
    public void OutcomesBackedByFindings_FlippedGeneralOutcome_Fails()
    {
        var broken = Broken((_, report) => report with { General = report.General with { Outcome = Flip(report.General.Outcome) } });

        var result = FirstFailure(Generators.CompleteProfile, broken.OutcomesBackedByFindings);

        Assert.Contains(result.Problems, p => p.StartsWith("general.outcome is ", StringComparison.Ordinal) && p.Contains("GEN-01", StringComparison.Ordinal));
    }

    [Fact]
    public void OutcomesBackedByFindings_FindingsDropped_Fails()
    {
        var broken = Broken((_, report) => report with { Findings = [] });

        var result = FirstFailure(Generators.CompleteProfile, broken.OutcomesBackedByFindings);

        Assert.Contains(result.Problems, p => p.Contains("none of them is among the findings", StringComparison.Ordinal));
    }

    [Fact]
    public void BoundaryRespected_RuleIgnoresItsDate_Fails()
    {
        var broken = Broken((_, report) => report with
        {
            Findings = [.. report.Findings.Select(f => f.RuleId == "INS-13" ? f with { Outcome = Tri.No } : f)],
        });
        var boundary = Generators.DatedBoundaries.Single(b => b.Id == "INS-13 end");

        var result = FirstFailure(Generators.BoundaryCase(boundary), broken.BoundaryRespected);

        Assert.Contains(result.Problems, p => p.StartsWith("INS-13 is no on both sides of INS-13 end", StringComparison.Ordinal));
    }

    [Fact]
    public void BoundaryRespected_OutcomeTheDateDoesNotFeedChanges_Fails()
    {
        var broken = Broken((_, report) => report.AsOf.Submission >= new DateOnly(2024, 8, 28)
            ? report with { Employer = report.Employer with { CaqMayBeNeeded = Flip(report.Employer.CaqMayBeNeeded) } }
            : report);
        var boundary = Generators.DatedBoundaries.Single(b => b.Id == "INS-13 end");

        var result = FirstFailure(Generators.BoundaryCase(boundary), broken.BoundaryRespected);

        Assert.Contains(result.Problems, p => p.StartsWith("employer.caqMayBeNeeded changed", StringComparison.Ordinal)
            && p.Contains("LMIA-02/LMIA-03, whose findings do not read application.submittedDate", StringComparison.Ordinal));
    }

    [Fact]
    public void PropertyFailure_BrokenEvaluator_ReportsShrunkCounterexampleAsProfileJson()
    {
        // Broken: a criminal record no longer fails the general requirements.
        var broken = Broken((profile, report) => profile.Person?.CriminalRecord == CriminalRecord.HasRecord
            ? report with { General = report.General with { Outcome = Tri.Yes } }
            : report);
        var profiles = WorkPermitGenerators.Arbitrary(Generators.AnyProfile.Select(p => ProfileFacts.With(p, "person.criminalRecord", CriminalRecord.HasRecord)));

        var failure = Assert.ThrowsAny<Exception>(() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true), Prop.ForAll(profiles, p => broken.OutcomesBackedByFindings(p).ThrowIfFailed())));

        var message = failure.Message;
        Assert.Contains("Shrunk:", message, StringComparison.Ordinal);
        const string marker = "Counterexample profile (save it as a case file's \"profile\"):";
        var start = message.LastIndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, message);
        var json = FirstJsonObject(message[(start + marker.Length)..]);
        var shrunk = ProfileJson.Read(json);
        Assert.True(shrunk.IsValid, json);
        Assert.Equal(CriminalRecord.HasRecord, shrunk.Profile!.Person?.CriminalRecord);
        Assert.True(ProfileFacts.Known(shrunk.Profile).Count <= 3, $"not shrunk: {json}");
    }

    private static string FirstJsonObject(string text)
    {
        var open = text.IndexOf('{', StringComparison.Ordinal);
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return JsonNode.Parse(text[open..(i + 1)])!.ToJsonString();
            }
        }

        throw new InvalidOperationException("No complete JSON object in: " + text);
    }

    private static WorkPermitInvariants Broken(Func<WorkPermitProfile, WorkPermitReport, WorkPermitReport> rewrite) =>
        new(new WorkPermitEvaluatorDecorator(Real, rewrite));

    private static InvariantResult FirstFailure<T>(Gen<T> cases, Func<T, InvariantResult> check)
    {
        foreach (var value in cases.Sample(200, 50))
        {
            var result = check(value);
            if (!result.Passed)
            {
                return result;
            }
        }

        Assert.Fail("The invariant held on 200 cases against a broken evaluator: the check can pass silently.");
        return null!;
    }

    private static Tri Flip(Tri value) => value switch
    {
        Tri.Yes => Tri.No,
        Tri.No => Tri.Yes,
        _ => Tri.Yes,
    };

    private static Question Ask(string fact, string affects) => new()
    {
        Fact = fact,
        Text = "?",
        Kind = ProfileFacts.Describe(fact).Kind,
        AllowedAnswers = ProfileFacts.Describe(fact).AllowedAnswers,
        Affects = [affects],
    };

    /// <summary>An evaluator whose JSON entry point rewrites reports that its C# entry point does not.</summary>
    private sealed class SplitEvaluator(IWorkPermitEvaluator inner, Func<WorkPermitReport, WorkPermitReport> rewriteJson) : IWorkPermitEvaluator
    {
        private readonly WorkPermitEvaluatorDecorator _json = new(inner, (_, report) => rewriteJson(report));

        public RuleSetInfo RuleSet => inner.RuleSet;

        public ReferenceDataSet ReferenceData => inner.ReferenceData;

        public WorkPermitReport Evaluate(WorkPermitProfile profile) => inner.Evaluate(profile);

        public EvaluationResult Evaluate(string json) => _json.Evaluate(json);

        public EvaluationResult Evaluate(ReadOnlySpan<byte> utf8Json) => _json.Evaluate(utf8Json);
    }
}
