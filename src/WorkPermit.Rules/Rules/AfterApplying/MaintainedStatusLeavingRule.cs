using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-14 (Leaving on maintained status ends work authorization): A worker on maintained status who leaves Canada cannot work after returning until the application is approved (AMB-11: the official 'will lose' governs).</summary>
[Name(RuleIds.Aft14)]
[Description("A worker on maintained status who leaves Canada cannot work after returning until the application is approved (AMB-11: the official 'will lose' governs).")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class MaintainedStatusLeavingRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusOnMaintainedStatusAsWorker, FactId.StatusLeavesCanadaWhilePending, FactId.ApplicationDecision);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Do(_ => c.Record(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        var verdict = Is.True(c.Status.OnMaintainedStatusAsWorker, FactId.StatusOnMaintainedStatusAsWorker)
            & Is.True(c.Status.LeavesCanadaWhilePending, FactId.StatusLeavesCanadaWhilePending)
            & !Is.Equal(c.Application.Decision, Decision.Approved, FactId.ApplicationDecision);
        WorkAfterReturn? after = verdict.Value switch
        {
            Tri.Yes => WorkAfterReturn.NoUntilApproved,
            Tri.No => WorkAfterReturn.Yes,
            _ => null,
        };
        return Finding.Of(RuleIds.Aft14, verdict, Reads, value: after);
    }
}
