using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace WorkPermit.Rules.Cli.Rendering;

/// <summary>
/// Writes a report for people: first the one answer for the application (the summary) with the rules that block it or
/// keep it open, and, when that answer is not yes, what would change it; then every outcome by section with the rules
/// behind it, then, section by section, each rule's finding, the profile's values that decided it and the passage it
/// quotes, then the forms, documents and actions by name, the advice and the open questions. Sections the report leaves
/// out are not shown, nor are rules it does not list. Colour is only a help: every outcome is also written as the word
/// yes, no or unknown, so the text reads the same in a file.
/// </summary>
internal static class ReportView
{
    public static void Write(IAnsiConsole console, WorkPermitReport report, string subject)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);

        // 1. What was evaluated, and as of which dates.
        console.Write(new Rule("[bold]Work permit report[/]").LeftJustified());
        console.MarkupLine(Markup.Escape(subject));
        console.MarkupLine($"[grey]As of: evaluation {Date(report.AsOf.Evaluation)}, arrival {Date(report.AsOf.Arrival)}, submission {Date(report.AsOf.Submission)}[/]");
        console.WriteLine();

        // 2. The answer for the application the profile describes, and what blocks it or keeps it open.
        SummaryView.Write(console, report);
        console.WriteLine();

        // 2a. When the answer is not yes: the changes the library checked that would make it yes, or why it found none.
        SuggestionsView.WriteSection(console, report);

        // 3. The outcomes section by section, each with the rules that decide it.
        console.Write(new Rule("[bold]Outcomes by section[/]").LeftJustified());
        var sections = WriteOutcomes(console, report);

        // 4. Why: section by section, every rule the report lists, its outcome, the values that decided it and the
        //    passage it implements. A rule is shown once, in the first section it explains.
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var findings = report.Findings
                .Where(f => section.Covers(f) && f.Kind is not (RuleKind.Document or RuleKind.Advisory) && !shown.Contains(f.RuleId))
                .ToArray();
            if (findings.Length == 0)
            {
                continue;
            }

            console.WriteLine();
            console.Write(new Rule($"[bold]Why: {Markup.Escape(section.Title)}[/]").LeftJustified());
            var why = new Table().Border(TableBorder.Simple).AddColumn("Answer").AddColumn("Rule").AddColumn("Finding, facts and source");
            foreach (var finding in findings)
            {
                shown.Add(finding.RuleId);
                why.AddRow(FindingAnswer(finding), new Markup(Markup.Escape(finding.RuleId)), FindingText(report, finding));
            }

            console.Write(why);
        }

        // 5. The firm's own rules (house rules), when the evaluator has any: each finding, its facts, outcome and source.
        if (report.House.Count > 0)
        {
            console.WriteLine();
            console.Write(new Rule("[bold]House rules (the firm's own checks)[/]").LeftJustified());
            var house = new Table().Border(TableBorder.Simple).AddColumn("Answer").AddColumn("Rule").AddColumn("Finding, facts and source");
            foreach (var finding in report.House)
            {
                house.AddRow(FindingAnswer(finding), new Markup(Markup.Escape(finding.RuleId)), FindingText(report, finding));
            }

            console.Write(house);
        }

        // 6. What to file, bring, have at hand and do, by name, each with its rule and passage; then the advice.
        WriteItems(console, report);
        console.WriteLine();
        console.Write(new Rule("[bold]Advice[/]").LeftJustified());
        if (report.Advisories.Count == 0)
        {
            console.MarkupLine("[grey]No advice applies.[/]");
        }
        else
        {
            var advice = new Table().Border(TableBorder.Simple).AddColumn("Rule").AddColumn("Advice and source");
            foreach (var advisory in report.Advisories)
            {
                advice.AddRow(new Markup(Markup.Escape(advisory.RuleId)), new Rows(new Markup(Markup.Escape(advisory.Text)), Quote(advisory.Citation)));
            }

            console.Write(advice);
        }

        // 7. The questions that could settle what is unknown, most useful first.
        console.WriteLine();
        console.Write(new Rule($"[bold]Open questions ({report.Questions.Count})[/]").LeftJustified());
        WriteQuestions(console, report.Questions);

        // 8. Which rules produced this, and who decides.
        console.WriteLine();
        console.MarkupLine($"[grey]Rule set {Markup.Escape(report.RuleSet.Version)}, {report.RuleSet.Rules} rules, fingerprint {Markup.Escape(report.RuleSet.Fingerprint)}.[/]");
        console.MarkupLine("[grey]This prepares an application; the officer always decides (POE-09).[/]");
    }

    /// <summary>Writes the outcomes as a table, one row per outcome with the rules behind it; returns the sections shown.</summary>
    public static IReadOnlyList<ReportSection> WriteOutcomes(IAnsiConsole console, WorkPermitReport report)
    {
        var sections = ReportSections.Of(report);
        // The first column is wide enough for the longest report path, so paths never break.
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Outcome [grey](report path)[/]").Width(38))
            .AddColumn(new TableColumn("Answer").Width(14))
            .AddColumn("Rules behind it");
        foreach (var row in sections.SelectMany(s => s.Rows))
        {
            var label = new Rows(new Markup(Markup.Escape(row.Label)), new Markup($"[grey]{Markup.Escape(row.Path)}[/]"));
            table.AddRow(label, Answer(row.Value), new Markup(Markup.Escape(row.Rules)));
        }

        console.Write(table);
        return sections;
    }

    public static void WriteQuestions(IAnsiConsole console, IReadOnlyList<Question> questions)
    {
        if (questions.Count == 0)
        {
            console.MarkupLine("[grey]None: no unknown fact could change an outcome.[/]");
            return;
        }

        // A numbered list rather than a table: questions and report paths are long and read best on lines of their own.
        var list = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            list.AddRow(
                new Markup($"{(i + 1).ToString(CultureInfo.InvariantCulture)}."),
                new Rows(
                    new Markup($"[bold]{Markup.Escape(q.Text)}[/]"),
                    new Markup($"fact: {Markup.Escape(q.Fact)} \u00b7 answer: {Markup.Escape(AnswerHint(q))}"),
                    new Markup($"[grey]could settle: {Markup.Escape(string.Join(", ", q.Affects))}[/]")));
        }

        console.Write(list);
    }

    /// <summary>The answers a question takes: its allowed values, or the form of a free value.</summary>
    public static string AnswerHint(Question question) => question.AllowedAnswers.Count > 0
        ? string.Join(" | ", question.AllowedAnswers)
        : question.Kind switch
        {
            FactKind.Date => "a date, yyyy-MM-dd",
            FactKind.DateTime => "a date and time with offset, e.g. 2025-06-15T17:30:00-07:00",
            FactKind.Country => "a country code, e.g. FR",
            FactKind.Countries => "country codes, e.g. FR, CA",
            FactKind.Count => "a whole number, 0 or more",
            FactKind.Number => "a number, 0 or more",
            FactKind.Periods => "periods: CC yyyy-MM-dd yyyy-MM-dd; ...",
            _ => "text",
        };

    public static string Word(Tri value) => value switch
    {
        Tri.Yes => "yes",
        Tri.No => "no",
        _ => "unknown",
    };

    public static IRenderable Answer(string value) => new Markup(value switch
    {
        "yes" => "[green]yes[/]",
        "no" => "[red]no[/]",
        "unknown" => "[yellow]unknown[/]",
        _ => Markup.Escape(value),
    });

    /// <summary>A finding's outcome, saying what it means where the rule is not a requirement: an exclusion or a trigger
    /// that is 'no' does not apply (and so blocks nothing), which a bare 'no' beside a title such as 'Employer not
    /// ineligible' would not make clear.</summary>
    public static IRenderable FindingAnswer(FindingResult finding)
    {
        var meaning = (finding.Kind, finding.Outcome) switch
        {
            (RuleKind.Exclusion or RuleKind.Trigger or RuleKind.Category, Tri.Yes) => "applies",
            (RuleKind.Exclusion or RuleKind.Trigger or RuleKind.Category, Tri.No) => "does not apply",
            _ => null,
        };
        return meaning is null ? Answer(Word(finding.Outcome)) : new Rows(Answer(Word(finding.Outcome)), new Markup($"[grey]{meaning}[/]"));
    }

    /// <summary>A quoted passage and its source: the title in reports, the title and file where <paramref name="withFile"/>.</summary>
    public static IRenderable Quote(Citation citation, bool withFile = false) => new Markup(
        $"[italic]\u201c{Markup.Escape(citation.Quote)}\u201d[/] [grey]\u2014 {Markup.Escape(withFile ? SourceName(citation) : SourceTitle(citation))}[/]");

    /// <summary>The source's title and file, e.g. <c>IRCC 'Work permit: Who can apply' (000_f8c5169b0d89929f.txt)</c>.</summary>
    public static string SourceName(Citation citation) =>
        string.IsNullOrEmpty(citation.SourceTitle) ? citation.Source : $"{citation.SourceTitle} ({citation.Source})";

    public static string SourceTitle(Citation citation) => string.IsNullOrEmpty(citation.SourceTitle) ? citation.Source : citation.SourceTitle;

    private static IRenderable FindingText(WorkPermitReport report, FindingResult finding)
    {
        var lines = new List<IRenderable> { new Markup($"[bold]{Markup.Escape(finding.Title)}[/]") };
        if (FactsText.Line(report, finding) is { } facts)
        {
            lines.Add(new Markup($"[blue]facts:[/] {Markup.Escape(facts)}"));
        }

        if (finding.Outcome == Tri.Unknown && finding.Missing.Count > 0)
        {
            lines.Add(new Markup($"[yellow]missing:[/] {Markup.Escape(string.Join(", ", finding.Missing))}"));
        }

        if (finding.Note is { Length: > 0 } note)
        {
            lines.Add(new Markup($"[grey]note:[/] {Markup.Escape(note)}"));
        }

        lines.Add(Quote(finding.Citation));
        return new Rows(lines);
    }

    /// <summary>The groups documents and actions are listed in, by what a person does with them.</summary>
    private static readonly (ReportItemKind Kind, string Title)[] ItemGroups =
    [
        (ReportItemKind.Form, "Forms to file"),
        (ReportItemKind.Document, "Documents to bring"),
        (ReportItemKind.Detail, "Have at hand"),
        (ReportItemKind.Action, "Things to do"),
    ];

    /// <summary>Writes the documents and actions by name, grouped by kind: forms to file apart from documents to bring,
    /// the numbers and details to have at hand, then what to do. A group with nothing in it is left out.</summary>
    private static void WriteItems(IAnsiConsole console, WorkPermitReport report)
    {
        var items = report.Documents.Concat(report.Actions).DistinctBy(i => i.Id).ToArray();
        if (items.Length == 0)
        {
            console.WriteLine();
            console.MarkupLine("[grey]No form, document or action is required by the facts given.[/]");
            return;
        }

        // The passage is shown once per rule; the items that follow from the same rule share it.
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, title) in ItemGroups)
        {
            var group = items.Where(i => i.Kind == kind).ToArray();
            if (group.Length == 0)
            {
                continue;
            }

            console.WriteLine();
            console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
            var table = new Table().Border(TableBorder.Simple).AddColumn("Item").AddColumn("Rule").AddColumn("Source");
            foreach (var item in group)
            {
                var citation = report.Findings.Concat(report.House).FirstOrDefault(f => f.RuleId == item.RuleId)?.Citation
                    ?? (RuleCatalogue.TryGet(item.RuleId, out var rule) ? rule.Citations[0] : null);
                table.AddRow(new Markup(Markup.Escape(item.Name)), new Markup(Markup.Escape(item.RuleId)), citation is null || !quoted.Add(item.RuleId) ? Text.Empty : Quote(citation));
            }

            console.Write(table);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
