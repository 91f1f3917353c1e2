using System.CommandLine;
using Spectre.Console;
using WorkPermit.Rules.Cases;
using WorkPermit.Rules.Cli.Rendering;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary><c>check &lt;folder-or-file&gt;</c>: runs case files (contract.md, "Case files") and reports pass or fail.</summary>
internal static class CheckCommand
{
    /// <summary>From this many cases on, a terminal shows a progress bar while they run.</summary>
    private const int ProgressThreshold = 20;

    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("path") { Description = "A case file, or a folder searched (with its subfolders) for *.json case files." };
        var asOf = CliCommands.AsOfOption();
        var command = new Command("check", "Run case files: a pass/fail line per case, the differing path, expected and actual value for each failure, and a summary. Exit code 0 only when every case passes.")
        {
            target,
            asOf,
        };
        command.SetAction(parsed => Run(context, parsed.GetRequiredValue(target), parsed.GetValue(asOf)));
        return command;
    }

    public static int Run(CliContext context, string target, DateOnly? asOf)
    {
        // 1. Find the case files: the file itself, or every *.json under the folder, in a stable order.
        var files = Find(target);
        var evaluator = context.CreateEvaluator(asOf);

        // 2. Check each case. A file that is not a valid case file is recorded as an error, and the others still run.
        var outcomes = new List<CaseOutcome>(files.Count);
        void CheckAll(Action advance)
        {
            foreach (var file in files)
            {
                outcomes.Add(Check(evaluator, file));
                advance();
            }
        }

        if (context.IsTerminal && files.Count >= ProgressThreshold)
        {
            context.Console.Progress().AutoClear(false).Start(progress =>
            {
                var task = progress.AddTask($"Checking {files.Count} cases", maxValue: files.Count);
                CheckAll(() => task.Increment(1));
            });
        }
        else
        {
            CheckAll(() => { });
        }

        // 3. Print a line per case, and for failures what differs and the findings behind the actual value.
        var baseFolder = Directory.Exists(target) ? target : Path.GetDirectoryName(Path.GetFullPath(target))!;
        foreach (var outcome in outcomes)
        {
            Print(context, outcome, Path.GetRelativePath(baseFolder, outcome.File));
        }

        // 4. Summarise. Invalid case files make it exit 2, failures 1, and only a clean run 0.
        var passed = outcomes.Count(o => o.Result is { Passed: true });
        var invalid = outcomes.Count(o => o.Error is not null);
        var failed = outcomes.Count - passed - invalid;
        context.Console.WriteLine();
        var summary = $"{outcomes.Count} case{(outcomes.Count == 1 ? string.Empty : "s")}: {passed} passed, {failed} failed, {invalid} invalid.";
        context.Console.MarkupLine(failed + invalid == 0 ? $"[green]{summary}[/]" : $"[red]{summary}[/]");
        return invalid > 0 ? ExitCodes.InvalidInput : failed > 0 ? ExitCodes.CasesFailed : ExitCodes.Success;
    }

    private static List<string> Find(string target)
    {
        if (File.Exists(target))
        {
            return [target];
        }

        if (!Directory.Exists(target))
        {
            throw new CliInputException($"{target}: no such file or folder.");
        }

        var files = Directory.EnumerateFiles(target, "*.json", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetRelativePath(target, f), StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new CliInputException($"{target}: no *.json case files in this folder.");
    }

    private static CaseOutcome Check(IWorkPermitEvaluator evaluator, string file)
    {
        // A bad case file or profile is named by its JSON path inside the case file ($.expect, $.profile.travel.mode...).
        CaseFile caseFile;
        try
        {
            caseFile = CaseFile.Parse(System.Text.Encoding.UTF8.GetString(ProfileFiles.ReadFile(file)));
        }
        catch (CaseFileException ex)
        {
            return new CaseOutcome(file, null, ex.Message);
        }
        catch (CliInputException ex)
        {
            return new CaseOutcome(file, null, ex.Message.StartsWith(file + ": ", StringComparison.Ordinal) ? ex.Message[(file.Length + 2)..] : ex.Message);
        }

        var result = CaseChecker.Check(evaluator, caseFile);
        return result.ProfileErrors.Count > 0
            ? new CaseOutcome(file, result, ProfileFiles.Describe("$.profile", result.ProfileErrors))
            : new CaseOutcome(file, result, null);
    }

    private static void Print(CliContext context, CaseOutcome outcome, string name)
    {
        // An invalid case file is bad input: one message on standard error, as every command reports it.
        if (outcome.Error is { } error)
        {
            context.Error.WriteLine($"workpermit: {name}: {error}");
            return;
        }

        var console = context.Console;
        var result = outcome.Result!;
        var title = $"{Markup.Escape(result.Case.Id)}  [grey]{Markup.Escape(name)}[/]";
        if (result.Passed)
        {
            console.MarkupLine($"[green]PASS[/]  {title}");
            return;
        }

        console.MarkupLine($"[red]FAIL[/]  {title}  {Markup.Escape(result.Case.Name)}");
        foreach (var difference in result.Differences)
        {
            Indented(console, 6, $"{Markup.Escape(difference.Path)}: expected {Markup.Escape(difference.Expected)}, actual {Markup.Escape(difference.Actual)}");
            foreach (var finding in Behind(result, difference.Path))
            {
                var missing = finding.Missing.Count > 0 ? $"; missing {string.Join(", ", finding.Missing)}" : string.Empty;
                Indented(console, 8, $"[grey]{Markup.Escape(finding.RuleId)} = {ReportView.Word(finding.Outcome)}: {Markup.Escape(finding.Title)}{Markup.Escape(missing)}[/]");
            }
        }
    }

    /// <summary>Writes markup indented, so that wrapped lines keep the indent.</summary>
    private static void Indented(IAnsiConsole console, int indent, string markup) =>
        console.Write(new Padder(new Markup(markup), new Padding(indent, 0, 0, 0)));

    /// <summary>
    /// The findings behind a report path, from the library. For documents and actions it returns every finding that
    /// holds; we keep the ones that actually ask for an item, which is what a reader of a failed case looks for.
    /// </summary>
    private static IEnumerable<FindingResult> Behind(CaseResult result, string path)
    {
        var findings = result.FindingsBehind(path);
        var section = path.Split('.')[0];
        if (section is "documents" or "actions" && result.Report is { } report)
        {
            var items = (section == "documents" ? report.Documents : report.Actions).Select(i => i.RuleId).ToHashSet(StringComparer.Ordinal);
            findings = findings.Where(f => items.Contains(f.RuleId));
        }

        return findings;
    }

    /// <summary>One case file's result, or why it could not be checked.</summary>
    private sealed record CaseOutcome(string File, CaseResult? Result, string? Error);
}
