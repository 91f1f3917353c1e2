using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.InsideCanada;

/// <summary>INS-06 (Refugee claimant): A basis for applying inside Canada: has made a claim for refugee protection (a refugee_claimant status shows it).</summary>
[Name(RuleIds.Ins06)]
[Description("A basis for applying inside Canada: has made a claim for refugee protection (a refugee_claimant status shows it).")]
[Tag("inside-canada")]
[Tag("category")]
internal sealed class RefugeeClaimantBasisRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.StatusRefugeeClaimMade, FactId.StatusStatus);

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
        var claimant = c.Status.Status == TemporaryStatus.RefugeeClaimant;
        var verdict = Is.True(c.Status.RefugeeClaimMade, FactId.StatusRefugeeClaimMade) | Is.Equal(c.Status.Status, TemporaryStatus.RefugeeClaimant, FactId.StatusStatus);
        var note = claimant && c.Status.RefugeeClaimMade is null ? "The status refugee_claimant shows that a claim for refugee protection was made." : null;
        return Finding.Of(RuleIds.Ins06, verdict, Reads | Scope.InsideCanadaReads, note: note, applicable: Scope.InsideCanada(c));
    }
}
