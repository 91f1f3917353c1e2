using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-09 (CUSMA trader, investor, ICT or professional): A basis for applying inside Canada: a trader, investor, intra-company transferee or professional under CUSMA.</summary>
[Name(RuleIds.Ins09)]
[Description("A basis for applying inside Canada: a trader, investor, intra-company transferee or professional under CUSMA.")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class CusmaBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusCusmaCategory);

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
        var verdict = Is.In(c.Status.CusmaCategory, FactId.StatusCusmaCategory,
            CusmaCategory.Trader, CusmaCategory.Investor, CusmaCategory.IntraCompanyTransferee, CusmaCategory.Professional);
        return Finding.Of(RuleIds.Ins09, verdict, Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
