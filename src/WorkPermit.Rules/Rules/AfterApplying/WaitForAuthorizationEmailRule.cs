using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-18 (IRCC's email authorising work while waiting has come): After asking for interim authorization the applicant may work only once IRCC's email says so; this may take up to 30 business days (6 weeks).</summary>
[Name(RuleIds.Aft18)]
[Description("After asking for interim authorization the applicant may work only once IRCC's email says so; this may take up to 30 business days (6 weeks).")]
[Tag("after-applying")]
[Tag("requirement")]
internal sealed class WaitForAuthorizationEmailRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.VisitorPolicyAuthorizationEmailReceived);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        AfterApplyingFinding aft15 = default!;

        When()
            .Match(() => c)
            .Match(() => aft15, f => f.RuleId == RuleIds.Aft15);

        Then()
            .Do(_ => c.Record(Decide(c, aft15)));
    }

    internal static Finding Decide(EvaluationCase c, Finding aft15)
    {
        var verdict = aft15.Verdict & Is.True(c.VisitorPolicy.AuthorizationEmailReceived, FactId.VisitorPolicyAuthorizationEmailReceived);
        return Finding.Of(RuleIds.Aft18, verdict, Reads | aft15.Reads, applicable: aft15.Outcome);
    }
}
