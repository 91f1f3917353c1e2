using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-ES-01 (Employer completed all required steps (employer-specific at POE)): Type requirements of an employer-specific permit at a port of entry: the employer completed all required steps, the LMIA or offer of employment number is in place (LMIA-06) and, when LMIA-exempt, the compliance fee is paid (LMIA-05).</summary>
[Name(RuleIds.PoeEs01)]
[Description("Type requirements of an employer-specific permit at a port of entry: the employer completed all required steps, the LMIA or offer of employment number is in place (LMIA-06) and, when LMIA-exempt, the compliance fee is paid (LMIA-05).")]
[Tag("port-of-entry")]
[Tag("requirement")]
internal sealed class EmployerCompletedStepsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType, FactId.ApplicationChannel, FactId.JobEmployerCompletedRequiredSteps, FactId.JobEmployerComplianceFeePaid);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        EmployerFinding lmia06 = default!;

        When()
            .Match(() => c)
            .Match(() => lmia06, f => f.RuleId == RuleIds.Lmia06);

        Then()
            .Do(_ => c.Publish(Decide(c, lmia06)));
    }

    internal static Finding Decide(EvaluationCase c, Finding lmia06)
    {
        var feePaid = c.Application.PermitType switch
        {
            PermitType.EmployerSpecificLmiaExempt => Is.True(c.Job.EmployerComplianceFeePaid, FactId.JobEmployerComplianceFeePaid),
            PermitType.EmployerSpecificLmiaRequired => Verdict.Yes,
            _ => Is.True(c.Job.EmployerComplianceFeePaid, FactId.JobEmployerComplianceFeePaid) | Verdict.Unknown(FactId.ApplicationPermitType),
        };
        var verdict = Is.True(c.Job.EmployerCompletedRequiredSteps, FactId.JobEmployerCompletedRequiredSteps) & lmia06.Verdict & feePaid;
        var applicable = Scope.PortOfEntry(c) == Tri.No || c.Application.PermitType == PermitType.Open ? Tri.No
            : Scope.PortOfEntry(c) == Tri.Yes && c.Application.PermitType is not null ? Tri.Yes : Tri.Unknown;
        return Finding.Of(RuleIds.PoeEs01, verdict, Reads | lmia06.Reads, applicable: applicable);
    }
}
