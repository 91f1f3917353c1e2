using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-04 (All requirements and no exclusion): Eligible to apply at a port of entry: every requirement (POE-01 to POE-03) met and no exclusion (POE-EXC-01 to POE-EXC-06); exclusions dominate.</summary>
[Name(RuleIds.Poe04)]
[Description("Eligible to apply at a port of entry: every requirement (POE-01 to POE-03) met and no exclusion (POE-EXC-01 to POE-EXC-06); exclusions dominate.")]
[Tag("port-of-entry")]
[Tag("requirement")]
internal sealed class PortOfEntryEligibilityRule : Rule
{
    /// <summary>The findings this rule combines, taken in one pattern once all have arrived.</summary>
    private static readonly RuleInputs Inputs = new(RuleIds.Poe01, RuleIds.Poe02, RuleIds.Poe03, RuleIds.PoeExc01, RuleIds.PoeExc02, RuleIds.PoeExc03, RuleIds.PoeExc04, RuleIds.PoeExc05, RuleIds.PoeExc06);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        CollectedInputs inputs = default!;

        When()
            .Match(() => c)
            .Query(() => inputs, q => q
                .Match<PortOfEntryFinding>(f => Inputs.Includes(f))
                .AllOf(Inputs));

        Then()
            .Do(_ => c.Publish(Decide(c, inputs)));
    }

    /// <summary>Decides from the collected findings, each taken by its rule ID.</summary>
    private static Finding Decide(EvaluationCase c, CollectedInputs inputs) =>
        Decide(c, inputs[RuleIds.Poe01], inputs[RuleIds.Poe02], inputs[RuleIds.Poe03], inputs[RuleIds.PoeExc01], inputs[RuleIds.PoeExc02], inputs[RuleIds.PoeExc03], inputs[RuleIds.PoeExc04], inputs[RuleIds.PoeExc05], inputs[RuleIds.PoeExc06]);

    internal static Finding Decide(EvaluationCase c, Finding poe01, Finding poe02, Finding poe03, Finding exc01, Finding exc02, Finding exc03, Finding exc04, Finding exc05, Finding exc06)
    {
        var verdict = poe01.Verdict & poe02.Verdict & poe03.Verdict
            & !exc01.Verdict & !exc02.Verdict & !exc03.Verdict & !exc04.Verdict & !exc05.Verdict & !exc06.Verdict;
        var reads = poe01.Reads | poe02.Reads | poe03.Reads | exc01.Reads | exc02.Reads | exc03.Reads | exc04.Reads | exc05.Reads | exc06.Reads;
        return Finding.Of(RuleIds.Poe04, verdict, reads, applicable: Scope.PortOfEntry(c));
    }
}
