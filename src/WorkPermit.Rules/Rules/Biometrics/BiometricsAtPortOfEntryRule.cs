using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Biometrics;

/// <summary>BIO-01 (Biometrics may be given at the POE (most applicants may not)): Biometrics are not given at a port of entry unless both BIO-02 and BIO-03 hold for a port-of-entry application.</summary>
[Name(RuleIds.Bio01)]
[Description("Biometrics are not given at a port of entry unless both BIO-02 and BIO-03 hold for a port-of-entry application.")]
[Tag("biometrics")]
[Tag("requirement")]
internal sealed class BiometricsAtPortOfEntryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        BiometricsFinding bio02 = default!;
        BiometricsFinding bio03 = default!;

        When()
            .Match(() => c)
            .Match(() => bio02, f => f.RuleId == RuleIds.Bio02)
            .Match(() => bio03, f => f.RuleId == RuleIds.Bio03);

        Then()
            .Do(_ => c.Record(Decide(c, bio02, bio03)));
    }

    internal static Finding Decide(EvaluationCase c, Finding bio02, Finding bio03)
    {
        var verdict = Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel) & bio02.Verdict & bio03.Verdict;
        return Finding.Of(RuleIds.Bio01, verdict, Reads | bio02.Reads | bio03.Reads);
    }
}
