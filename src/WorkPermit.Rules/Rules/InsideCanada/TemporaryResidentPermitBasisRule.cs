using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-04 (TRP valid for 6 months or more): A basis for applying inside Canada: a temporary resident permit valid for 6 months or more from the application date (exactly 6 calendar months qualifies).</summary>
[Name(RuleIds.Ins04)]
[Description("A basis for applying inside Canada: a temporary resident permit valid for 6 months or more from the application date (exactly 6 calendar months qualifies).")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class TemporaryResidentPermitBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusTrpExpiryDate, FactId.StatusStatus);

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
        if (c.Status.TrpExpiryDate is { } expiry)
        {
            return Finding.Of(RuleIds.Ins04, Verdict.Of(expiry >= c.SubmissionDate.AddMonths(6)), Reads | c.SubmissionDateFacts | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
        }

        // No TRP expiry given: a known status other than trp_holder means there is no TRP.
        return c.Status.Status switch
        {
            null => Finding.Of(RuleIds.Ins04, Verdict.Unknown(FactSet.Of(FactId.StatusTrpExpiryDate), FactSet.Of(FactId.StatusTrpExpiryDate, FactId.StatusStatus)), Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c)),
            TemporaryStatus.TrpHolder => Finding.Of(RuleIds.Ins04, Verdict.Unknown(FactId.StatusTrpExpiryDate), Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c)),
            _ => Finding.Of(RuleIds.Ins04, Verdict.No, Reads | Scope.InsideCanadaReads, note: "No TRP expiry date is given and the status is not trp_holder, so there is no temporary resident permit.", applicable: Scope.InsideCanada(c)),
        };
    }
}
