using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-01 (Holds valid study or work permit): A basis for applying inside Canada: the applicant's own study or work permit is valid on the application date.</summary>
[Name(RuleIds.Ins01)]
[Description("A basis for applying inside Canada: the applicant's own study or work permit is valid on the application date.")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class ValidStudyOrWorkPermitBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusHoldsValidStudyPermit, FactId.StatusHoldsValidWorkPermit);

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
        var verdict = Is.True(c.Status.HoldsValidStudyPermit, FactId.StatusHoldsValidStudyPermit)
            | Is.True(c.Status.HoldsValidWorkPermit, FactId.StatusHoldsValidWorkPermit);
        return Finding.Of(RuleIds.Ins01, verdict, Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
