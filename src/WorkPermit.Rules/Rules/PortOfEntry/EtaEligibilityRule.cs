using NRules.Fluent.Dsl;
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
            .Do(_ => c.Publish(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        // The requirement is met by eligible or not_required: a visa-exempt traveller meets it whatever the travel
        // mode, so the mode only decides which of the two applies (the eTA value), not the requirement.
        var (eta, _, etaNote) = Travellers.ForPassport<EtaEligibility>(c, passport => Travellers.Eta(c, passport));
        var etaMissing = eta is null ? Travellers.EtaMissing(c) : FactSet.Empty;
        var (verdict, note) = Travellers.ForPassport(c, passport => Travellers.VisaExemptBasis(c, passport));
        note ??= etaNote;
        return Finding.Of(RuleIds.Poe02, verdict, Reads | c.ArrivalDateFacts, value: new EtaResult(eta ?? EtaEligibility.Unknown, eta is null ? etaMissing : FactSet.Empty), note: note, applicable: Scope.PortOfEntry(c));
    }
}

/// <summary>The eTA status POE-02 derives, and while it is unknown the facts that could settle it.</summary>
internal readonly record struct EtaResult(EtaEligibility Eligibility, FactSet Missing);
