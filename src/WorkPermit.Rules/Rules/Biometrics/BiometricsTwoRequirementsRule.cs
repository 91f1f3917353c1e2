using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Biometrics;

/// <summary>BIO-02 (Two requirements for POE biometrics): Giving biometrics at a port of entry needs the application started and finished at the same port and eligibility to apply there (POE-04).</summary>
[Name(RuleIds.Bio02)]
[Description("Giving biometrics at a port of entry needs the application started and finished at the same port and eligibility to apply there (POE-04).")]
[Tag("biometrics")]
[Tag("requirement")]
internal sealed class BiometricsTwoRequirementsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.TravelStartAndFinishAtSamePoe);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding poe04 = default!;

        When()
            .Match(() => c)
            .Match(() => poe04, f => f.RuleId == RuleIds.Poe04);

        Then()
            .Do(_ => c.Publish(Decide(c, poe04)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe04)
    {
        var verdict = Is.True(c.Travel.StartAndFinishAtSamePoe, FactId.TravelStartAndFinishAtSamePoe) & poe04.Verdict;
        return Finding.Of(RuleIds.Bio02, verdict, Reads | poe04.Reads);
    }
}
