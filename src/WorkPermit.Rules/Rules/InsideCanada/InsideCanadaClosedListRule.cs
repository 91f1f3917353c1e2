using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-10 (Closed list ('only if')): Applying from inside Canada is possible only on a listed basis: the OR of INS-01 to INS-09 and the historic visitor exception INS-13.</summary>
[Name(RuleIds.Ins10)]
[Description("Applying from inside Canada is possible only on a listed basis: the OR of INS-01 to INS-09 and the historic visitor exception INS-13.")]
[Tag("inside-canada")]
[Tag("requirement")]
internal sealed class InsideCanadaClosedListRule : Rule
{
    /// <summary>The findings this rule combines, taken in one pattern once all have arrived.</summary>
    private static readonly RuleInputs Inputs = new(RuleIds.Ins01, RuleIds.Ins02, RuleIds.Ins03, RuleIds.Ins04, RuleIds.Ins05, RuleIds.Ins06, RuleIds.Ins07, RuleIds.Ins08, RuleIds.Ins09, RuleIds.Ins13);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        CollectedInputs inputs = default!;

        When()
            .Match(() => c)
            .Query(() => inputs, q => q
                .Match<InsideCanadaFinding>(f => Inputs.Includes(f))
                .AllOf(Inputs));

        Then()
            .Do(_ => c.Publish(Decide(c, inputs)));
    }

    /// <summary>Decides from the collected findings, each taken by its rule ID.</summary>
    private static Finding Decide(EvaluationCase c, CollectedInputs inputs) =>
        Decide(c, inputs[RuleIds.Ins01], inputs[RuleIds.Ins02], inputs[RuleIds.Ins03], inputs[RuleIds.Ins04], inputs[RuleIds.Ins05], inputs[RuleIds.Ins06], inputs[RuleIds.Ins07], inputs[RuleIds.Ins08], inputs[RuleIds.Ins09], inputs[RuleIds.Ins13]);

    internal static Finding Decide(EvaluationCase c, Finding ins01, Finding ins02, Finding ins03, Finding ins04, Finding ins05, Finding ins06, Finding ins07, Finding ins08, Finding ins09, Finding ins13)
    {
        var verdict = ins01.Verdict | ins02.Verdict | ins03.Verdict | ins04.Verdict | ins05.Verdict
            | ins06.Verdict | ins07.Verdict | ins08.Verdict | ins09.Verdict | ins13.Verdict;
        var reads = ins01.Reads | ins02.Reads | ins03.Reads | ins04.Reads | ins05.Reads | ins06.Reads | ins07.Reads | ins08.Reads | ins09.Reads | ins13.Reads;
        return Finding.Of(RuleIds.Ins10, verdict, reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
