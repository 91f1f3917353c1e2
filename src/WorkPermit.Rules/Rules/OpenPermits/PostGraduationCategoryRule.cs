using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.OpenPermits;

/// <summary>OWP-06 (Category: PGWP (graduates of eligible Canadian institutions)): Open permit category: graduates of eligible Canadian institutions (post-graduation work permit; criteria in RD-10); at a port of entry subject to POE-EXC-05.</summary>
[Name(RuleIds.Owp06)]
[Description("Open permit category: graduates of eligible Canadian institutions (post-graduation work permit; criteria in RD-10); at a port of entry subject to POE-EXC-05.")]
[Tag("open-permits")]
[Tag("category")]
internal sealed class PostGraduationCategoryRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationProgram);

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
        var verdict = Is.In(c.Application.Program, FactId.ApplicationProgram, WorkPermitProgram.Pgwp);
        return Finding.Of(RuleIds.Owp06, verdict, Reads, value: verdict.IsYes ? RuleIds.Owp06 : null);
    }
}
