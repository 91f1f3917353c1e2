using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-07 (Two POE routes; non-eligible must get online approval first): Chooses the route: same-day processing at the port of entry when eligible there; otherwise apply online first and have the permit issued at the port of entry with a letter of introduction (or apply online from inside Canada when already there).</summary>
[Name(RuleIds.Poe07)]
[Description("Chooses the route: same-day processing at the port of entry when eligible there; otherwise apply online first and have the permit issued at the port of entry with a letter of introduction (or apply online from inside Canada when already there).")]
[Tag("port-of-entry")]
[Tag("category")]
internal sealed class PermitRouteRule : Rule
{
    private static readonly FactSet Reads = FactSet.Of(FactId.ApplicationChannel, FactId.StatusLocation);

    /// <inheritdoc/>
    public override void Define()
    {
        EvaluationCase c = default!;
        PortOfEntryFinding poe04 = default!;

        When()
            .Match(() => c)
            .Match(() => poe04, f => f.RuleId == RuleIds.Poe04);

        Then()
            .Yield(_ => c.Record(Decide(c, poe04)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe04)
    {
        PermitRoute? route = c.Application.Channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
            ApplicationChannel.InsideCanadaOnline => PermitRoute.ApplyOnlineFromInsideCanada,
            ApplicationChannel.PortOfEntry when poe04.IsYes => PermitRoute.SameDayPoeApplication,
            ApplicationChannel.PortOfEntry when poe04.IsNo => c.Status.Location switch
            {
                Location.OutsideCanada => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
                Location.InCanada => PermitRoute.ApplyOnlineFromInsideCanada,
                _ => null,
            },
            _ => null,
        };

        // The finding's outcome: whether same-day processing at the port of entry is the route.
        var verdict = c.Application.Channel switch
        {
            null => Verdict.Unknown(FactId.ApplicationChannel),
            ApplicationChannel.PortOfEntry => poe04.Verdict,
            _ => Verdict.No,
        };
        var missing = route is null
            ? (c.Application.Channel is null ? FactSet.Of(FactId.ApplicationChannel) : poe04.IsUnknown ? poe04.Missing : FactSet.Of(FactId.StatusLocation))
            : FactSet.Empty;
        return Finding.Of(RuleIds.Poe07, verdict, Reads | poe04.Reads | missing, value: route);
    }
}
