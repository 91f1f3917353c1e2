using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-06 (Approval outside Canada -> POE letter of introduction (not a permit)): An application approved from outside Canada gives a port of entry letter of introduction, to bring to the border; the letter is not the work permit.</summary>
[Name(RuleIds.Aft06)]
[Description("An application approved from outside Canada gives a port of entry letter of introduction, to bring to the border; the letter is not the work permit.")]
[Tag("after-applying")]
[Tag("document")]
internal sealed class LetterOfIntroductionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel, FactId.ApplicationDecision);

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
        var verdict = Is.Equal(c.Application.Channel, ApplicationChannel.OutsideCanadaOnline, FactId.ApplicationChannel)
            & Is.Equal(c.Application.Decision, Decision.Approved, FactId.ApplicationDecision);
        return Finding.Of(RuleIds.Aft06, verdict, Reads, documents: verdict.IsYes ? Documents.PoeLetterOfIntroduction : null);
    }
}
