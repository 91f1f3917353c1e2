using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OutsideCanada;

/// <summary>OUT-01 (Applying from outside Canada is open to anyone): Anyone may apply before entering Canada: location eligibility is yes for an application made online from outside Canada.</summary>
[Name(RuleIds.Out01)]
[Description("Anyone may apply before entering Canada: location eligibility is yes for an application made online from outside Canada.")]
[Tag("outside-canada")]
[Tag("requirement")]
internal sealed class ApplyFromOutsideRule : Rule
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
        return Finding.Of(RuleIds.Out01, Is.Equal(c.Application.Channel, ApplicationChannel.OutsideCanadaOnline, FactId.ApplicationChannel), Reads, applicable: Scope.OutsideCanada(c));
    }
}
