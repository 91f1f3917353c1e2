using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-01 (Documents for LMIA-required permit at POE): At a port of entry, an LMIA-required applicant brings the job offer, a copy of the LMIA and its number, and proof of meeting the job requirements.</summary>
[Name(RuleIds.Lmia01)]
[Description("At a port of entry, an LMIA-required applicant brings the job offer, a copy of the LMIA and its number, and proof of meeting the job requirements.")]
[Tag("employer")]
[Tag("document")]
internal sealed class LmiaRequiredPortOfEntryDocumentsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType, FactId.ApplicationChannel);

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
            & Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel);
        return Finding.Of(RuleIds.Lmia01, verdict, Reads, documents: verdict.IsYes ? Documents.LmiaRequiredAtPortOfEntry : null);
    }
}
