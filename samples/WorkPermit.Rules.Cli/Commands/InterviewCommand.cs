using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using WorkPermit.Rules.Cli.Rendering;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary>
/// <c>interview [--from profile.json] [--save profile.json]</c>: asks the report's questions one at a time, re-evaluating
/// after each answer, until no question is left or the user quits. Enter skips a question; q quits.
/// </summary>
internal static class InterviewCommand
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string?>("--from") { Description = "Start from the facts in this profile file.", HelpName = "profile.json" };
        var save = new Option<string?>("--save") { Description = "Write the profile with the answers to this file when the interview ends.", HelpName = "profile.json" };
        var asOf = CliCommands.AsOfOption();
        var command = new Command("interview", "Ask the report's open questions one at a time (Enter skips, q quits), re-evaluating after each answer.")
        {
            from,
            save,
            asOf,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(from), parsed.GetValue(save), parsed.GetValue(asOf)));
        return command;
    }

    public static int Run(CliContext context, string? from, string? save, DateOnly? asOf)
    {
        var console = context.Console;
        if (from == "-")
        {
            throw new CliInputException("interview: --from needs a file; standard input carries the answers.");
        }

        // 1. Start from the profile file, or from nothing (every fact unknown). We keep the facts as contract JSON so
        //    that an answer is set by its path, and let the library read (and validate) it after every answer.
        var start = from is null ? new WorkPermitProfile() : ProfileFiles.Load(from, context.Input);
        EvaluateCommand.NoteWhenProfileDateWins(context, start, asOf, from ?? string.Empty);
        var facts = JsonNode.Parse(ProfileJson.Write(start))!.AsObject();
        var evaluator = context.CreateEvaluator(asOf);
        var report = evaluator.Evaluate(start);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var answered = 0;
        console.MarkupLine("[bold]Interview[/]: answer each question, press Enter to skip it, or type q to quit.");

        while (true)
        {
            // 2. Ask the most useful question not skipped (or answered) yet; stop when none is left.
            var question = report.Questions.FirstOrDefault(q => !skipped.Contains(q.Fact) && !done.Contains(q.Fact));
            if (question is null)
            {
                console.WriteLine();
                console.MarkupLine(report.Questions.Count == 0
                    ? "No question left: every outcome the facts can settle is settled."
                    : $"No question left that you have not skipped ({skipped.Count} skipped).");
                break;
            }

            Ask(console, question, report.Questions.Count);

            // 3. Read answers until one is valid, or the user skips or quits (end of input quits too).
            var quit = false;
            while (true)
            {
                console.Markup("> ");
                var line = context.Input.ReadLine();
                if (context.EchoInput || line is null)
                {
                    console.WriteLine(line ?? string.Empty);
                }

                if (line is null || line.Trim().ToLowerInvariant() is "q" or "quit")
                {
                    quit = true;
                    break;
                }

                if (line.Trim().Length == 0)
                {
                    skipped.Add(question.Fact);
                    console.MarkupLine("[grey]Skipped.[/]");
                    break;
                }

                if (!AnswerParser.TryParse(question, line, out var value, out var problem))
                {
                    console.MarkupLine($"[red]{Markup.Escape(problem)}[/] Try again, press Enter to skip or type q to quit.");
                    continue;
                }

                // 4. Set the fact and let the library validate the profile; a value it rejects is undone.
                var previous = Get(facts, question.Fact)?.DeepClone();
                Set(facts, question.Fact, value);
                var read = ProfileJson.Read(facts.ToJsonString());
                if (!read.IsValid)
                {
                    Set(facts, question.Fact, previous);
                    console.MarkupLine($"[red]{Markup.Escape(read.Errors[0].Message)}[/] Try again, press Enter to skip or type q to quit.");
                    continue;
                }

                // 5. Re-evaluate, and show which outcomes the answer settled or changed.
                answered++;
                done.Add(question.Fact);
                var before = report;
                report = evaluator.Evaluate(read.Profile!);
                ShowChanges(console, before, report);
                break;
            }

            if (quit)
            {
                console.MarkupLine("Stopped.");
                break;
            }
        }

        // 6. Where the interview ended: the outcomes and what is still open.
        console.WriteLine();
        console.MarkupLine($"{answered} answer{(answered == 1 ? string.Empty : "s")} given. Outcomes now:");
        ReportView.WriteSummary(console, report);
        if (report.Questions.Count > 0)
        {
            console.MarkupLine($"[grey]{report.Questions.Count} question{(report.Questions.Count == 1 ? " is" : "s are")} still open.[/]");
        }

        // 7. Save the profile with the answers, written by the library in the contract's form.
        if (save is not null)
        {
            // The library writes the profile (unknown facts left out); we indent it so that it is easy to edit by hand.
            var profile = ProfileJson.Read(facts.ToJsonString()).Profile!;
            WriteFile(save, JsonNode.Parse(ProfileJson.Write(profile))!.ToJsonString(EvaluateCommand.Indented) + Environment.NewLine);
            console.MarkupLine($"Saved the profile to {Markup.Escape(save)}. 'workpermit evaluate {Markup.Escape(save)}' prints the full report.");
        }

        return ExitCodes.Success;
    }

    private static void Ask(IAnsiConsole console, Question question, int open)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(question.Text)}[/]");
        console.MarkupLine($"[grey]{Markup.Escape(question.Fact)} \u00b7 could settle {Markup.Escape(string.Join(", ", question.Affects))} \u00b7 {open} open[/]");
        if (question.Kind == FactKind.Enumeration)
        {
            var choices = question.AllowedAnswers.Select((a, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}) {a}");
            console.MarkupLine($"  {Markup.Escape(string.Join("   ", choices))}");
        }
        else
        {
            console.MarkupLine($"  {Markup.Escape(question.Kind == FactKind.Boolean ? "yes | no" : ReportView.AnswerHint(question))}");
        }
    }

    private static void ShowChanges(IAnsiConsole console, WorkPermitReport before, WorkPermitReport after)
    {
        var old = ReportSections.Of(before).SelectMany(s => s.Rows).ToDictionary(r => r.Path, r => r.Value, StringComparer.Ordinal);
        var changes = ReportSections.Of(after).SelectMany(s => s.Rows)
            .Where(r => !old.TryGetValue(r.Path, out var value) || value != r.Value)
            .Select(r => $"{r.Path}: {(old.TryGetValue(r.Path, out var value) ? value : "(not shown)")} \u2192 {r.Value}")
            .ToArray();
        console.MarkupLine(changes.Length == 0 ? "[grey]No outcome changed yet.[/]" : string.Join(Environment.NewLine, changes.Select(c => $"[green]  {Markup.Escape(c)}[/]")));
    }

    /// <summary>The value at a fact path: <c>evaluationDate</c> or <c>group.fact</c>.</summary>
    private static JsonNode? Get(JsonObject facts, string path)
    {
        var parts = path.Split('.');
        return parts.Length == 1 ? facts[parts[0]] : (facts[parts[0]] as JsonObject)?[parts[1]];
    }

    private static void Set(JsonObject facts, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        if (parts.Length == 1)
        {
            facts[parts[0]] = value;
            return;
        }

        if (facts[parts[0]] is not JsonObject group)
        {
            group = [];
            facts[parts[0]] = group;
        }

        group[parts[1]] = value;
    }

    private static void WriteFile(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot write the profile: {ex.Message}", ex);
        }
    }
}
