using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-07 (Good health and medical exam if needed): The applicant must be in good health and, when a medical exam is required and entry is being evaluated, hold one valid on the day of entry (IME-04).</summary>
[Name(RuleIds.Gen07)]
[Description("The applicant must be in good health and, when a medical exam is required and entry is being evaluated, hold one valid on the day of entry (IME-04).")]
[Tag("general")]
[Tag("requirement")]
internal sealed class GoodHealthRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonHealthConditionConcern);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        MedicalFinding ime04 = default!;

        When()
            .Match(() => c)
            .Match(() => ime04, f => f.RuleId == RuleIds.Ime04);

        Then()
            .Do(_ => c.Publish(Decide(c, ime04)));
    }

    internal static Finding Decide(EvaluationCase c, Finding ime04)
    {
        var verdict = Is.Equal(c.Person.HealthConditionConcern, ConcernStatus.None, FactId.PersonHealthConditionConcern) & ime04.Verdict;
        return Finding.Of(RuleIds.Gen07, verdict, Reads | ime04.Reads);
    }
}
