using WorkPermit.Rules.Testing.Tests.Support;

namespace WorkPermit.Rules.Testing.Tests;

/// <summary>
/// Each known library bug still reproduces on its counterexample, and is the only thing wrong with it. When a fix lands
/// this test fails: remove the issue from <see cref="KnownIssues"/> so the property tests guard the fix.
/// </summary>
public sealed class KnownIssuesTests
{
    public static TheoryData<string> Issues() => new(KnownIssues.All.Select(i => i.Id));

    [Theory]
    [MemberData(nameof(Issues))]
    public void KnownIssue_Counterexample_StillFailsOnlyForThatReason(string id)
    {
        var issue = KnownIssues.All.Single(i => i.Id == id);
        var profile = issue.Counterexample;

        var results = issue.Problems.Keys.Select(name => Run(name, profile)).ToArray();

        Assert.True(results.Any(r => r.Problems.Any(line => issue.Explains(r.Invariant, profile, line))),
            $"{id} no longer reproduces on {issue.CounterexampleJson}: if the library was fixed, remove {id} from KnownIssues. ({issue.Summary})");
        var unexplained = results.Select(r => r.WithoutKnown(profile)).Where(r => !r.Passed).ToArray();
        Assert.True(unexplained.Length == 0, string.Join(Environment.NewLine, unexplained.Select(r => r.Message)));
    }

    [Fact]
    public void KnownIssues_EachNamesAnInvariantAndAValidCounterexample()
    {
        var invariants = new[] { "MonotonicKnowledge", "QuestionsCompleteAndHonest", "NeverThrows", "Deterministic", "JsonRoundTrip", "ExclusionsDominate", "OutcomesBackedByFindings", "BoundaryRespected" };

        foreach (var issue in KnownIssues.All)
        {
            Assert.True(ProfileJson.Read(issue.CounterexampleJson).IsValid, issue.Id);
            Assert.All(issue.Problems.Keys, name => Assert.Contains(name, invariants));
        }
    }

    private static InvariantResult Run(string invariant, WorkPermitProfile profile) => invariant switch
    {
        "MonotonicKnowledge" => TestEvaluators.Invariants.MonotonicKnowledge(profile),
        "QuestionsCompleteAndHonest" => TestEvaluators.Invariants.QuestionsCompleteAndHonest(profile),
        _ => throw new ArgumentOutOfRangeException(nameof(invariant), invariant, "No runner for this invariant."),
    };
}
