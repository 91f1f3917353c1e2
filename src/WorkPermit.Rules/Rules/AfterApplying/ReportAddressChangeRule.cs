using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-10 (Report mailing-address change): An IMM 5710 applicant whose mailing address changed before the decision must tell IRCC the new address.</summary>
[Name(RuleIds.Aft10)]
[Description("An IMM 5710 applicant whose mailing address changed before the decision must tell IRCC the new address.")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class ReportAddressChangeRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationForm, FactId.ApplicationMailingAddressChangedBeforeDecision);

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
            & Is.True(c.Application.MailingAddressChangedBeforeDecision, FactId.ApplicationMailingAddressChangedBeforeDecision);
        return Finding.Of(RuleIds.Aft10, verdict, Reads, actions: verdict.IsYes ? Actions.NotifyIrccNewAddress : null);
    }
}
