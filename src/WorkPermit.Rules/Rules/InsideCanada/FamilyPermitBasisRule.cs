using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-02 (Spouse/partner or parent holds valid study or work permit): A basis for applying inside Canada: the spouse or common-law partner, or a parent, holds a valid study or work permit.</summary>
[Name(RuleIds.Ins02)]
[Description("A basis for applying inside Canada: the spouse or common-law partner, or a parent, holds a valid study or work permit.")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class FamilyPermitBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.FamilySpouseOrPartnerHoldsValidStudyOrWorkPermit, FactId.FamilyParentHoldsValidStudyOrWorkPermit);

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
        var verdict = Is.True(c.Family.SpouseOrPartnerHoldsValidStudyOrWorkPermit, FactId.FamilySpouseOrPartnerHoldsValidStudyOrWorkPermit)
            | Is.True(c.Family.ParentHoldsValidStudyOrWorkPermit, FactId.FamilyParentHoldsValidStudyOrWorkPermit);
        return Finding.Of(RuleIds.Ins02, verdict, Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
