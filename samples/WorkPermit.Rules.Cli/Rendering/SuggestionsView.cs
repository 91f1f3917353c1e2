using System.Globalization;
using Spectre.Console;

namespace WorkPermit.Rules.Cli.Rendering;

/// <summary>
/// The report's suggestions, read right after the summary when its answer is not yes: each change the person could make
/// (checked by the library, which evaluated the changed profile), the facts it changes from one value to another, and
/// the rules whose result changes with it. When the library found none, the reason it gives is shown instead, so that an
/// empty list is never silent. Nothing is shown for a yes, nor when the host turned suggestions off.
/// </summary>
internal static class SuggestionsView
{
    /// <summary>The section's title.</summary>
    public const string Title = "What would change the answer";

    /// <summary>Whether the report has anything for this section: suggestions, or a reason why there are none.</summary>
    public static bool HasContent(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Summary.Outcome != Tri.Yes
            && (report.Suggestions.Count > 0 || report.SuggestionSearch.Status is not (SuggestionStatus.NotNeeded or SuggestionStatus.Off));
    }

    /// <summary>Writes the section (its title, then the suggestions or the reason); writes nothing when
    /// <see cref="HasContent"/> is false.</summary>
    public static void Write(IAnsiConsole console, WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!HasContent(report))
        {
            return;
        }

        console.Write(new Rule($"[bold]{Title}[/]").LeftJustified());
        if (report.Suggestions.Count == 0)
        {
            console.MarkupLine($"[grey]{Markup.Escape(report.SuggestionSearch.Text)}[/]");
            return;
        }

        // A numbered list, as the open questions are: each suggestion's sentence, then one line per fact it changes,
        // then the rules that change with it.
        var list = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn();
        for (var i = 0; i < report.Suggestions.Count; i++)
        {
            var suggestion = report.Suggestions[i];
            var lines = new List<Markup> { new($"[bold]{Markup.Escape(suggestion.Text)}[/]") };
            lines.AddRange(suggestion.Changes.Select(c => new Markup(Markup.Escape(Change(c)))));
            if (suggestion.Rules.Count > 0)
            {
                lines.Add(new Markup($"[grey]rules that change: {Markup.Escape(string.Join(", ", suggestion.Rules))}[/]"));
            }

            list.AddRow(new Markup($"{(i + 1).ToString(CultureInfo.InvariantCulture)}."), new Rows(lines));
        }

        console.Write(list);
    }

    /// <summary>Writes the section followed by a blank line, or nothing when <see cref="HasContent"/> is false (the
    /// report view and the interview's closing summary both place it under the summary this way).</summary>
    public static void WriteSection(IAnsiConsole console, WorkPermitReport report)
    {
        if (HasContent(report))
        {
            Write(console, report);
            console.WriteLine();
        }
    }

    /// <summary>A key for what the section shows, to tell whether a new report changes it.</summary>
    public static string Key(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!HasContent(report))
        {
            return string.Empty;
        }

        return report.Suggestions.Count == 0
            ? report.SuggestionSearch.Text
            : string.Join('\n', report.Suggestions.SelectMany(s => s.Changes.Select(Change).Prepend(s.Text).Append(string.Join(", ", s.Rules))));
    }

    /// <summary>One change as "fact: from -> to": "unknown" for a value the profile leaves out, "(removed)" for a value
    /// the change takes away.</summary>
    public static string Change(FactChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{change.Fact}: {change.FromText ?? "unknown"} -> {change.ToText ?? "(removed)"}";
    }
}
