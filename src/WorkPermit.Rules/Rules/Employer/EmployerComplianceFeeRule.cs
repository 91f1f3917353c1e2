using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-05 (Employer compliance fee ($230) before permit): The employer must pay the $230 compliance fee for an LMIA-exempt employer-specific permit before the candidate can obtain it (exemptions are not in the sources, AMB-19).</summary>
[Name(RuleIds.Lmia05)]
[Description("The employer must pay the $230 compliance fee for an LMIA-exempt employer-specific permit before the candidate can obtain it (exemptions are not in the sources, AMB-19).")]
[Tag("employer")]
[Tag("requirement")]
internal sealed class EmployerComplianceFeeRule : Rule
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
        return Finding.Of(RuleIds.Lmia05, Is.Equal(c.Application.PermitType, PermitType.EmployerSpecificLmiaExempt, FactId.ApplicationPermitType), Reads);
    }
}
