using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-05 (Category: TRP holders): Open permit category: temporary resident permit holders.</summary>
[Name(RuleIds.Owp05)]
[Description("Open permit category: temporary resident permit holders.")]
[Tag("open-permits")]
[Tag("category")]
internal sealed class TemporaryResidentPermitHolderCategoryRule : Rule
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
        var verdict = Is.In(c.Application.Program, FactId.ApplicationProgram, WorkPermitProgram.TrpHolderOwp);
        return Finding.Of(RuleIds.Owp05, verdict, Reads, value: verdict.IsYes ? RuleIds.Owp05 : null);
    }
}
