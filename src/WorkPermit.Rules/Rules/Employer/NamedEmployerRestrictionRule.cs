using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>CHG-01 (Employer-specific permit restricts to named employer): An employer-specific permit lets the worker work only for the employer named on it.</summary>
[Name(RuleIds.Chg01)]
[Description("An employer-specific permit lets the worker work only for the employer named on it.")]
[Tag("employer")]
[Tag("requirement")]
internal sealed class NamedEmployerRestrictionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType);

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
        var verdict = Is.In(c.Application.PermitType, FactId.ApplicationPermitType, PermitType.EmployerSpecificLmiaRequired, PermitType.EmployerSpecificLmiaExempt);
        return Finding.Of(RuleIds.Chg01, verdict, Reads);
    }
}
