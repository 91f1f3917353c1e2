using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-03 (Quebec positions: CAQ may be needed): For any position in Quebec a CAQ may be needed in addition to the work permit (AMB-09: any Quebec job).</summary>
[Name(RuleIds.Lmia03)]
[Description("For any position in Quebec a CAQ may be needed in addition to the work permit (AMB-09: any Quebec job).")]
[Tag("employer")]
[Tag("document")]
internal sealed class QuebecCaqRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.JobInQuebec);

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
        var verdict = Is.True(c.Job.InQuebec, FactId.JobInQuebec);
        var note = verdict.IsYes && c.Application.PermitType == PermitType.EmployerSpecificLmiaExempt
            ? "The job is LMIA-exempt: only a secondary source says a CAQ may be needed without an LMIA (AMB-09)."
            : null;
        return Finding.Of(RuleIds.Lmia03, verdict, Reads, documents: verdict.IsYes ? Documents.CaqProof : null, note: note);
    }
}
