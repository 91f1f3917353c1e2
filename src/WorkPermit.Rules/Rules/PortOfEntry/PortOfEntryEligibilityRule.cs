using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-04 (All requirements and no exclusion): Eligible to apply at a port of entry: every requirement (POE-01 to POE-03) met and no exclusion (POE-EXC-01 to POE-EXC-06); exclusions dominate.</summary>
[Name(RuleIds.Poe04)]
[Description("Eligible to apply at a port of entry: every requirement (POE-01 to POE-03) met and no exclusion (POE-EXC-01 to POE-EXC-06); exclusions dominate.")]
[Tag("port-of-entry")]
[Tag("requirement")]
internal sealed class PortOfEntryEligibilityRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        Finding poe01 = default!;
        Finding poe02 = default!;
        Finding poe03 = default!;
        Finding exc01 = default!;
        Finding exc02 = default!;
        Finding exc03 = default!;
        Finding exc04 = default!;
        Finding exc05 = default!;
        Finding exc06 = default!;

        When()
            .Match(() => c)
            .Match(() => poe01, f => f.RuleId == RuleIds.Poe01)
            .Match(() => poe02, f => f.RuleId == RuleIds.Poe02)
            .Match(() => poe03, f => f.RuleId == RuleIds.Poe03)
            .Match(() => exc01, f => f.RuleId == RuleIds.PoeExc01)
            .Match(() => exc02, f => f.RuleId == RuleIds.PoeExc02)
            .Match(() => exc03, f => f.RuleId == RuleIds.PoeExc03)
            .Match(() => exc04, f => f.RuleId == RuleIds.PoeExc04)
            .Match(() => exc05, f => f.RuleId == RuleIds.PoeExc05)
            .Match(() => exc06, f => f.RuleId == RuleIds.PoeExc06);

        Then()
            .Yield(_ => Decide(c, poe01, poe02, poe03, exc01, exc02, exc03, exc04, exc05, exc06));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe01, Finding poe02, Finding poe03, Finding exc01, Finding exc02, Finding exc03, Finding exc04, Finding exc05, Finding exc06)
    {
        var verdict = poe01.Verdict & poe02.Verdict & poe03.Verdict
            & !exc01.Verdict & !exc02.Verdict & !exc03.Verdict & !exc04.Verdict & !exc05.Verdict & !exc06.Verdict;
        var reads = poe01.Reads | poe02.Reads | poe03.Reads | exc01.Reads | exc02.Reads | exc03.Reads | exc04.Reads | exc05.Reads | exc06.Reads;
        return Finding.Of(RuleIds.Poe04, verdict, reads, applicable: Scope.PortOfEntry(c));
    }
}
