using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-08 (Work-permit-exempt person needing a permit for a different job): A basis for applying inside Canada: allowed to work without a permit but needing one for a different job; business visitors are excluded.</summary>
[Name(RuleIds.Ins08)]
[Description("A basis for applying inside Canada: allowed to work without a permit but needing one for a different job; business visitors are excluded.")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class ExemptWorkerDifferentJobBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusWorkPermitExemption, FactId.StatusNeedsPermitForDifferentJob);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Do(_ => c.Publish(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        var verdict = Is.Equal(c.Status.WorkPermitExemption, WorkPermitExemption.OtherExemption, FactId.StatusWorkPermitExemption)
            & Is.True(c.Status.NeedsPermitForDifferentJob, FactId.StatusNeedsPermitForDifferentJob);
        return Finding.Of(RuleIds.Ins08, verdict, Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
