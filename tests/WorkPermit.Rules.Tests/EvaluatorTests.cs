using System.Collections.Concurrent;
using WorkPermit.Rules.Tests.Support;

namespace WorkPermit.Rules.Tests;

public sealed class EvaluatorTests
{
    private static readonly IWorkPermitEvaluator Evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2025, 11, 21));

    [Fact]
    public void Evaluate_NullProfile_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate((WorkPermitProfile)null!));

    [Fact]
    public void Evaluate_InvalidRecord_ThrowsWithEveryProblem()
    {
        var exception = Assert.Throws<ProfileValidationException>(() => Evaluator.Evaluate(new WorkPermitProfile
        {
            Person = new PersonFacts { PassportCountry = "France" },
            Medical = new MedicalFacts { IntendedStayMonths = -3 },
        }));

        Assert.Equal(["person.passportCountry", "medical.intendedStayMonths"], exception.Errors.Select(e => e.Path));
        Assert.Contains("person.passportCountry", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InvalidJson_ReturnsErrorsAndNoReport()
    {
        var result = Evaluator.Evaluate("""{ "application": { "channel": "fax" } }""");
        Assert.False(result.IsValid);
        Assert.Null(result.Report);
        Assert.Equal("application.channel", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Evaluate_EmptyProfile_EverythingUnknownAndAsksTheChannelFirst()
    {
        var report = Evaluator.Evaluate(new WorkPermitProfile());

        Assert.Equal(Tri.Unknown, report.General.Outcome);
        Assert.Equal(Tri.Unknown, report.PortOfEntry!.Outcome);
        Assert.Equal(Tri.Unknown, report.InsideCanada!.Outcome);
        Assert.Equal(Tri.Unknown, report.OutsideCanada!.Outcome);
        Assert.Equal("application.channel", report.Questions[0].Fact);
        Assert.DoesNotContain(report.Questions, q => q.Fact is "officer.satisfiedDepartureIntent" or "person.securityConcern");
    }

    [Fact]
    public void Evaluate_NoEvaluationDate_UsesTheInjectedClock()
    {
        var evaluator = WorkPermitEvaluator.Create(timeProvider: FixedTimeProvider.On(2024, 6, 20));
        var report = evaluator.Evaluate(new WorkPermitProfile { Application = new ApplicationFacts { Channel = ApplicationChannel.PortOfEntry, Program = WorkPermitProgram.Pgwp } });

        Assert.Equal(new DateOnly(2024, 6, 20), report.AsOf.Evaluation);
        Assert.Equal(new DateOnly(2024, 6, 20), report.AsOf.Arrival);
        Assert.Equal(Tri.No, report.Findings.Single(f => f.RuleId == "POE-EXC-05").Outcome);
    }

    [Fact]
    public void Evaluate_OnlyOfficerJudgmentsUnknown_AwaitsOfficer()
    {
        var report = Evaluator.Evaluate(new WorkPermitProfile
        {
            Person = new PersonFacts { SufficientFunds = true, CriminalRecord = CriminalRecord.None, HealthConditionConcern = ConcernStatus.None },
            Officer = new OfficerFacts { DocumentsRequested = OfficerDocumentsRequest.None, MedicalExamRequested = false },
            Job = new JobFacts { EmployerNonComplianceStatus = EmployerComplianceListStatus.NotListed, EmployerRegularlyOffersSexualServices = false, PublicHealthProtection = false },
            Application = new ApplicationFacts { Channel = ApplicationChannel.OutsideCanadaOnline, SuperVisa = false },
            Medical = new MedicalFacts { IntendedStayMonths = 3 },
        });

        Assert.Equal(Tri.Unknown, report.General.Outcome);
        Assert.Equal(["GEN-02", "GEN-06"], report.General.AwaitsOfficer);
        Assert.DoesNotContain(report.Questions, q => q.Affects.Contains("general.outcome"));
    }

    [Fact]
    public void Evaluate_EveryFinding_CarriesItsCitation()
    {
        foreach (var @case in CaseFiles.All().Select(CaseFiles.Load))
        {
            var report = Evaluator.Evaluate(@case.Profile.ToJsonString()).Report!;
            Assert.All(report.Findings, f =>
            {
                Assert.False(string.IsNullOrWhiteSpace(f.Citation.Quote));
                Assert.EndsWith(".txt", f.Citation.Source, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(f.Citation.SourceTitle));
            });
        }
    }

    [Fact]
    public void Evaluate_ManyThreadsAtOnce_SameReportsAsSequential()
    {
        var profiles = CaseFiles.All().Select(f => CaseFiles.Load(f).Profile.ToJsonString()).ToArray();
        var expected = profiles.Select(p => ReportJson.Write(Evaluator.Evaluate(p).Report!)).ToArray();
        var actual = new ConcurrentDictionary<int, string>();

        Parallel.For(0, profiles.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % profiles.Length;
            var json = ReportJson.Write(Evaluator.Evaluate(profiles[index]).Report!);
            if (json != expected[index])
            {
                actual[index] = json;
            }
        });

        Assert.Empty(actual);
    }

    [Fact]
    public void ReportJson_RoundTrip_IsStable()
    {
        foreach (var @case in CaseFiles.All().Select(CaseFiles.Load))
        {
            var report = Evaluator.Evaluate(@case.Profile.ToJsonString()).Report!;
            var json = ReportJson.Write(report);
            Assert.Equal(json, ReportJson.Write(ReportJson.Read(json)));
        }
    }

    [Fact]
    public void RuleSet_CarriesVersionAndFingerprint()
    {
        var report = Evaluator.Evaluate(new WorkPermitProfile());
        Assert.Equal(Evaluator.RuleSet, report.RuleSet);
        Assert.Equal(91, report.RuleSet.Rules);
        Assert.Matches("^[0-9a-f]{16}$", report.RuleSet.Fingerprint);
        Assert.False(string.IsNullOrWhiteSpace(report.RuleSet.Version));
    }

    [Fact]
    public void EvaluationResult_Success_CarriesTheReport()
    {
        var report = Evaluator.Evaluate(new WorkPermitProfile());

        var result = EvaluationResult.Success(report);

        Assert.True(result.IsValid);
        Assert.Same(report, result.Report);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void EvaluationResult_Failure_CarriesTheProblemsAndNoReport()
    {
        var errors = Evaluator.Evaluate("""{ "travel": { "mode": "boat" } }""").Errors;

        var result = EvaluationResult.Failure(errors);

        Assert.False(result.IsValid);
        Assert.Null(result.Report);
        Assert.Equal("travel.mode", Assert.Single(result.Errors).Path);
        Assert.Throws<ArgumentException>(() => EvaluationResult.Failure([]));
        Assert.Throws<ArgumentNullException>(() => EvaluationResult.Success(null!));
    }
}
