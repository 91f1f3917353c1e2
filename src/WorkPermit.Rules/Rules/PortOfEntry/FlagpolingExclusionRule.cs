using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-06 (Flagpoling): Exclusion at a port of entry: someone in Canada who travelled to the US or Saint Pierre and Miquelon to get immigration services on return (flagpoling), from 2024-12-24, unless an exemption of POE-EXC-06X applies.</summary>
[Name(RuleIds.PoeExc06)]
[Description("Exclusion at a port of entry: someone in Canada who travelled to the US or Saint Pierre and Miquelon to get immigration services on return (flagpoling), from 2024-12-24, unless an exemption of POE-EXC-06X applies.")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class FlagpolingExclusionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusLocation, FactId.TravelTripType, FactId.TravelTripPurposeImmigrationServicesOnReturn);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding exc06x = default!;

        When()
            .Match(() => c)
            .Match(() => exc06x, f => f.RuleId == RuleIds.PoeExc06x);

        Then()
            .Do(_ => c.Publish(Decide(c, exc06x)));
    }

    internal static Finding Decide(EvaluationCase c, Finding exc06x)
    {
        var verdict = Verdict.Of(c.ArrivalDate >= PolicyDates.FlagpolingEnded)
            & Is.Equal(c.Status.Location, Location.InCanada, FactId.StatusLocation)
            & Is.In(c.Travel.TripType, FactId.TravelTripType, TripType.ReturningFromUs, TripType.ReturningFromSpm)
            & Is.True(c.Travel.TripPurposeImmigrationServicesOnReturn, FactId.TravelTripPurposeImmigrationServicesOnReturn)
            & !exc06x.Verdict;
        return Finding.Of(RuleIds.PoeExc06, verdict, Reads | exc06x.Reads | c.ArrivalDateFacts, applicable: Scope.PortOfEntry(c));
    }
}
