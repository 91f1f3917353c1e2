using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-01 (Needs a visitor visa): Exclusion at a port of entry: the traveller needs a visitor visa (has no visa-exempt basis, POE-01).</summary>
[Name(RuleIds.PoeExc01)]
[Description("Exclusion at a port of entry: the traveller needs a visitor visa (has no visa-exempt basis, POE-01).")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class NeedsVisitorVisaExclusionRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding poe01 = default!;

        When()
            .Match(() => c)
            .Match(() => poe01, f => f.RuleId == RuleIds.Poe01);

        Then()
            .Do(_ => c.Publish(Decide(c, poe01)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe01)
    {
        return Finding.Of(RuleIds.PoeExc01, !poe01.Verdict, poe01.Reads, applicable: Scope.PortOfEntry(c));
    }
}
