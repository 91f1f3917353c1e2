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
            .Do(_ => c.Publish(Decide(c)));
    }

    internal static Finding Decide(EvaluationCase c)
    {
        // A Super Visa is a visitor visa for parents and grandparents, not a work permit: a work-permit profile is not a
        // Super Visa application unless it says so, so the question is never put to someone who has not raised it.
        return c.Application.SuperVisa is null
            ? Finding.Of(RuleIds.Ime02, Verdict.No, Reads, note: "The profile does not say this is a Super Visa application, so it is taken not to be one.")
            : Finding.Of(RuleIds.Ime02, Verdict.Of(c.Application.SuperVisa.Value), Reads);
    }
}
