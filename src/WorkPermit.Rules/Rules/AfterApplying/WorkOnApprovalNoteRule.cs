using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-11 (Work on approval note (IMM 5710)): An IMM 5710 applicant may start working as soon as the approval note arrives in the online account, without waiting for the mailed permit.</summary>
[Name(RuleIds.Aft11)]
[Description("An IMM 5710 applicant may start working as soon as the approval note arrives in the online account, without waiting for the mailed permit.")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class WorkOnApprovalNoteRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationForm, FactId.ApplicationApprovalNoteReceived, FactId.ApplicationDecision);

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
        // An approval note comes with an approval: while the decision is pending (or after a refusal) there is none.
        var noDecision = c.Application.ApprovalNoteReceived is null && c.Application.Decision is Decision.Pending or Decision.Refused;
        var note = noDecision ? Verdict.No : Is.True(c.Application.ApprovalNoteReceived, FactId.ApplicationApprovalNoteReceived);
        var verdict = Is.Equal(c.Application.Form, ApplicationForm.Imm5710, FactId.ApplicationForm) & note;
        return Finding.Of(RuleIds.Aft11, verdict, Reads, note: noDecision ? $"The decision is {(c.Application.Decision == Decision.Pending ? "pending" : "a refusal")}, so no approval note has come." : null);
    }
}
