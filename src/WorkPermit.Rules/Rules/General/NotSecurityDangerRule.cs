using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.General;

/// <summary>GEN-06 (Not a danger to security): The applicant must not be a danger to Canada's security (an officer's judgment).</summary>
[Name(RuleIds.Gen06)]
[Description("The applicant must not be a danger to Canada's security (an officer's judgment).")]
[Tag("general")]
[Tag("requirement")]
internal sealed class NotSecurityDangerRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.PersonSecurityConcern);

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
        return Finding.Of(RuleIds.Gen06, Is.Equal(c.Person.SecurityConcern, ConcernStatus.None, FactId.PersonSecurityConcern), Reads);
    }
}
