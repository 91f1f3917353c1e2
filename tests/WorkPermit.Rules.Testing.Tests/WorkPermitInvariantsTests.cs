using WorkPermit.Rules.Testing.Tests.Support;
using Xunit.Abstractions;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>
/// The rule set's invariants (issue 5), each on generated profiles: thousands for the cheap ones, hundreds for those
/// that re-evaluate the profile once per unknown fact and value. A failure prints FsCheck's shrunk case with the
/// counterexample profile as JSON, ready to be saved as a case file. Known library bugs (<see cref="KnownIssues"/>) are set
/// aside by their exact problem lines.
/// </summary>
public sealed class WorkPermitInvariantsTests(ITestOutputHelper output)
{
    private static readonly WorkPermitGenerators Generators = TestEvaluators.Generators;
    private static readonly WorkPermitInvariants Invariants = TestEvaluators.Invariants;

    public static TheoryData<string> Boundaries() => new(Generators.DatedBoundaries.Select(b => b.Id));

    [Fact]
    public void NeverThrows_GeneratedProfiles_EveryOutcomeYesNoOrUnknown() =>
        Properties.Check(output, "NeverThrows", Generators.Profiles, 2000, Invariants.NeverThrows);

    [Fact]
    public void Deterministic_BatchesEvaluatedOnFourThreads_SameReports() =>
        Properties.Check(output, "Deterministic (batches of 20 profiles)",
            Arb.From(Generators.AnyProfile.ArrayOf(20), batch => batch.Length > 1 ? [batch[..(batch.Length / 2)], batch[(batch.Length / 2)..]] : []),
            75, batch => Invariants.DeterministicAcrossThreads(batch, threads: 4, repetitions: 2));

    [Fact]
    public void Deterministic_OneProfileOnFourThreads_SameReports() =>
        Properties.Check(output, "Deterministic (one profile)", Generators.Profiles, 300, p => Invariants.Deterministic(p, threads: 4, repetitions: 2));

    [Fact]
    public void JsonRoundTrip_GeneratedProfiles_ProfileAndReportUnchanged() =>
        Properties.Check(output, "JsonRoundTrip", Generators.Profiles, 1500, Invariants.JsonRoundTrip);

    [Fact]
    public void MonotonicKnowledge_GeneratedProfiles_AnsweringNeverChangesYesOrNo() =>
        Properties.Check(output, "MonotonicKnowledge", Generators.Profiles, 400, p => Invariants.MonotonicKnowledge(p).WithoutKnown(p));

    [Fact]
    public void QuestionsCompleteAndHonest_GeneratedProfiles_AskedIfAndOnlyIfSettling() =>
        Properties.Check(output, "QuestionsCompleteAndHonest", Generators.Profiles, 400, p => Invariants.QuestionsCompleteAndHonest(p).WithoutKnown(p));

    [Fact]
    public void ExclusionsDominate_PortOfEntryProfilesWithAnExclusion_NeverEligible() =>
        Properties.Check(output, "ExclusionsDominate (exclusion forced)", WorkPermitGenerators.Arbitrary(Generators.PortOfEntryWithExclusion), 2000, Invariants.ExclusionsDominate);

    [Fact]
    public void ExclusionsDominate_GeneratedProfiles_NeverEligible() =>
        Properties.Check(output, "ExclusionsDominate", Generators.Profiles, 1500, Invariants.ExclusionsDominate);

    [Fact]
    public void OutcomesBackedByFindings_GeneratedProfiles_EverySettledOutcomeCited() =>
        Properties.Check(output, "OutcomesBackedByFindings", Generators.Profiles, 3000, Invariants.OutcomesBackedByFindings);

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void BoundaryRespected_DatedRule_FindingChangesAndNothingItDoesNotFeed(string id)
    {
        var boundary = Generators.DatedBoundaries.Single(b => b.Id == id);
        Properties.Check(output, $"BoundaryRespected {id}", WorkPermitGenerators.Arbitrary(Generators.BoundaryCase(boundary)), 120, Invariants.BoundaryRespected);
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

        var failed = Invariants.CheckAll(profile).Select(r => r.WithoutKnown(profile)).Where(r => !r.Passed).ToArray();

        Assert.True(failed.Length == 0, string.Join(Environment.NewLine, failed.Select(r => r.Message)));
    }
}
