using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-05 (Apply before travelling (advice)): Advises a port-of-entry applicant that IRCC recommends applying before travelling.</summary>
[Name(RuleIds.Poe05)]
[Description("Advises a port-of-entry applicant that IRCC recommends applying before travelling.")]
[Tag("port-of-entry")]
[Tag("advisory")]
internal sealed class ApplyBeforeTravellingAdvisoryRule : Rule
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
        return Finding.Of(RuleIds.Poe05, Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel), Reads);
    }
}
