using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.AfterApplying;

/// <summary>AFT-16 (Visitor policy lost by leaving Canada): Applies when the applicant left Canada while the application was processed: the visitor public policy no longer covers them.</summary>
[Name(RuleIds.Aft16)]
[Description("Applies when the applicant left Canada while the application was processed: the visitor public policy no longer covers them.")]
[Tag("after-applying")]
[Tag("exclusion")]
internal sealed class VisitorPolicyLostByLeavingRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.VisitorPolicyLeftCanadaDuringProcessing);

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
        return Finding.Of(RuleIds.Aft16, Is.True(c.VisitorPolicy.LeftCanadaDuringProcessing, FactId.VisitorPolicyLeftCanadaDuringProcessing), Reads | Scope.VisitorPolicyReads(c), applicable: Scope.VisitorPolicy(c));
    }
}
