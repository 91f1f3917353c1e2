using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>
/// The rule set's invariants (issue 5), each an FsCheck property on generated profiles: thousands of cases for the cheap
/// ones, hundreds for those that re-evaluate the profile once per unknown fact and value. The profiles come from
/// <see cref="WorkPermitArbitraries"/>, registered for the class; a property that wants other values names its own
/// arbitraries. A failure prints FsCheck's shrunk case with the counterexample profile as JSON, ready to be saved as a case
/// file. The shrunk counterexamples of bugs the invariants found are kept below as regression tests.
/// </summary>
[Properties(Arbitrary = [typeof(WorkPermitArbitraries)])]
public sealed class WorkPermitInvariantsTests
{
    private static readonly WorkPermitGenerators Generators = TestEvaluators.Generators;
    private static readonly WorkPermitInvariants Invariants = TestEvaluators.Invariants;

    public static TheoryData<string> Boundaries() => new(Generators.DatedBoundaries.Select(b => b.Id));

    [Property(MaxTest = 2000)]
    public void NeverThrows_GeneratedProfiles_EveryOutcomeYesNoOrUnknown(WorkPermitProfile profile) =>
        Invariants.NeverThrows(profile).ThrowIfFailed();

    [Property(Arbitrary = [typeof(ProfileBatches)], MaxTest = 75)]
    public void Deterministic_BatchesEvaluatedOnFourThreads_SameReports(WorkPermitProfile[] batch) =>
        Invariants.DeterministicAcrossThreads(batch, threads: 4, repetitions: 2).ThrowIfFailed();

    [Property(MaxTest = 300)]
    public void Deterministic_OneProfileOnFourThreads_SameReports(WorkPermitProfile profile) =>
        Invariants.Deterministic(profile, threads: 4, repetitions: 2).ThrowIfFailed();

    [Property(MaxTest = 1500)]
    public void JsonRoundTrip_GeneratedProfiles_ProfileAndReportUnchanged(WorkPermitProfile profile) =>
        Invariants.JsonRoundTrip(profile).ThrowIfFailed();

    [Property(MaxTest = 400)]
    public void MonotonicKnowledge_GeneratedProfiles_AnsweringNeverChangesYesOrNo(WorkPermitProfile profile) =>
        Invariants.MonotonicKnowledge(profile).ThrowIfFailed();

    [Property(MaxTest = 400)]
    public void QuestionsCompleteAndHonest_GeneratedProfiles_AskedIfAndOnlyIfSettling(WorkPermitProfile profile) =>
        Invariants.QuestionsCompleteAndHonest(profile).ThrowIfFailed();

    [Property(Arbitrary = [typeof(ExclusionProfiles)], MaxTest = 2000)]
    public void ExclusionsDominate_PortOfEntryProfilesWithAnExclusion_NeverEligible(WorkPermitProfile profile) =>
        Invariants.ExclusionsDominate(profile).ThrowIfFailed();

    [Property(MaxTest = 1500)]
    public void ExclusionsDominate_GeneratedProfiles_NeverEligible(WorkPermitProfile profile) =>
        Invariants.ExclusionsDominate(profile).ThrowIfFailed();

    [Property(MaxTest = 3000)]
    public void OutcomesBackedByFindings_GeneratedProfiles_EverySettledOutcomeCited(WorkPermitProfile profile) =>
        Invariants.OutcomesBackedByFindings(profile).ThrowIfFailed();

    // One property per dated rule, 120 cases each: FsCheck.Xunit's [Property] takes no theory data, so each row runs the
    // property through FsCheck's Check API (same shrinking, same failure report).
    [Theory]
    [MemberData(nameof(Boundaries))]
    public void BoundaryRespected_DatedRule_FindingChangesAndNothingItDoesNotFeed(string id)
    {
        var boundary = Generators.DatedBoundaries.Single(b => b.Id == id);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(120).WithQuietOnSuccess(true),
            Prop.ForAll(WorkPermitGenerators.Arbitrary(Generators.BoundaryCase(boundary)), c => Invariants.BoundaryRespected(c).ThrowIfFailed()));
    }

    /// <summary>Shrunk counterexamples of bugs the invariants found, now fixed: each must keep every invariant.</summary>
    public static TheoryData<string, string> FoundBugs() => new()
    {
        // Port-of-entry requirements and eTA status shown settled while the channel was unknown, then vanishing (LIB-01).
        { "port sub-results gated by the channel", """{"evaluationDate":"2025-06-01","person":{"citizenships":["NO"]}}""" },
        // travel.mode and the passport asked for the eTA status although neither alone could settle it (LIB-26).
        { "eTA questions exact", """{"evaluationDate":"2025-06-01","person":{"passportCountry":"SR"}}""" },
        // application.permitType settles POE-03 through the employer-specific branch but was not named as missing.
        { "permit type settles POE-03", """{"evaluationDate":"2025-06-01","job":{"lmiaStatus":"refused_or_none"}}""" },
        // Before 2017-05-01 RD-02 has no member, yet the citizenships were asked for POE-EXC-02.
        { "empty RD-02 settles POE-EXC-02", """{"evaluationDate":"2017-04-03","person":{"passportCountry":"CL"}}""" },
        // With nothing known the passport was asked for biometrics, though no passport alone could make POE-01 no (LIB-27).
        { "unknown passport tried by kind", """{"evaluationDate":"2017-04-29"}""" },
        // A US permanent resident by land with no passport given was left unknown for POE-01 and POE-02 (LIB-27).
        { "US LPR without passport", """{"evaluationDate":"2025-04-29","application":{"channel":"port_of_entry"},"person":{"usLawfulPermanentResident":true},"travel":{"mode":"land"}}""" },
    };

    [Theory]
    [MemberData(nameof(FoundBugs))]
    public void CheckAll_CounterexampleOfAFixedBug_EveryInvariantHolds(string bug, string json)
    {
        var profile = ProfileJson.Read(json).Profile!;

        var failed = Invariants.CheckAll(profile).Where(r => !r.Passed).ToArray();

        Assert.True(failed.Length == 0, bug + ": " + string.Join(Environment.NewLine, failed.Select(r => r.Message)));
    }

    [Fact]
    public void CheckAll_CaseFileLikeProfile_EveryInvariantHolds()
    {
        var profile = ProfileJson.Read("""
            {
              "evaluationDate": "2025-04-14",
              "application": { "channel": "port_of_entry", "permitType": "employer_specific_lmia_exempt", "program": "other_imp" },
              "statusInCanada": { "location": "outside_canada" },
              "person": { "citizenships": ["IN"], "passportCountry": "IN" },
              "travel": { "mode": "land", "arrivalDate": "2025-04-14" },
              "job": { "employerCompletedRequiredSteps": true, "offerOfEmploymentNumberAvailable": true, "employerComplianceFeePaid": true }
            }
            """).Profile!;

        var failed = Invariants.CheckAll(profile).Where(r => !r.Passed).ToArray();

        Assert.True(failed.Length == 0, string.Join(Environment.NewLine, failed.Select(r => r.Message)));
    }
}
