using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-13 (Historic visitor exception (employer-specific, 2020-08-24 to 2024-08-27)): A basis for applying inside Canada under the visitor public policy: a visitor with valid status who applied for an employer-specific permit from 2020-08-24 to 2024-08-27 (AMB-03).</summary>
[Name(RuleIds.Ins13)]
[Description("A basis for applying inside Canada under the visitor public policy: a visitor with valid status who applied for an employer-specific permit from 2020-08-24 to 2024-08-27 (AMB-03).")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class HistoricVisitorExceptionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusStatus, FactId.VisitorPolicyVisitorStatusValidAtApplication, FactId.ApplicationPermitType);

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
        var inWindow = Verdict.Of(c.SubmissionDate >= PolicyDates.VisitorPolicyStart && c.SubmissionDate < PolicyDates.VisitorPolicyEnd);
        var verdict = inWindow
            & Is.Equal(c.Status.Status, TemporaryStatus.Visitor, FactId.StatusStatus)
            & Is.True(c.VisitorPolicy.VisitorStatusValidAtApplication, FactId.VisitorPolicyVisitorStatusValidAtApplication)
            & Is.In(c.Application.PermitType, FactId.ApplicationPermitType, PermitType.EmployerSpecificLmiaRequired, PermitType.EmployerSpecificLmiaExempt);
        return Finding.Of(RuleIds.Ins13, verdict, Reads | c.SubmissionDateFacts | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
