using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-09 (Border officer decides and prints the permit): Advises a port-of-entry applicant that the border officer makes the final decision and prints the permit after reviewing documents and admissibility.</summary>
[Name(RuleIds.Poe09)]
[Description("Advises a port-of-entry applicant that the border officer makes the final decision and prints the permit after reviewing documents and admissibility.")]
[Tag("port-of-entry")]
[Tag("advisory")]
internal sealed class BorderOfficerDecidesAdvisoryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel);

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
        return Finding.Of(RuleIds.Poe09, Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel), Reads);
    }
}
