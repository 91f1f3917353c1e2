using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-07 (Open permit is not tied to one employer): An open permit is not tied to one employer: the worker may work for almost any employer (GEN-08 and GEN-09 employers remain barred).</summary>
[Name(RuleIds.Owp07)]
[Description("An open permit is not tied to one employer: the worker may work for almost any employer (GEN-08 and GEN-09 employers remain barred).")]
[Tag("open-permits")]
[Tag("category")]
internal sealed class OpenPermitAnyEmployerRule : Rule
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
        return Finding.Of(RuleIds.Owp07, Is.Equal(c.Application.PermitType, PermitType.Open, FactId.ApplicationPermitType), Reads);
    }
}
