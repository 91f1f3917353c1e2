using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-03 (Category: PR applicants (bridging) and some dependants): Open permit category: certain permanent residence applicants (bridging) and some dependent family members.</summary>
[Name(RuleIds.Owp03)]
[Description("Open permit category: certain permanent residence applicants (bridging) and some dependent family members.")]
[Tag("open-permits")]
[Tag("category")]
internal sealed class PermanentResidenceApplicantCategoryRule : Rule
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
        var verdict = Is.In(c.Application.Program, FactId.ApplicationProgram, WorkPermitProgram.BridgingOwp, WorkPermitProgram.PrApplicantFamilyOwp);
        return Finding.Of(RuleIds.Owp03, verdict, Reads, value: verdict.IsYes ? RuleIds.Owp03 : null);
    }
}
