using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OutsideCanada;

/// <summary>OUT-02 (Visa office requirements by country): Advises an applicant applying from outside Canada to check the visa office requirements of the country or territory they apply from.</summary>
[Name(RuleIds.Out02)]
[Description("Advises an applicant applying from outside Canada to check the visa office requirements of the country or territory they apply from.")]
[Tag("outside-canada")]
[Tag("advisory")]
internal sealed class VisaOfficeRequirementsRule : Rule
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
        return Finding.Of(RuleIds.Out02, Is.Equal(c.Application.Channel, ApplicationChannel.OutsideCanadaOnline, FactId.ApplicationChannel), Reads);
    }
}
