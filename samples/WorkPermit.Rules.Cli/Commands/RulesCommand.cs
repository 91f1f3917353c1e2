using System.CommandLine;
using Spectre.Console;
using WorkPermit.Rules.Cli.Rendering;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary><c>rules</c> lists the catalogue; <c>rules &lt;ID&gt;</c> shows one rule in full.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string?>("id") { Description = "A rule ID, e.g. POE-04, to show that rule in full.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("rules", "List the rules (ID, kind, title, effective dates, source), or show one rule with its statement and quoted passages.") { id };
        command.SetAction(parsed => parsed.GetValue(id) is { } ruleId ? Show(context, ruleId) : List(context));
        return command;
    }

    private static int List(CliContext context)
    {
        // 1. One row per catalogue rule, in catalogue order.
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("ID").NoWrap()).AddColumn(new TableColumn("Kind").NoWrap())
            .AddColumn("Title").AddColumn("Effective").AddColumn("Source (first citation)");
        foreach (var rule in RuleCatalogue.Rules)
        {
            table.AddRow(
                Markup.Escape(rule.Id),
                Markup.Escape(Kind(rule.Kind)),
                Markup.Escape(rule.Title),
                Markup.Escape(rule.Effective),
                Markup.Escape(rule.Citations.Count > 0 ? ReportView.SourceTitle(rule.Citations[0]) : string.Empty));
        }

        // 2. The table, and how to see one rule.
        context.Console.Write(table);
        context.Console.MarkupLine($"[grey]{RuleCatalogue.Rules.Count} rules. '{Markup.Escape(context.Invocation.Command("rules <ID>"))}' shows one in full.[/]");
        return ExitCodes.Success;
    }

    private static int Show(CliContext context, string id)
    {
        // 1. Find the rule (IDs are matched without regard to case); an unknown ID is invalid input.
        var rule = RuleCatalogue.Rules.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliInputException($"rules: no rule '{id}' in the catalogue. {Suggest(id)}'{context.Invocation.Command("rules")}' lists them.");

        // 2. What it is and when it applies.
        var console = context.Console;
        console.Write(new Rule($"[bold]{Markup.Escape(rule.Id)} {Markup.Escape(rule.Title)}[/]").LeftJustified());
        var facts = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        facts.AddRow("[bold]Kind[/]", Markup.Escape(Kind(rule.Kind)));
        facts.AddRow("[bold]Effective[/]", Markup.Escape(rule.Effective));
        facts.AddRow("[bold]Reference data[/]", Markup.Escape(rule.ReferenceData.Count == 0 ? "none" : string.Join(", ", rule.ReferenceData)));
        console.Write(facts);

        // 3. The statement over named facts, and every passage it implements, with its source.
        console.WriteLine();
        console.MarkupLine("[bold]Statement[/]");
        console.MarkupLine(Markup.Escape(rule.Statement));
        console.WriteLine();
        console.MarkupLine($"[bold]Quoted passages ({rule.Citations.Count})[/]");
        foreach (var citation in rule.Citations)
        {
            console.Write(new Padder(ReportView.Quote(citation, withFile: true), new Padding(2, 0, 0, 0)));
        }

        // 4. The catalogue's notes and the interpretations chosen where the sources are ambiguous.
        console.WriteLine();
        console.MarkupLine("[bold]Notes[/]");
        console.MarkupLine(Markup.Escape(string.IsNullOrWhiteSpace(rule.Notes) ? "none" : rule.Notes));
        console.WriteLine();
        console.MarkupLine("[bold]Interpretations[/]");
        if (rule.Interpretations.Count == 0)
        {
            console.MarkupLine("none");
        }

        foreach (var interpretationId in rule.Interpretations)
        {
            var text = RuleCatalogue.Interpretations.FirstOrDefault(i => i.Id == interpretationId)?.Text ?? string.Empty;
            console.MarkupLine($"[bold]{Markup.Escape(interpretationId)}[/] {Markup.Escape(text)}");
        }

        return ExitCodes.Success;
    }

    private static string Suggest(string id)
    {
        var close = RuleCatalogue.Rules.Where(r => r.Id.StartsWith(id.Trim().Split('-')[0], StringComparison.OrdinalIgnoreCase)).Select(r => r.Id).Take(12).ToArray();
        return close.Length == 0 ? string.Empty : $"Did you mean one of {string.Join(", ", close)}? ";
    }

    private static string Kind(RuleKind kind) => kind.ToString().ToLowerInvariant();
}
