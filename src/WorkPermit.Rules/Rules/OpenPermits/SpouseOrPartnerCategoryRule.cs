using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-02 (Category: spouse/partner of certain skilled workers or international students): Open permit category: spouses or common-law partners of certain skilled workers or international students (criteria in RD-07, AMB-12).</summary>
[Name(RuleIds.Owp02)]
[Description("Open permit category: spouses or common-law partners of certain skilled workers or international students (criteria in RD-07, AMB-12).")]
[Tag("open-permits")]
[Tag("category")]
internal sealed class SpouseOrPartnerCategoryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationProgram);

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
        var verdict = Is.In(c.Application.Program, FactId.ApplicationProgram, WorkPermitProgram.SpousalOwp);
        return Finding.Of(RuleIds.Owp02, verdict, Reads, value: verdict.IsYes ? RuleIds.Owp02 : null);
    }
}
