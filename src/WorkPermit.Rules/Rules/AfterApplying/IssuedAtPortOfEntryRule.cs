using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-07 (Permit issued at POE on arrival day (outside route)): An approved IMM 1295 or same-day port-of-entry application gets the permit at the port of entry on the day of arrival (the channel decides, AMB-14).</summary>
[Name(RuleIds.Aft07)]
[Description("An approved IMM 1295 or same-day port-of-entry application gets the permit at the port of entry on the day of arrival (the channel decides, AMB-14).")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class IssuedAtPortOfEntryRule : Rule
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
        var verdict = Is.In(c.Application.Form, FactId.ApplicationForm, ApplicationForm.Imm1295, ApplicationForm.PoeSameDay)
            & Is.Equal(c.Application.Decision, Decision.Approved, FactId.ApplicationDecision);
        return Finding.Of(RuleIds.Aft07, verdict, Reads, value: verdict.IsYes ? PermitIssuance.IssuedAtPoeOnArrivalDay : null);
    }
}
