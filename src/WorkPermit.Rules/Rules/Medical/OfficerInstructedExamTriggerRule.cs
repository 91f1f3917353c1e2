using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Medical;

/// <summary>IME-06 (Officer instructs IME; processing delay): A medical exam is required when an officer instructs one; it can add over three months to processing.</summary>
[Name(RuleIds.Ime06)]
[Description("A medical exam is required when an officer instructs one; it can add over three months to processing.")]
[Tag("medical")]
[Tag("trigger")]
internal sealed class OfficerInstructedExamTriggerRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.OfficerMedicalExamRequested);

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
        return Finding.Of(RuleIds.Ime06, Is.True(c.Officer.MedicalExamRequested, FactId.OfficerMedicalExamRequested), Reads);
    }
}
