using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-03 (Interview / more information may be requested): Advises that IRCC may ask for more information or documents, and an applicant outside Canada to attend an interview in their country.</summary>
[Name(RuleIds.Aft03)]
[Description("Advises that IRCC may ask for more information or documents, and an applicant outside Canada to attend an interview in their country.")]
[Tag("after-applying")]
[Tag("advisory")]
internal sealed class FurtherRequestsAdvisoryRule : Rule
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
        var verdict = Is.In(c.Application.Channel, FactId.ApplicationChannel, ApplicationChannel.OutsideCanadaOnline, ApplicationChannel.InsideCanadaOnline);
        return Finding.Of(RuleIds.Aft03, verdict, Reads, value: c.Application.Channel);
    }
}
