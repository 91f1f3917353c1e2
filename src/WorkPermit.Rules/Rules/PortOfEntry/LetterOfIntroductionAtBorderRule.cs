using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-08 (Proof of approval at the border): On the online-first route, an approved applicant needs the port of entry letter of introduction (printed or electronic) at the border.</summary>
[Name(RuleIds.Poe08)]
[Description("On the online-first route, an approved applicant needs the port of entry letter of introduction (printed or electronic) at the border.")]
[Tag("port-of-entry")]
[Tag("document")]
internal sealed class LetterOfIntroductionAtBorderRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationDecision);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding poe07 = default!;

        When()
            .Match(() => c)
            .Match(() => poe07, f => f.RuleId == RuleIds.Poe07);

        Then()
            .Do(_ => c.Record(Decide(c, poe07)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe07)
    {
        var onLetterRoute = poe07.Value is PermitRoute route
            ? Verdict.Of(route == PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi)
            : Verdict.Unknown(poe07.IsUnknown ? poe07.Missing : FactSet.Of(FactId.StatusLocation));
        var verdict = onLetterRoute & Is.Equal(c.Application.Decision, Decision.Approved, FactId.ApplicationDecision);
        return Finding.Of(RuleIds.Poe08, verdict, Reads | poe07.Reads, documents: verdict.IsYes ? Documents.PoeLetterOfIntroduction : null);
    }
}
