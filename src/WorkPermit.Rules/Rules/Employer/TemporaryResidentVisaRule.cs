using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-09 (TRV depending on nationality): Someone entering Canada who needs a visitor visa (no visa-exempt basis, POE-01) needs a temporary resident visa.</summary>
[Name(RuleIds.Lmia09)]
[Description("Someone entering Canada who needs a visitor visa (no visa-exempt basis, POE-01) needs a temporary resident visa.")]
[Tag("employer")]
[Tag("document")]
internal sealed class TemporaryResidentVisaRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusLocation, FactId.ApplicationChannel);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding poe01 = default!;

        When()
            .Match(() => c)
            .Match(() => poe01, f => f.RuleId == RuleIds.Poe01);

        Then()
            .Do(_ => c.Record(Decide(c, poe01)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe01)
    {
        // The document is for entering Canada: it does not concern someone already in Canada who is not travelling.
        var entering = Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel)
            | !Is.Equal(c.Status.Location, Location.InCanada, FactId.StatusLocation);
        var verdict = entering & !poe01.Verdict;
        return Finding.Of(RuleIds.Lmia09, verdict, Reads | poe01.Reads, documents: verdict.IsYes ? Documents.TemporaryResidentVisa : null);
    }
}
