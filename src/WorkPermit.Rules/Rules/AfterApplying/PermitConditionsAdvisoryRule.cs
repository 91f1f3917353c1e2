using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-08 (Permit conditions): Explains that an issued permit states the type of work, the employer, where and how long the holder can work (open permits may not name an employer).</summary>
[Name(RuleIds.Aft08)]
[Description("Explains that an issued permit states the type of work, the employer, where and how long the holder can work (open permits may not name an employer).")]
[Tag("after-applying")]
[Tag("advisory")]
internal sealed class PermitConditionsAdvisoryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationDecision);

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
        return Finding.Of(RuleIds.Aft08, Is.Equal(c.Application.Decision, Decision.Approved, FactId.ApplicationDecision), Reads);
    }
}
