using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Biometrics;

/// <summary>BIO-04 (Book biometrics early (outside Canada)): Advises someone applying from outside Canada who must give biometrics to book the appointment as soon as possible.</summary>
[Name(RuleIds.Bio04)]
[Description("Advises someone applying from outside Canada who must give biometrics to book the appointment as soon as possible.")]
[Tag("biometrics")]
[Tag("advisory")]
internal sealed class BookBiometricsEarlyAdvisoryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel, FactId.ApplicationBiometricsRequired);

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
        var verdict = Is.Equal(c.Application.Channel, ApplicationChannel.OutsideCanadaOnline, FactId.ApplicationChannel)
            & Is.True(c.Application.BiometricsRequired, FactId.ApplicationBiometricsRequired);
        return Finding.Of(RuleIds.Bio04, verdict, Reads);
    }
}
