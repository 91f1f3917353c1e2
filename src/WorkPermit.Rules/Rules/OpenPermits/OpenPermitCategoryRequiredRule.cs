using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-01 (Open permit at POE needs an OWP category): Type requirements of an open permit at a port of entry: the traveller must be eligible under an open work permit category.</summary>
[Name(RuleIds.Owp01)]
[Description("Type requirements of an open permit at a port of entry: the traveller must be eligible under an open work permit category.")]
[Tag("open-permits")]
[Tag("requirement")]
internal sealed class OpenPermitCategoryRequiredRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType, FactId.ApplicationChannel, FactId.ApplicationOpenPermitCategoryEligible);

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
        var applicable = Is.Equal(c.Application.PermitType, PermitType.Open, FactId.ApplicationPermitType)
            & Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel);
        var verdict = Is.True(c.Application.OpenPermitCategoryEligible, FactId.ApplicationOpenPermitCategoryEligible);
        return Finding.Of(RuleIds.Owp01, verdict, Reads, applicable: applicable.Value);
    }
}
