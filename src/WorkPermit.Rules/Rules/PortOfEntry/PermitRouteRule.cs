using NRules.Fluent.Dsl;
using WorkPermit.Rules.Evaluation;

namespace WorkPermit.Rules.Rules.PortOfEntry;

/// <summary>POE-07 (Two POE routes; non-eligible must get online approval first): Chooses the route: same-day processing at the port of entry when eligible there; otherwise apply online first and have the permit issued at the port of entry with a letter of introduction, or, for someone in Canada, apply online from inside Canada when an inside-Canada basis holds (INS-10).</summary>
[Name(RuleIds.Poe07)]
[Description("Chooses the route: same-day processing at the port of entry when eligible there; otherwise apply online first and have the permit issued at the port of entry with a letter of introduction, or, for someone in Canada, apply online from inside Canada when an inside-Canada basis holds (INS-10).")]
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
        InsideCanadaFinding ins10 = default!;

        When()
            .Match(() => c)
            .Match(() => poe04, f => f.RuleId == RuleIds.Poe04)
            .Match(() => ins10, f => f.RuleId == RuleIds.Ins10);

        Then()
            .Do(_ => c.Publish(Decide(c, poe04, ins10)));
    }

    internal static Finding Decide(EvaluationCase c, Finding poe04, Finding ins10)
    {
        // Someone in Canada applies online from inside only with an inside-Canada basis (INS-10); without one, the
        // application is made from outside Canada (IMM 1295) and the permit issued at a port of entry on the letter of
        // introduction, so the route never contradicts the inside-Canada outcome.
        PermitRoute? fromCanada = ins10.Outcome switch
        {
            Tri.Yes => PermitRoute.ApplyOnlineFromInsideCanada,
            Tri.No => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
            _ => null,
        };
        PermitRoute? route = c.Application.Channel switch
        {
            ApplicationChannel.OutsideCanadaOnline => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
            ApplicationChannel.InsideCanadaOnline => fromCanada,
            ApplicationChannel.PortOfEntry when poe04.IsYes => PermitRoute.SameDayPoeApplication,
            ApplicationChannel.PortOfEntry when poe04.IsNo => c.Status.Location switch
            {
                Location.OutsideCanada => PermitRoute.ApplyOnlineThenIssueAtPoeWithLoi,
                Location.InCanada => fromCanada,
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
        var missing = route is not null ? FactSet.Empty
            : c.Application.Channel is null ? FactSet.Of(FactId.ApplicationChannel)
            : c.Application.Channel == ApplicationChannel.PortOfEntry && poe04.IsUnknown ? poe04.Missing
            : c.Application.Channel == ApplicationChannel.PortOfEntry && c.Status.Location is null ? FactSet.Of(FactId.StatusLocation)
            : ins10.Missing;
        // INS-10's facts decided the route only when it came from someone in Canada (or an inside-Canada application).
        var viaInside = c.Application.Channel == ApplicationChannel.InsideCanadaOnline
            || (c.Application.Channel == ApplicationChannel.PortOfEntry && poe04.IsNo && c.Status.Location == Location.InCanada);
        var reads = Reads | poe04.Reads | missing | (viaInside ? ins10.Reads : FactSet.Empty);
        return Finding.Of(RuleIds.Poe07, verdict, reads, value: route);
    }
}
