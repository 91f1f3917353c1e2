using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Medical;

/// <summary>IME-04 (Complete IME before travel; valid on day of entry): When a medical exam is required and the applicant is entering Canada (port-of-entry application or letter activation), it must be done before arrival and valid on the day of entry.</summary>
[Name(RuleIds.Ime04)]
[Description("When a medical exam is required and the applicant is entering Canada (port-of-entry application or letter activation), it must be done before arrival and valid on the day of entry.")]
[Tag("medical")]
[Tag("requirement")]
internal sealed class MedicalExamValidOnEntryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel, FactId.TravelHasLetterOfIntroduction);

    /// <summary>The findings this rule combines, taken in one pattern once all have arrived.</summary>
    private static readonly RuleInputs Inputs = new(RuleIds.Ime01, RuleIds.Ime02, RuleIds.Ime03, RuleIds.Ime06, RuleIds.Ime05);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        CollectedInputs inputs = default!;

        When()
            .Match(() => c)
            .Query(() => inputs, q => q
                .Match<MedicalFinding>(f => Inputs.Includes(f))
                .AllOf(Inputs));

        Then()
            .Do(_ => c.Publish(Decide(c, inputs)));
    }

    /// <summary>Decides from the collected findings, each taken by its rule ID.</summary>
    private static Finding Decide(EvaluationCase c, CollectedInputs inputs) =>
        Decide(c, inputs[RuleIds.Ime01], inputs[RuleIds.Ime02], inputs[RuleIds.Ime03], inputs[RuleIds.Ime06], inputs[RuleIds.Ime05]);

    internal static Finding Decide(EvaluationCase c, Finding ime01, Finding ime02, Finding ime03, Finding ime06, Finding ime05)
    {
        var required = ime01.Verdict | ime02.Verdict | ime03.Verdict | ime06.Verdict;
        var entering = Is.Equal(c.Application.Channel, ApplicationChannel.PortOfEntry, FactId.ApplicationChannel)
            | Is.True(c.Travel.HasLetterOfIntroduction, FactId.TravelHasLetterOfIntroduction);
        var verdict = !required | !entering | ime05.Verdict;
        var reads = Reads | ime01.Reads | ime02.Reads | ime03.Reads | ime06.Reads | ime05.Reads;
        return Finding.Of(RuleIds.Ime04, verdict, reads, applicable: (required & entering).Value);
    }
}
