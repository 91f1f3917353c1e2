using Spectre.Console;

namespace WorkPermit.Rules.Cli.Rendering;

/// <summary>
/// The report's one answer (its <c>summary</c>) as the first thing a person reads: the application the profile describes,
/// yes, no or unknown, and the rules that block it, that are still open, or that wait for the officer, each with its
/// title. A section's own outcome (the port of entry, the general requirements) comes after it and never stands in its place.
/// </summary>
internal static class SummaryView
{
    /// <summary>The application the summary answers for, as a heading: "Applying at a port of entry".</summary>
    public static string Subject(ApplicationChannel? channel) => channel switch
    {
        ApplicationChannel.PortOfEntry => "Applying at a port of entry",
        ApplicationChannel.OutsideCanadaOnline => "Applying online from outside Canada",
        ApplicationChannel.InsideCanadaOnline => "Applying online from inside Canada",
        _ => "The application",
    };

    /// <summary>The headline, for example "Applying at a port of entry: no".</summary>
    public static string Headline(ApplicationSummary summary) => $"{Subject(summary.Channel)}: {ReportView.Word(summary.Outcome)}";

    public static void Write(IAnsiConsole console, WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;

        // 1. The answer, in one line, and what it means.
        console.Write(new Rule("[bold]Summary[/]").LeftJustified());
        var answer = ReportView.Word(summary.Outcome);
        console.MarkupLine($"[bold]{Markup.Escape(Subject(summary.Channel))}: {Colour(answer)}[/]");
        console.MarkupLine($"[grey]{Markup.Escape(Meaning(summary))}[/]");

        // 2. The rules behind it: what blocks it, what is still open, what waits for the officer.
        var rules = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        AddRules(rules, "Blocked by", summary.Blocking, report);
        AddRules(rules, "Still open", summary.Open, report);
        AddRules(rules, "Awaits the officer", summary.AwaitsOfficer, report);
        if (rules.Rows.Count > 0)
        {
            console.Write(rules);
        }
    }

    private static string Meaning(ApplicationSummary summary) => summary.Outcome switch
    {
        Tri.Yes => "Nothing the rules check stands in the way; the officer makes the final decision.",
        Tri.No => "This application cannot succeed as the facts stand: the rules below block it.",
        _ when summary.Channel is null => "Not settled until the profile says how the application is made (application.channel).",
        _ => "Not settled yet: the rules below are still open.",
    };

    private static void AddRules(Grid grid, string label, IReadOnlyList<string> ids, WorkPermitReport report)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            grid.AddRow(
                new Markup(i == 0 ? $"[bold]{Markup.Escape(label)}[/]" : string.Empty),
                new Markup(Markup.Escape(ids[i])),
                new Markup(Markup.Escape(Title(report, ids[i]))));
        }
    }

    /// <summary>A rule's title as the report's finding gives it, else as the catalogue does.</summary>
    public static string Title(WorkPermitReport report, string ruleId) =>
        report.Findings.FirstOrDefault(f => f.RuleId == ruleId)?.Title
        ?? (RuleCatalogue.TryGet(ruleId, out var rule) ? rule.Title : ruleId);

    private static string Colour(string word) => word switch
    {
        "yes" => "[green]yes[/]",
        "no" => "[red]no[/]",
        _ => "[yellow]unknown[/]",
    };
}
