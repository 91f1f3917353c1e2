using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-01 (Scope and aggregation of general requirements): All applicants must meet every general requirement: the AND of GEN-02, GEN-03, GEN-04, GEN-06, GEN-07, GEN-10 and the absence of the GEN-08 and GEN-09 exclusions.</summary>
[Name(RuleIds.Gen01)]
[Description("All applicants must meet every general requirement: the AND of GEN-02, GEN-03, GEN-04, GEN-06, GEN-07, GEN-10 and the absence of the GEN-08 and GEN-09 exclusions.")]
[Tag("general")]
[Tag("requirement")]
internal sealed class GeneralRequirementsRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        Finding gen02 = default!;
        Finding gen03 = default!;
        Finding gen04 = default!;
        Finding gen06 = default!;
        Finding gen07 = default!;
        Finding gen08 = default!;
        Finding gen09 = default!;
        Finding gen10 = default!;

        When()
            .Match(() => c)
            .Match(() => gen02, f => f.RuleId == RuleIds.Gen02)
            .Match(() => gen03, f => f.RuleId == RuleIds.Gen03)
            .Match(() => gen04, f => f.RuleId == RuleIds.Gen04)
            .Match(() => gen06, f => f.RuleId == RuleIds.Gen06)
            .Match(() => gen07, f => f.RuleId == RuleIds.Gen07)
            .Match(() => gen08, f => f.RuleId == RuleIds.Gen08)
            .Match(() => gen09, f => f.RuleId == RuleIds.Gen09)
            .Match(() => gen10, f => f.RuleId == RuleIds.Gen10);

        Then()
            .Yield(_ => Decide(c, gen02, gen03, gen04, gen06, gen07, gen08, gen09, gen10));
    }

    internal static Finding Decide(EvaluationCase c, Finding gen02, Finding gen03, Finding gen04, Finding gen06, Finding gen07, Finding gen08, Finding gen09, Finding gen10)
    {
        var verdict = gen02.Verdict & gen03.Verdict & gen04.Verdict & gen06.Verdict & gen07.Verdict
            & !gen08.Verdict & !gen09.Verdict & gen10.Verdict;
        var reads = gen02.Reads | gen03.Reads | gen04.Reads | gen06.Reads | gen07.Reads | gen08.Reads | gen09.Reads | gen10.Reads;
        return Finding.Of(RuleIds.Gen01, verdict, reads);
    }
}
