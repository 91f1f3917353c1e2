using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.Medical;

/// <summary>IME-02 (Parent/grandparent Super Visa): A medical exam is required for a parent or grandparent Super Visa application.</summary>
[Name(RuleIds.Ime02)]
[Description("A medical exam is required for a parent or grandparent Super Visa application.")]
[Tag("medical")]
[Tag("trigger")]
internal sealed class SuperVisaTriggerRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationSuperVisa);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;

        When()
            .Match(() => c);

        Then()
            .Yield(_ => c.Record(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        return Finding.Of(RuleIds.Ime02, Is.True(c.Application.SuperVisa, FactId.ApplicationSuperVisa), Reads);
    }
}
