using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-12 (Mailed permit within 6 weeks): A mailed permit (IMM 5710) not received more than 6 weeks (42 days) after the decision letter calls for contacting IRCC; day 42 is still within the window.</summary>
[Name(RuleIds.Aft12)]
[Description("A mailed permit (IMM 5710) not received more than 6 weeks (42 days) after the decision letter calls for contacting IRCC; day 42 is still within the window.")]
[Tag("after-applying")]
[Tag("advisory")]
internal sealed class MailedPermitDelayRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationForm, FactId.ApplicationPermitReceivedByMail, FactId.ApplicationDecisionLetterDate);

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
        var late = c.Application.DecisionLetterDate is { } letter
            ? Verdict.Of(c.EvaluationDate > letter.AddDays(42))
            : Verdict.Unknown(FactId.ApplicationDecisionLetterDate);
        var verdict = Is.Equal(c.Application.Form, ApplicationForm.Imm5710, FactId.ApplicationForm)
            & Is.False(c.Application.PermitReceivedByMail, FactId.ApplicationPermitReceivedByMail)
            & late;
        int? days = c.Application.DecisionLetterDate is { } date ? c.EvaluationDate.DayNumber - date.DayNumber : null;
        return Finding.Of(RuleIds.Aft12, verdict, Reads | FactSet.Of(FactId.EvaluationDate), value: days, actions: verdict.IsYes ? Actions.ContactIrccPermitNotReceived : null);
    }
}
