using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-01 (Visa-exempt country or visa-exempt traveller): Requirement at a port of entry: from a visa-exempt country (the passport used, AMB-20; a US passport counts), a US lawful permanent resident, or a conditional-eTA national who meets the conditions and flies.</summary>
[Name(RuleIds.Poe01)]
[Description("Requirement at a port of entry: from a visa-exempt country (the passport used, AMB-20; a US passport counts), a US lawful permanent resident, or a conditional-eTA national who meets the conditions and flies.")]
[Tag("port-of-entry")]
[Tag("requirement")]
internal sealed class VisaExemptTravellerRule : Rule
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
        var (verdict, note) = Travellers.ForPassport(c, passport => Travellers.VisaExemptBasis(c, passport));
        return Finding.Of(RuleIds.Poe01, verdict, Reads | c.ArrivalDateFacts, note: note, applicable: Scope.PortOfEntry(c));
    }
}
