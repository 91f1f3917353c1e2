using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-12 (In-Canada form IMM 5710): An applicant eligible to apply inside Canada who applies online from inside Canada uses form IMM 5710.</summary>
[Name(RuleIds.Ins12)]
[Description("An applicant eligible to apply inside Canada who applies online from inside Canada uses form IMM 5710.")]
[Tag("inside-canada")]
[Tag("document")]
internal sealed class InsideCanadaFormRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        InsideCanadaFinding ins10 = default!;

        When()
            .Match(() => c)
            .Match(() => ins10, f => f.RuleId == RuleIds.Ins10);

        Then()
            .Do(_ => c.Record(Decide(c, ins10)));
    }

    internal static Finding Decide(EvaluationCase c, Finding ins10)
    {
        var verdict = ins10.Verdict & Is.Equal(c.Application.Channel, ApplicationChannel.InsideCanadaOnline, FactId.ApplicationChannel);
        return Finding.Of(RuleIds.Ins12, verdict, Reads | ins10.Reads | Scope.InsideCanadaReads, documents: verdict.IsYes ? Documents.Imm5710 : null, applicable: Scope.InsideCanada(c));
    }
}
