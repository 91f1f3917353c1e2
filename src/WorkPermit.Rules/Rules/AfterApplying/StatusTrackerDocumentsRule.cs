using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-05 (Status tracker needs UCI and application number): To use the application status tracker the applicant needs the unique client identifier (UCI) and the application number; the profile does not say whether they want it.</summary>
[Name(RuleIds.Aft05)]
[Description("To use the application status tracker the applicant needs the unique client identifier (UCI) and the application number; the profile does not say whether they want it.")]
[Tag("after-applying")]
[Tag("document")]
internal sealed class StatusTrackerDocumentsRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationStage, FactId.ApplicationDecision);

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
        // The condition ('wants the status tracker') is not a profile fact, so this stays unknown and adds no document;
        // the report shows it as advice once an application exists.
        return Finding.Of(RuleIds.Aft05, Verdict.Unknown(FactSet.Empty), Reads, note: "Needed only for the status tracker: uci, application_number.");
    }
}
