using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-08 (Category list is non-exhaustive): Advises an open-permit applicant that the categories listed are examples and that eligibility is category-specific and may need documents beyond a job offer.</summary>
[Name(RuleIds.Owp08)]
[Description("Advises an open-permit applicant that the categories listed are examples and that eligibility is category-specific and may need documents beyond a job offer.")]
[Tag("open-permits")]
[Tag("advisory")]
internal sealed class OpenPermitCategoriesNonExhaustiveAdvisoryRule : Rule
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
        return Finding.Of(RuleIds.Owp08, Is.Equal(c.Application.PermitType, PermitType.Open, FactId.ApplicationPermitType), Reads);
    }
}
