using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-06 (Most people already in Canada must apply online): Advises someone already in Canada that most people in Canada can no longer apply at a port of entry and must apply online; the deterministic bar is POE-EXC-06 (AMB-18).</summary>
[Name(RuleIds.Poe06)]
[Description("Advises someone already in Canada that most people in Canada can no longer apply at a port of entry and must apply online; the deterministic bar is POE-EXC-06 (AMB-18).")]
[Tag("port-of-entry")]
[Tag("advisory")]
internal sealed class AlreadyInCanadaApplyOnlineAdvisoryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusLocation);

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
        return Finding.Of(RuleIds.Poe06, Is.Equal(c.Status.Location, Location.InCanada, FactId.StatusLocation), Reads);
    }
}
