using WorkPermit.Rules.Engine.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-10 (Closed list ('only if')): Applying from inside Canada is possible only on a listed basis: the OR of INS-01 to INS-09 and the historic visitor exception INS-13.</summary>
[Name(RuleIds.Ins10)]
[Description("Applying from inside Canada is possible only on a listed basis: the OR of INS-01 to INS-09 and the historic visitor exception INS-13.")]
[Tag("inside-canada")]
[Tag("requirement")]
internal sealed class InsideCanadaClosedListRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        Finding ins01 = default!;
        Finding ins02 = default!;
        Finding ins03 = default!;
        Finding ins04 = default!;
        Finding ins05 = default!;
        Finding ins06 = default!;
        Finding ins07 = default!;
        Finding ins08 = default!;
        Finding ins09 = default!;
        Finding ins13 = default!;

        When()
            .Match(() => c)
            .Match(() => ins01, f => f.RuleId == RuleIds.Ins01)
            .Match(() => ins02, f => f.RuleId == RuleIds.Ins02)
            .Match(() => ins03, f => f.RuleId == RuleIds.Ins03)
            .Match(() => ins04, f => f.RuleId == RuleIds.Ins04)
            .Match(() => ins05, f => f.RuleId == RuleIds.Ins05)
            .Match(() => ins06, f => f.RuleId == RuleIds.Ins06)
            .Match(() => ins07, f => f.RuleId == RuleIds.Ins07)
            .Match(() => ins08, f => f.RuleId == RuleIds.Ins08)
            .Match(() => ins09, f => f.RuleId == RuleIds.Ins09)
            .Match(() => ins13, f => f.RuleId == RuleIds.Ins13);

        Then()
            .Yield(_ => Decide(c, ins01, ins02, ins03, ins04, ins05, ins06, ins07, ins08, ins09, ins13));
    }

    internal static Finding Decide(EvaluationCase c, Finding ins01, Finding ins02, Finding ins03, Finding ins04, Finding ins05, Finding ins06, Finding ins07, Finding ins08, Finding ins09, Finding ins13)
    {
        var verdict = ins01.Verdict | ins02.Verdict | ins03.Verdict | ins04.Verdict | ins05.Verdict
            | ins06.Verdict | ins07.Verdict | ins08.Verdict | ins09.Verdict | ins13.Verdict;
        var reads = ins01.Reads | ins02.Reads | ins03.Reads | ins04.Reads | ins05.Reads | ins06.Reads | ins07.Reads | ins08.Reads | ins09.Reads | ins13.Reads;
        return Finding.Of(RuleIds.Ins10, verdict, reads);
    }
}
