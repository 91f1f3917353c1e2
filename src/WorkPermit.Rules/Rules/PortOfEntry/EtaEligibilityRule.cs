using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-02 (eTA-eligible or may travel without a visitor visa): Requirement at a port of entry: eligible for an eTA or able to travel without a visitor visa (eligible or not_required); US passports need neither, visa-exempt travellers need an eTA by air only.</summary>
[Name(RuleIds.Poe02)]
[Description("Requirement at a port of entry: eligible for an eTA or able to travel without a visitor visa (eligible or not_required); US passports need neither, visa-exempt travellers need an eTA by air only.")]
[Tag("port-of-entry")]
[Tag("requirement")]
internal sealed class EtaEligibilityRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonPassportCountry, FactId.PersonCitizenships, FactId.PersonUsLawfulPermanentResident, FactId.TravelMode, FactId.TravelHeldCanadianVisaPast10Years, FactId.TravelValidUsNonImmigrantVisa);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Yield(_ => Decide(c));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        var (eta, missing, note) = Travellers.ForPassport<EtaEligibility>(c, passport => Travellers.Eta(c, passport));
        var verdict = eta switch
        {
            EtaEligibility.Eligible or EtaEligibility.NotRequired => Verdict.Yes,
            EtaEligibility.NotEligible => Verdict.No,
            _ => Verdict.Unknown(missing),
        };
        return Finding.Of(RuleIds.Poe02, verdict, Reads | c.ArrivalDateFacts, value: eta ?? EtaEligibility.Unknown, note: note, applicable: Scope.PortOfEntry(c));
    }
}
