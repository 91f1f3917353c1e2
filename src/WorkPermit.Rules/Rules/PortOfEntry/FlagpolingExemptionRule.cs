using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-06X (Exempt from the flagpoling bar (select individuals)): Exemption from the flagpoling exclusion: a category still allowed to flagpole (RD-05), which includes every US citizen and US lawful permanent resident (AMB-06).</summary>
[Name(RuleIds.PoeExc06x)]
[Description("Exemption from the flagpoling exclusion: a category still allowed to flagpole (RD-05), which includes every US citizen and US lawful permanent resident (AMB-06).")]
[Tag("port-of-entry")]
[Tag("category")]
internal sealed class FlagpolingExemptionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.TravelFlagpoleExemption, FactId.PersonCitizenships, FactId.PersonPassportCountry, FactId.PersonUsLawfulPermanentResident);

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
        var category = c.Travel.FlagpoleExemption switch
        {
            null => Verdict.Unknown(FactId.TravelFlagpoleExemption),
            FlagpoleExemption.None => Verdict.No,
            var value => Travellers.OnList(c.Reference.FlagpoleExemptions, Json.EnumNames.Of(value), c.ArrivalDate),
        };
        var verdict = category | Travellers.UsCitizen(c) | Is.True(c.Person.UsLawfulPermanentResident, FactId.PersonUsLawfulPermanentResident);
        return Finding.Of(RuleIds.PoeExc06x, verdict, Reads | c.ArrivalDateFacts, applicable: Scope.PortOfEntry(c));
    }
}
