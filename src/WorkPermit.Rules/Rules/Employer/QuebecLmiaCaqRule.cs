using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-02 (Quebec + LMIA: CAQ proof may be needed): For a job in Quebec that requires an LMIA, proof related to the Quebec Acceptance Certificate (CAQ) may be needed.</summary>
[Name(RuleIds.Lmia02)]
[Description("For a job in Quebec that requires an LMIA, proof related to the Quebec Acceptance Certificate (CAQ) may be needed.")]
[Tag("employer")]
[Tag("document")]
internal sealed class QuebecLmiaCaqRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType, FactId.JobInQuebec);

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
        var verdict = Is.Equal(c.Application.PermitType, PermitType.EmployerSpecificLmiaRequired, FactId.ApplicationPermitType)
            & Is.True(c.Job.InQuebec, FactId.JobInQuebec);
        return Finding.Of(RuleIds.Lmia02, verdict, Reads, documents: verdict.IsYes ? Documents.CaqProof : null);
    }
}
