using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-09 (IMM 5710 approvals are mailed): An approved IMM 5710 (inside Canada) application's permit is mailed to the Canadian address given.</summary>
[Name(RuleIds.Aft09)]
[Description("An approved IMM 5710 (inside Canada) application's permit is mailed to the Canadian address given.")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class MailedPermitRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationForm, FactId.ApplicationDecision);

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
        var verdict = Is.Equal(c.Application.Form, ApplicationForm.Imm5710, FactId.ApplicationForm)
            & Is.Equal(c.Application.Decision, Decision.Approved, FactId.ApplicationDecision);
        return Finding.Of(RuleIds.Aft09, verdict, Reads, value: verdict.IsYes ? PermitIssuance.MailedToCanadianAddress : null);
    }
}
