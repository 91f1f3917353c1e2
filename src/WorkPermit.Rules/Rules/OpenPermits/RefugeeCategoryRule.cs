using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-04 (Category: refugees, claimants, protected persons and family): Open permit category: refugees, refugee claimants, protected persons and their family members.</summary>
[Name(RuleIds.Owp04)]
[Description("Open permit category: refugees, refugee claimants, protected persons and their family members.")]
[Tag("open-permits")]
[Tag("category")]
internal sealed class RefugeeCategoryRule : Rule
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
        var verdict = Is.In(c.Application.Program, FactId.ApplicationProgram, WorkPermitProgram.RefugeeOwp);
        return Finding.Of(RuleIds.Owp04, verdict, Reads, value: verdict.IsYes ? RuleIds.Owp04 : null);
    }
}
