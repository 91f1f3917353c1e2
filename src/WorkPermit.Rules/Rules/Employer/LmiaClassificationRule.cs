using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-07 (LMIA-required vs LMIA-exempt classification): An employer-specific permit is either LMIA-required or LMIA-exempt; an LMIA is needed only 'if necessary'.</summary>
[Name(RuleIds.Lmia07)]
[Description("An employer-specific permit is either LMIA-required or LMIA-exempt; an LMIA is needed only 'if necessary'.")]
[Tag("employer")]
[Tag("category")]
internal sealed class LmiaClassificationRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationPermitType);

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
        var verdict = Is.In(c.Application.PermitType, FactId.ApplicationPermitType, PermitType.EmployerSpecificLmiaRequired, PermitType.EmployerSpecificLmiaExempt);
        return Finding.Of(RuleIds.Lmia07, verdict, Reads, value: c.Application.PermitType);
    }
}
