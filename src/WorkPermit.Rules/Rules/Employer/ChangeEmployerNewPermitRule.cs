using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>CHG-02 (Changing employer/position needs a new permit): A worker on an employer-specific permit who wants to change employer or position must apply for and receive a new permit first (AMB-10: employer-specific permits only).</summary>
[Name(RuleIds.Chg02)]
[Description("A worker on an employer-specific permit who wants to change employer or position must apply for and receive a new permit first (AMB-10: employer-specific permits only).")]
[Tag("employer")]
[Tag("requirement")]
internal sealed class ChangeEmployerNewPermitRule : Rule
{
    private static readonly FactSet ConcernReads = FactSet.Of(FactId.StatusStatus, FactId.StatusHoldsValidWorkPermit);

    private static readonly FactSet Reads = FactSet.Of(FactId.StatusCurrentPermitType, FactId.JobWantsToChangeEmployerOrPosition);

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
        var verdict = Is.In(c.Status.CurrentPermitType, FactId.StatusCurrentPermitType, CurrentPermitType.EmployerSpecificLmiaRequired, CurrentPermitType.EmployerSpecificLmiaExempt)
            & Is.True(c.Job.WantsToChangeEmployerOrPosition, FactId.JobWantsToChangeEmployerOrPosition);
        // Changing employer under a permit concerns someone who holds a work permit, or says what they hold or want.
        var concerns = c.Status.CurrentPermitType is not null || c.Job.WantsToChangeEmployerOrPosition is not null
            || c.Status.Status == TemporaryStatus.Worker || c.Status.HoldsValidWorkPermit == true;
        return Finding.Of(RuleIds.Chg02, verdict, Reads | ConcernReads, applicable: concerns ? Tri.Yes : Tri.No);
    }
}
