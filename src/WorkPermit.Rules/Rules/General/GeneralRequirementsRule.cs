using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-01 (Scope and aggregation of general requirements): All applicants must meet every general requirement: the AND of GEN-02, GEN-03, GEN-04, GEN-06, GEN-07, GEN-10 and the absence of the GEN-08 and GEN-09 exclusions.</summary>
[Name(RuleIds.Gen01)]
[Description("All applicants must meet every general requirement: the AND of GEN-02, GEN-03, GEN-04, GEN-06, GEN-07, GEN-10 and the absence of the GEN-08 and GEN-09 exclusions.")]
[Tag("general")]
[Tag("requirement")]
internal sealed class GeneralRequirementsRule : Rule
{
    /// <summary>The findings this rule combines, taken in one pattern once all have arrived.</summary>
    private static readonly RuleInputs Inputs = new(RuleIds.Gen02, RuleIds.Gen03, RuleIds.Gen04, RuleIds.Gen06, RuleIds.Gen07, RuleIds.Gen08, RuleIds.Gen09, RuleIds.Gen10);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        CollectedInputs inputs = default!;

        When()
            .Match(() => c)
            .Query(() => inputs, q => q
                .Match<GeneralFinding>(f => Inputs.Includes(f))
                .AllOf(Inputs));

        Then()
            .Do(_ => c.Record(Decide(c, inputs)));
    }

    /// <summary>Decides from the collected findings, each taken by its rule ID.</summary>
    private static Finding Decide(EvaluationCase c, CollectedInputs inputs) =>
        Decide(c, inputs[RuleIds.Gen02], inputs[RuleIds.Gen03], inputs[RuleIds.Gen04], inputs[RuleIds.Gen06], inputs[RuleIds.Gen07], inputs[RuleIds.Gen08], inputs[RuleIds.Gen09], inputs[RuleIds.Gen10]);

    internal static Finding Decide(EvaluationCase c, Finding gen02, Finding gen03, Finding gen04, Finding gen06, Finding gen07, Finding gen08, Finding gen09, Finding gen10)
    {
        var verdict = gen02.Verdict & gen03.Verdict & gen04.Verdict & gen06.Verdict & gen07.Verdict
            & !gen08.Verdict & !gen09.Verdict & gen10.Verdict;
        var reads = gen02.Reads | gen03.Reads | gen04.Reads | gen06.Reads | gen07.Reads | gen08.Reads | gen09.Reads | gen10.Reads;
        return Finding.Of(RuleIds.Gen01, verdict, reads);
    }
}
