using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-04 (Law-abiding, no criminal record): The applicant must obey the law and have no record of criminal activity.</summary>
[Name(RuleIds.Gen04)]
[Description("The applicant must obey the law and have no record of criminal activity.")]
[Tag("general")]
[Tag("requirement")]
internal sealed class NoCriminalRecordRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonCriminalRecord);

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
        return Finding.Of(RuleIds.Gen04, Is.Equal(c.Person.CriminalRecord, CriminalRecord.None, FactId.PersonCriminalRecord), Reads);
    }
}
