using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Biometrics;

/// <summary>BIO-03 (Only listed POE locations): Only some ports of entry take biometrics: the input travel.portOfEntryOffersBiometrics when given, else the port's code on RD-04 (incomplete, so an unlisted port is unknown, AMB-17).</summary>
[Name(RuleIds.Bio03)]
[Description("Only some ports of entry take biometrics: the input travel.portOfEntryOffersBiometrics when given, else the port's code on RD-04 (incomplete, so an unlisted port is unknown, AMB-17).")]
[Tag("biometrics")]
[Tag("requirement")]
internal sealed class BiometricsPortListedRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.TravelPortOfEntryOffersBiometrics, FactId.TravelPortOfEntry);

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
        if (c.Travel.PortOfEntryOffersBiometrics is { } offers)
        {
            return Finding.Of(RuleIds.Bio03, Verdict.Of(offers), Reads);
        }

        if (c.Travel.PortOfEntry is not { } port)
        {
            var offersFact = FactSet.Of(FactId.TravelPortOfEntryOffersBiometrics);
            var toNo = c.Reference.BiometricsPorts.IsComplete ? offersFact | FactSet.Of(FactId.TravelPortOfEntry) : offersFact;
            return Finding.Of(RuleIds.Bio03, Verdict.Unknown(offersFact | FactSet.Of(FactId.TravelPortOfEntry), toNo), Reads);
        }

        return c.Reference.BiometricsPorts.Contains(port, c.ArrivalDate) switch
        {
            Tri.Yes => Finding.Of(RuleIds.Bio03, Verdict.Yes, Reads, note: $"{port} is on the list of ports that take biometrics (RD-04)."),
            Tri.No => Finding.Of(RuleIds.Bio03, Verdict.No, Reads, note: $"{port} is not on the list of ports that take biometrics (RD-04)."),
            _ => Finding.Of(RuleIds.Bio03, Verdict.Unknown(FactId.TravelPortOfEntryOffersBiometrics), Reads, note: $"The recovered part of RD-04 does not list {port}; the list is incomplete."),
        };
    }
}
