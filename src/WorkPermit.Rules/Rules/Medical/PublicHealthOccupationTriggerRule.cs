using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Medical;

/// <summary>IME-03 (Public-health-sensitive occupation): A medical exam is required for a job in which public health must be protected (for example health care), whatever the length of stay.</summary>
[Name(RuleIds.Ime03)]
[Description("A medical exam is required for a job in which public health must be protected (for example health care), whatever the length of stay.")]
[Tag("medical")]
[Tag("trigger")]
internal sealed class PublicHealthOccupationTriggerRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.JobPublicHealthProtection);

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
        return Finding.Of(RuleIds.Ime03, Is.True(c.Job.PublicHealthProtection, FactId.JobPublicHealthProtection), Reads);
    }
}
