using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-05 (Pending inland PR application): A basis for applying inside Canada: waiting for a decision on a permanent residence application made from inside Canada.</summary>
[Name(RuleIds.Ins05)]
[Description("A basis for applying inside Canada: waiting for a decision on a permanent residence application made from inside Canada.")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class InlandPermanentResidenceBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusInlandPrApplicationPending);

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
        return Finding.Of(RuleIds.Ins05, Is.True(c.Status.InlandPrApplicationPending, FactId.StatusInlandPrApplicationPending), Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
