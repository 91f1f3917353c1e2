using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-07 (Convention refugee / protected person recognised by IRB): A basis for applying inside Canada: recognised by the Immigration and Refugee Board as a Convention refugee or protected person.</summary>
[Name(RuleIds.Ins07)]
[Description("A basis for applying inside Canada: recognised by the Immigration and Refugee Board as a Convention refugee or protected person.")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class ProtectedPersonBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusConventionRefugeeOrProtectedPerson);

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
        return Finding.Of(RuleIds.Ins07, Is.True(c.Status.ConventionRefugeeOrProtectedPerson, FactId.StatusConventionRefugeeOrProtectedPerson), Reads | Scope.InsideCanadaReads, applicable: Scope.InsideCanada(c));
    }
}
