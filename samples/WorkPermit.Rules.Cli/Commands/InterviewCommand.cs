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
        var save = new Option<string?>("--save") { Description = "Write the profile with the answers to this file when the interview ends (also on Ctrl-C or end of input); checked before the first question.", HelpName = "profile.json" };
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

        // 1a. A --save file that cannot be written would lose every answer at the end: find out before the first question.
        if (save is not null)
        {
            CheckWritable(save);
        }

        EvaluateCommand.NoteWhenProfileDateWins(context, start, asOf, from ?? string.Empty);
        var facts = JsonNode.Parse(ProfileJson.Write(start))!.AsObject();
        var evaluator = context.CreateEvaluator(asOf);
        var report = evaluator.Evaluate(start);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var answered = 0;
        var suggestionsShown = string.Empty;

        // 1b. Ctrl-C saves the answers given so far (the last valid profile) before the process ends.
        var savedJson = facts.ToJsonString();
        using var interrupt = save is null ? null : context.OnInterrupt(() =>
        {
            var json = Volatile.Read(ref savedJson);
            Save(save, json);
            context.Error.WriteLine($"workpermit: interrupted; saved the answers given so far to {save}.");
        });
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
                    if (line is null)
                    {
                        console.MarkupLine(save is null ? "End of input." : $"End of input: saving the {answered} answer{(answered == 1 ? string.Empty : "s")} given so far.");
                    }

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

                // 4a. A date that contradicts another date of the profile is questioned at once: keep it only when confirmed.
                if (ImpossibleDates.Contradiction(read.Profile!, question.Fact) is { } contradiction && !Confirm(context, contradiction))
                {
                    Set(facts, question.Fact, previous);
                    console.MarkupLine("[grey]Not kept.[/] Give the date again, press Enter to skip or type q to quit.");
                    continue;
                }

                // 5. Re-evaluate, and show which outcomes the answer settled or changed, and what would change the answer.
                answered++;
                done.Add(question.Fact);
                Volatile.Write(ref savedJson, facts.ToJsonString());
                var before = report;
                report = evaluator.Evaluate(read.Profile!);
                ShowChanges(console, before, report);
                suggestionsShown = ShowSuggestions(console, report, suggestionsShown);
                break;
            }

            if (quit)
            {
                console.MarkupLine("Stopped.");
                break;
            }
        }

        // 6. Where the interview ended: the answer for the application first, then the outcomes and what is still open.
        console.WriteLine();
        console.MarkupLine($"{answered} answer{(answered == 1 ? string.Empty : "s")} given. Where it stands now:");
        SummaryView.Write(console, report);
        console.WriteLine();
        SuggestionsView.WriteSection(console, report);

        console.Write(new Rule("[bold]Outcomes by section[/]").LeftJustified());
        ReportView.WriteOutcomes(console, report);
        if (report.Questions.Count > 0)
        {
            console.MarkupLine($"[grey]{report.Questions.Count} question{(report.Questions.Count == 1 ? " is" : "s are")} still open.[/]");
        }

        // 7. Save the profile with the answers, written by the library in the contract's form.
        if (save is not null)
        {
            Save(save, facts.ToJsonString());
            console.MarkupLine($"Saved the profile to {Markup.Escape(save)}. '{Markup.Escape(context.Invocation.Command($"evaluate {EvaluateCommand.Quoted(save)}"))}' prints the full report.");
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
        // The summary's answer comes first: it is the one the person asked about.
        static IEnumerable<OutcomeRow> Rows(WorkPermitReport report) =>
            ReportSections.Of(report).SelectMany(s => s.Rows).Prepend(new OutcomeRow("Summary", "summary.outcome", ReportView.Word(report.Summary.Outcome), string.Empty));
        var old = Rows(before).ToDictionary(r => r.Path, r => r.Value, StringComparer.Ordinal);
        var changes = Rows(after)
            .Where(r => !old.TryGetValue(r.Path, out var value) || value != r.Value)
            .Select(r => $"{r.Path}: {(old.TryGetValue(r.Path, out var value) ? value : "(not shown)")} \u2192 {r.Value}")
            .ToArray();
        console.MarkupLine(changes.Length == 0 ? "[grey]No outcome changed yet.[/]" : string.Join(Environment.NewLine, changes.Select(c => $"[green]  {Markup.Escape(c)}[/]")));
        console.MarkupLine($"[bold]Now:[/] {Markup.Escape(SummaryView.Headline(after.Summary))}");
    }

    /// <summary>Shows what would change the answer after an answer, under the summary's line. The same suggestions (or
    /// the same reason) as after the answer before are not repeated in full: one line says they still hold.</summary>
    /// <returns>The key of what is now on screen (see <see cref="SuggestionsView.Key"/>).</returns>
    private static string ShowSuggestions(IAnsiConsole console, WorkPermitReport report, string shown)
    {
        var key = SuggestionsView.Key(report);
        if (key.Length == 0)
        {
            return key;
        }

        if (key == shown)
        {
            console.MarkupLine($"[grey]{SuggestionsView.Title}: the same as after the answer before.[/]");
            return key;
        }

        SuggestionsView.Write(console, report);
        return key;
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

    /// <summary>Asks whether to keep an answer that contradicts another date; only yes keeps it.</summary>
    private static bool Confirm(CliContext context, string contradiction)
    {
        context.Console.MarkupLine($"[yellow]That cannot be right: {Markup.Escape(contradiction)}[/]");
        context.Console.Markup("Keep this answer anyway? (yes/no) > ");
        var line = context.Input.ReadLine();
        if (context.EchoInput || line is null)
        {
            context.Console.WriteLine(line ?? string.Empty);
        }

        return line?.Trim().ToLowerInvariant() is "y" or "yes";
    }

    /// <summary>Writes the profile with the answers: the library writes it (unknown facts left out); we indent it so that
    /// it is easy to edit by hand.</summary>
    private static void Save(string path, string factsJson)
    {
        var profile = ProfileJson.Read(factsJson).Profile!;
        WriteFile(path, JsonNode.Parse(ProfileJson.Write(profile))!.ToJsonString(EvaluateCommand.Indented) + Environment.NewLine);
    }

    /// <summary>Fails (exit code 2, nothing asked) when <paramref name="path"/> cannot be written; leaves no file behind.</summary>
    private static void CheckWritable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliInputException($"{path}: is a folder; --save needs a file. Nothing was asked.");
        }

        var existed = File.Exists(path);
        try
        {
            using (new FileStream(path, existed ? FileMode.Open : FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot write the profile there ({ex.Message}). Nothing was asked.", ex);
        }
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
