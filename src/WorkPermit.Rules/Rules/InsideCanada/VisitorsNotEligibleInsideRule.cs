using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-11 (Visitor with no inside-Canada basis (barred from applying inside)): Applies when a visitor meets none of the listed bases: visitors are not eligible to apply inside Canada (a listed basis wins, AMB-02).</summary>
[Name(RuleIds.Ins11)]
[Description("Applies when a visitor meets none of the listed bases: visitors are not eligible to apply inside Canada (a listed basis wins, AMB-02).")]
[Tag("inside-canada")]
[Tag("exclusion")]
internal sealed class VisitorsNotEligibleInsideRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusStatus);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        InsideCanadaFinding ins10 = default!;

        When()
            .Match(() => c)
            .Match(() => ins10, f => f.RuleId == RuleIds.Ins10);

        Then()
            .Do(_ => c.Record(Decide(c, ins10)));
    }

    internal static Finding Decide(EvaluationCase c, Finding ins10)
    {
        var verdict = Is.Equal(c.Status.Status, TemporaryStatus.Visitor, FactId.StatusStatus) & !ins10.Verdict;
        return Finding.Of(RuleIds.Ins11, verdict, Reads | ins10.Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
