using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-EXC-05 (Post-graduation work permit (from 2024-06-21)): Exclusion at a port of entry: applying for a post-graduation work permit on or after 2024-06-21 (arrival date).</summary>
[Name(RuleIds.PoeExc05)]
[Description("Exclusion at a port of entry: applying for a post-graduation work permit on or after 2024-06-21 (arrival date).")]
[Tag("port-of-entry")]
[Tag("exclusion")]
internal sealed class PostGraduationPermitExclusionRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationProgram);

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
        var verdict = Is.Equal(c.Application.Program, WorkPermitProgram.Pgwp, FactId.ApplicationProgram)
            & Verdict.Of(c.ArrivalDate >= PolicyDates.PgwpAtPortOfEntryEnded);
        return Finding.Of(RuleIds.PoeExc05, verdict, Reads | c.ArrivalDateFacts, applicable: Scope.PortOfEntry(c));
    }
}
