using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-06 (Employer needs LMIA approval or Offer of Employment number): An employer-specific permit needs a positive LMIA (LMIA-required) or an offer of employment number (LMIA-exempt).</summary>
[Name(RuleIds.Lmia06)]
[Description("An employer-specific permit needs a positive LMIA (LMIA-required) or an offer of employment number (LMIA-exempt).")]
[Tag("employer")]
[Tag("requirement")]
internal sealed class EmployerApprovalPrerequisiteRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType, FactId.JobLmiaStatus, FactId.JobOfferOfEmploymentNumberAvailable);

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
        var lmia = Is.Equal(c.Job.LmiaStatus, LmiaStatus.PositiveIssued, FactId.JobLmiaStatus);
        var offerNumber = Is.True(c.Job.OfferOfEmploymentNumberAvailable, FactId.JobOfferOfEmploymentNumberAvailable);
        return c.Application.PermitType switch
        {
            PermitType.EmployerSpecificLmiaRequired => Finding.Of(RuleIds.Lmia06, lmia, Reads),
            PermitType.EmployerSpecificLmiaExempt => Finding.Of(RuleIds.Lmia06, offerNumber, Reads),
            PermitType.Open => Finding.Of(RuleIds.Lmia06, Verdict.No, Reads, applicable: Tri.No),
            _ => Finding.Of(RuleIds.Lmia06, PortOfEntry.TypeSpecificRequirementsRule.Either(lmia, offerNumber), Reads, applicable: Tri.Unknown),
        };
    }
}
