using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-04 (Documents for LMIA-exempt permit at POE): At a port of entry, an LMIA-exempt applicant brings the job offer, the offer of employment number, and proof that the role is LMIA-exempt and that they meet the job requirements.</summary>
[Name(RuleIds.Lmia04)]
[Description("At a port of entry, an LMIA-exempt applicant brings the job offer, the offer of employment number, and proof that the role is LMIA-exempt and that they meet the job requirements.")]
[Tag("employer")]
[Tag("document")]
internal sealed class LmiaExemptPortOfEntryDocumentsRule : Rule
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
        var verdict = Is.Equal(c.Application.PermitType, PermitType.EmployerSpecificLmiaExempt, FactId.ApplicationPermitType)
            & Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel);
        return Finding.Of(RuleIds.Lmia04, verdict, Reads, documents: verdict.IsYes ? Documents.LmiaExemptAtPortOfEntry : null);
    }
}
