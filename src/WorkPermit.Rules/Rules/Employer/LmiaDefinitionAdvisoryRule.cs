using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Employer;

/// <summary>LMIA-10 (What an LMIA establishes (definition)): Explains what an LMIA establishes: no qualified Canadian or permanent resident is available and hiring a foreign worker will not harm the labour market.</summary>
[Name(RuleIds.Lmia10)]
[Description("Explains what an LMIA establishes: no qualified Canadian or permanent resident is available and hiring a foreign worker will not harm the labour market.")]
[Tag("employer")]
[Tag("advisory")]
internal sealed class LmiaDefinitionAdvisoryRule : Rule
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
        return Finding.Of(RuleIds.Lmia10, Is.Equal(c.Application.PermitType, PermitType.EmployerSpecificLmiaRequired, FactId.ApplicationPermitType), Reads);
    }
}
