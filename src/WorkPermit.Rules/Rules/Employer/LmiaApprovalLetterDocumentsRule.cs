using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-08 (LMIA approval letter and job offer letter in application): An LMIA-required application (any channel) includes a copy of the LMIA approval letter and a detailed job offer letter.</summary>
[Name(RuleIds.Lmia08)]
[Description("An LMIA-required application (any channel) includes a copy of the LMIA approval letter and a detailed job offer letter.")]
[Tag("employer")]
[Tag("document")]
internal sealed class LmiaApprovalLetterDocumentsRule : Rule
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
        var verdict = Is.Equal(c.Application.PermitType, PermitType.EmployerSpecificLmiaRequired, FactId.ApplicationPermitType);
        return Finding.Of(RuleIds.Lmia08, verdict, Reads, documents: verdict.IsYes ? Documents.LmiaApprovalLetters : null);
    }
}
