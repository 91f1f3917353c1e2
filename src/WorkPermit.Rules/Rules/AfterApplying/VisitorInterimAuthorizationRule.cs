using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-15 (Visitor interim work authorization public policy - eligibility): Visitor interim work authorization public policy: physically present, valid visitor status when applying, an employer-specific permit applied for from 2020-08-24 to 2024-08-27 (AMB-03), a work permit valid in the 12 months before (AMB-04), and stayed in Canada (AFT-16).</summary>
[Name(RuleIds.Aft15)]
[Description("Visitor interim work authorization public policy: physically present, valid visitor status when applying, an employer-specific permit applied for from 2020-08-24 to 2024-08-27 (AMB-03), a work permit valid in the 12 months before (AMB-04), and stayed in Canada (AFT-16).")]
[Tag("after-applying")]
[Tag("category")]
internal sealed class VisitorInterimAuthorizationRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.VisitorPolicyPhysicallyPresentAtApplication, FactId.VisitorPolicyVisitorStatusValidAtApplication, FactId.ApplicationPermitType, FactId.StatusPreviousWorkPermitExpiryDate);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        AfterApplyingFinding aft16 = default!;

        When()
            .Match(() => c)
            .Match(() => aft16, f => f.RuleId == RuleIds.Aft16);

        Then()
            .Do(_ => c.Publish(Decide(c, aft16)));
    }

    internal static Finding Decide(EvaluationCase c, Finding aft16)
    {
        var conditions = new (string Id, Verdict Verdict)[]
        {
            (InterimConditions.PhysicallyPresent, Is.True(c.VisitorPolicy.PhysicallyPresentAtApplication, FactId.VisitorPolicyPhysicallyPresentAtApplication)),
            (InterimConditions.ValidVisitorStatus, Is.True(c.VisitorPolicy.VisitorStatusValidAtApplication, FactId.VisitorPolicyVisitorStatusValidAtApplication)),
            (InterimConditions.EmployerSpecific, Is.In(c.Application.PermitType, FactId.ApplicationPermitType, PermitType.EmployerSpecificLmiaRequired, PermitType.EmployerSpecificLmiaExempt)),
            (InterimConditions.AppliedInWindow, Verdict.Of(c.SubmissionDate >= PolicyDates.VisitorPolicyStart && c.SubmissionDate < PolicyDates.VisitorPolicyEnd)),
            (InterimConditions.WorkPermitValidInPrior12Months, Is.OnOrAfter(c.Status.PreviousWorkPermitExpiryDate, c.SubmissionDate.AddMonths(-12), FactId.StatusPreviousWorkPermitExpiryDate)),
            (InterimConditions.StayedInCanada, !aft16.Verdict),
        };
        var verdict = Verdict.Yes;
        var failed = new List<string>();
        foreach (var (id, condition) in conditions)
        {
            verdict &= condition;
            if (condition.IsNo)
            {
                failed.Add(id);
            }
        }

        return Finding.Of(RuleIds.Aft15, verdict, Reads | aft16.Reads | c.SubmissionDateFacts | FactSet.Of(FactId.StatusStatus), conditions: failed, applicable: Scope.Visitor(c));
    }
}
