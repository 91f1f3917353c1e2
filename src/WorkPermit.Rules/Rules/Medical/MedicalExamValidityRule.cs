using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;
using WorkPermit.Rules.Rules.Shared;

namespace WorkPermit.Rules.Rules.Medical;

/// <summary>IME-05 (IME validity period): A medical exam is valid from the exam date to the expiry it states or, failing that, 12 months after the exam (AddMonths), both days included (AMB-07); valid on entry when the arrival date falls in that window.</summary>
[Name(RuleIds.Ime05)]
[Description("A medical exam is valid from the exam date to the expiry it states or, failing that, 12 months after the exam (AddMonths), both days included (AMB-07); valid on entry when the arrival date falls in that window.")]
[Tag("medical")]
[Tag("requirement")]
internal sealed class MedicalExamValidityRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.MedicalExamDate, FactId.MedicalIndicatedExpiryDate);

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
        var entry = c.ArrivalDate;
        var exam = c.Medical.ExamDate;
        DateOnly? expiry = c.Medical.IndicatedExpiryDate ?? exam?.AddMonths(12);
        Verdict verdict;
        if (exam is { } examDate)
        {
            verdict = Verdict.Of(examDate <= entry && entry <= expiry!.Value);
        }
        else if (expiry is { } known && entry > known)
        {
            verdict = Verdict.No;
        }
        else
        {
            verdict = Verdict.Unknown(
                FactSet.Of(FactId.MedicalExamDate),
                c.Medical.IndicatedExpiryDate is null ? FactSet.Of(FactId.MedicalExamDate, FactId.MedicalIndicatedExpiryDate) : FactSet.Of(FactId.MedicalExamDate));
        }

        return Finding.Of(RuleIds.Ime05, verdict, Reads | c.ArrivalDateFacts, value: expiry);
    }
}
