using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-08 (Employer listed 'ineligible' on the non-compliance list): Applies (bars the applicant) when the employer is listed as 'ineligible' on the list of employers who failed to comply; another listing status does not.</summary>
[Name(RuleIds.Gen08)]
[Description("Applies (bars the applicant) when the employer is listed as 'ineligible' on the list of employers who failed to comply; another listing status does not.")]
[Tag("general")]
[Tag("exclusion")]
internal sealed class EmployerNotIneligibleRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.JobEmployerNonComplianceStatus);

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
        return Finding.Of(RuleIds.Gen08, Is.Equal(c.Job.EmployerNonComplianceStatus, EmployerComplianceListStatus.ListedIneligible, FactId.JobEmployerNonComplianceStatus), Reads);
    }
}
