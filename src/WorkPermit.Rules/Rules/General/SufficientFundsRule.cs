using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-03 (Sufficient funds for self, family and return): The applicant must have enough money for self and accompanying family during the stay and to return home; the amount is the officer's, so the fact is an input.</summary>
[Name(RuleIds.Gen03)]
[Description("The applicant must have enough money for self and accompanying family during the stay and to return home; the amount is the officer's, so the fact is an input.")]
[Tag("general")]
[Tag("requirement")]
internal sealed class SufficientFundsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonSufficientFunds, FactId.PersonAccompanyingFamilyCount);

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
        return Finding.Of(RuleIds.Gen03, Is.True(c.Person.SufficientFunds, FactId.PersonSufficientFunds), Reads);
    }
}
