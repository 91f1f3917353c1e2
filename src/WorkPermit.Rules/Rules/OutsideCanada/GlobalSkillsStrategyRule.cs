using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OutsideCanada;

/// <summary>OUT-03 (Global Skills Strategy two-week processing): Advises an applicant applying from outside Canada to check whether Global Skills Strategy two-week processing applies.</summary>
[Name(RuleIds.Out03)]
[Description("Advises an applicant applying from outside Canada to check whether Global Skills Strategy two-week processing applies.")]
[Tag("outside-canada")]
[Tag("advisory")]
internal sealed class GlobalSkillsStrategyRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel);

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
        return Finding.Of(RuleIds.Out03, Is.Equal(c.Application.Channel, ApplicationChannel.OutsideCanadaOnline, FactId.ApplicationChannel), Reads);
    }
}
