using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-03 (PGWP-eligible with still-valid study permit): A basis for applying inside Canada: eligible for a post-graduation work permit with a study permit still valid on the application date (expiry on or after it, or known valid).</summary>
[Name(RuleIds.Ins03)]
[Description("A basis for applying inside Canada: eligible for a post-graduation work permit with a study permit still valid on the application date (expiry on or after it, or known valid).")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class PgwpWithValidStudyPermitBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusPgwpEligible, FactId.StatusStudyPermitExpiryDate, FactId.StatusHoldsValidStudyPermit);

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
        // With no expiry date, holdsValidStudyPermit (valid on the application date) settles it either way.
        var stillValid = c.Status.StudyPermitExpiryDate is null && c.Status.HoldsValidStudyPermit == false
            ? Verdict.No
            : Is.OnOrAfter(c.Status.StudyPermitExpiryDate, c.SubmissionDate, FactId.StatusStudyPermitExpiryDate)
                | Is.True(c.Status.HoldsValidStudyPermit, FactId.StatusHoldsValidStudyPermit);
        var verdict = Is.True(c.Status.PgwpEligible, FactId.StatusPgwpEligible) & stillValid;
        var note = (c.Status.StudyPermitExpiryDate, c.Status.HoldsValidStudyPermit) switch
        {
            (null, true) => "No expiry date is given; a study permit valid on the application date is still valid.",
            (null, false) => "No expiry date is given; the study permit is not valid on the application date.",
            _ => null,
        };
        return Finding.Of(RuleIds.Ins03, verdict, Reads | c.SubmissionDateFacts | Scope.InsideCanadaReads, note: note, applicable: Scope.InsideCanada(c));
    }
}
