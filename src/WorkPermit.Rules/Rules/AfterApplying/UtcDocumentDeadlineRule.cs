using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-04 (UTC document deadline): Requested documents are on time only if uploaded before midnight UTC at the end of the date the officer gave (AMB-13).</summary>
[Name(RuleIds.Aft04)]
[Description("Requested documents are on time only if uploaded before midnight UTC at the end of the date the officer gave (AMB-13).")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class UtcDocumentDeadlineRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationDocumentRequestDeadline, FactId.ApplicationDocumentSubmittedAt);

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
        if (c.Application.DocumentRequestDeadline is not { } deadline)
        {
            return Finding.Of(RuleIds.Aft04, Verdict.No, Reads, applicable: Tri.No);
        }

        if (c.Application.DocumentSubmittedAt is not { } submitted)
        {
            return Finding.Of(RuleIds.Aft04, Verdict.Unknown(FactId.ApplicationDocumentSubmittedAt), Reads);
        }

        var utc = submitted.UtcDateTime;
        var limit = deadline.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return Finding.Of(RuleIds.Aft04, Verdict.Of(utc < limit), Reads, value: utc);
    }
}
