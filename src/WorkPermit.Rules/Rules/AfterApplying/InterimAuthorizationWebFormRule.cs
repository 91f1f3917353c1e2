using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-17 (How to request interim authorization (web form text)): Someone eligible under the visitor policy asks for interim authorization through the IRCC web form (priority code VISIT2WORK2020) with the previous permit's number and expiry, the employer's name and the job title.</summary>
[Name(RuleIds.Aft17)]
[Description("Someone eligible under the visitor policy asks for interim authorization through the IRCC web form (priority code VISIT2WORK2020) with the previous permit's number and expiry, the employer's name and the job title.")]
[Tag("after-applying")]
[Tag("document")]
internal sealed class InterimAuthorizationWebFormRule : Rule
{
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
        return Finding.Of(RuleIds.Aft17, aft15.Verdict, aft15.Reads | Scope.VisitorPolicyReads(c), documents: aft15.IsYes ? Documents.InterimAuthorizationWebForm : null,
            note: "An application made on paper also needs the courier tracking number when the application number is not known.", applicable: Scope.VisitorPolicy(c));
    }
}
