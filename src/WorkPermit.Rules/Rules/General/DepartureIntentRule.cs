using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-02 (Intent to leave at expiry): The officer must be satisfied the applicant will leave Canada when the permit expires (an officer's judgment).</summary>
[Name(RuleIds.Gen02)]
[Description("The officer must be satisfied the applicant will leave Canada when the permit expires (an officer's judgment).")]
[Tag("general")]
[Tag("requirement")]
internal sealed class DepartureIntentRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.OfficerSatisfiedDepartureIntent);

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
        return Finding.Of(RuleIds.Gen02, Is.True(c.Officer.SatisfiedDepartureIntent, FactId.OfficerSatisfiedDepartureIntent), Reads);
    }
}
