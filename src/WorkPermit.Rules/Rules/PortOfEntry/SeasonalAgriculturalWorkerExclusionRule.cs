using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-04 (Seasonal Agricultural Worker Program): Exclusion at a port of entry: applying under the Seasonal Agricultural Worker Program.</summary>
[Name(RuleIds.PoeExc04)]
[Description("Exclusion at a port of entry: applying under the Seasonal Agricultural Worker Program.")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class SeasonalAgriculturalWorkerExclusionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationProgram);

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
        return Finding.Of(RuleIds.PoeExc04, Is.Equal(c.Application.Program, WorkPermitProgram.Sawp, FactId.ApplicationProgram), Reads, applicable: Scope.PortOfEntry(c));
    }
}
