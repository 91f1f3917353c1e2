using WorkPermit.Rules.Engine.Dsl;
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

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        Finding ime01 = default!;
        Finding ime02 = default!;
        Finding ime03 = default!;
        Finding ime06 = default!;
        Finding ime05 = default!;

        When()
            .Match(() => c)
            .Match(() => ime01, f => f.RuleId == RuleIds.Ime01)
            .Match(() => ime02, f => f.RuleId == RuleIds.Ime02)
            .Match(() => ime03, f => f.RuleId == RuleIds.Ime03)
            .Match(() => ime06, f => f.RuleId == RuleIds.Ime06)
            .Match(() => ime05, f => f.RuleId == RuleIds.Ime05);

        Then()
            .Yield(_ => Decide(c, ime01, ime02, ime03, ime06, ime05));
    }

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
