using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-02 (Officer checks non-compliant employer list and qualification): During processing an officer checks the list of non-compliant employers (GEN-08) and that the applicant qualifies for a work permit.</summary>
[Name(RuleIds.Aft02)]
[Description("During processing an officer checks the list of non-compliant employers (GEN-08) and that the applicant qualifies for a work permit.")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class OfficerChecksEmployerAndQualificationRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationStage, FactId.ApplicationDecision);

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
        var verdict = Is.In(c.Application.Stage, FactId.ApplicationStage, ApplicationStage.Processing, ApplicationStage.Decided)
            | (c.Application.Decision is null ? Verdict.Unknown(FactId.ApplicationDecision) : Verdict.Yes);
        return Finding.Of(RuleIds.Aft02, verdict, Reads);
    }
}
