using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace WorkPermit.Rules.Cli.Commands;

/// <summary>
/// <c>screen CASELOAD.jsonl [--as-of] [--compare-as-of] [--baseline REPORTS.jsonl] [--out RESULTS.jsonl] [--csv RESULTS.csv]</c>:
/// evaluates a whole caseload on every core and says who a policy date or a rule-set upgrade affects, how, and because
/// of which rule.
/// </summary>
internal static class ScreenCommand
{
    public static Command Create(CliContext context)
    {
        var caseload = new Argument<string>("caseload") { Description = "The caseload: JSON Lines, one {\"id\": ..., \"profile\": {...}} or bare profile per line." };
        var asOf = CliCommands.AsOfOption();
        var compareAsOf = new Option<string?>("--compare-as-of") { Description = "Evaluate every client again as of this date (yyyy-MM-dd) and report what changed from --as-of.", HelpName = "yyyy-MM-dd" };
        var baseline = new Option<string?>("--baseline") { Description = "Compare with the results of an earlier screening (its --out file), for example made with another rule-set version.", HelpName = "results.jsonl" };
        var output = new Option<string?>("--out") { Description = "Write one JSON line per client: id, outcomes, findings, changes (usable later as --baseline).", HelpName = "results.jsonl" };
        var csv = new Option<string?>("--csv") { Description = "Write one CSV row per changed outcome: id, line, path, from, to, rules.", HelpName = "results.csv" };
        var command = new Command("screen", "Screen a caseload: evaluate every client (on every core), optionally under a second as-of date or against an earlier screening, and summarise what changed by outcome and by rule. Exit code 0, or 2 when a line was not a valid profile.")
        {
            caseload,
            asOf,
            compareAsOf,
            baseline,
            output,
            csv,
        };
        command.SetAction((parsed, token) => RunAsync(context, parsed.GetRequiredValue(caseload), parsed.GetValue(asOf), ParseDate("--compare-as-of", parsed.GetValue(compareAsOf)),
            parsed.GetValue(baseline), parsed.GetValue(output), parsed.GetValue(csv), token));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string path, DateOnly? asOf, DateOnly? compareAsOf, string? baselinePath, string? outPath, string? csvPath, CancellationToken token)
    {
        // 1. Check what can be checked before the long run: the caseload exists, the baseline reads, the outputs can be written.
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: no such caseload file.");
        }

        if (compareAsOf is not null && baselinePath is not null)
        {
            throw new CliInputException("--compare-as-of and --baseline compare with different things; give one of them.");
        }

        var baseline = baselinePath is null ? null : ReadBaseline(baselinePath);
        using var results = outPath is null ? null : Create(outPath);
        using var rows = csvPath is null ? null : Create(csvPath);
        rows?.WriteLine("id,line,path,from,to,rules");

        // 2. Screen, with a progress bar (rate and time left) on a terminal.
        var evaluator = context.CreateEvaluator(asOf);
        var screener = new CaseloadScreener(evaluator);
        var options = new ScreeningOptions { AsOf = asOf, CompareAsOf = compareAsOf, Baseline = baseline };
        var total = CountLines(path);
        var invalid = new List<ScreeningResult>();
        var byPath = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var fingerprints = new SortedSet<string>(StringComparer.Ordinal);
        long screened = 0, changed = 0;

        async Task RunAll(Action<long> advance)
        {
            await using var stream = File.OpenRead(path);
            await foreach (var result in screener.ScreenAsync(Caseload.ReadAsync(stream, cancellationToken: token), options, null, token))
            {
                screened++;
                if (!result.IsValid)
                {
                    invalid.Add(result);
                }
                else if (result.Changes.Count > 0)
                {
                    changed++;
                    foreach (var rule in result.Changes.SelectMany(c => c.Rules).Distinct(StringComparer.Ordinal))
                    {
                        byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
                    }

                    foreach (var change in result.Changes)
                    {
                        byPath[change.Path] = byPath.GetValueOrDefault(change.Path) + 1;

                        rows?.WriteLine(string.Join(',', Csv(result.Id), result.Line.ToString(CultureInfo.InvariantCulture), Csv(change.Path), Csv(change.From), Csv(change.To), Csv(string.Join(' ', change.Rules))));
                    }
                }

                if (result.Compared?.RuleSet.Fingerprint is { } before && baseline is not null)
                {
                    fingerprints.Add(before);
                }

                results?.WriteLine(Line(result));
                advance(screened);
            }
        }

        if (context.IsTerminal)
        {
            await context.Console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedlessRateColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Screening {total.ToString("N0", CultureInfo.InvariantCulture)} clients", maxValue: Math.Max(1, total));
                    await RunAll(n => task.Value = n);
                });
        }
        else
        {
            await RunAll(_ => { });
        }

        // 3. The summary: what was read and evaluated, every invalid line with its place, what changed by outcome and by rule.
        var console = context.Console;
        console.Write(new Rule("[bold]Screening[/]").LeftJustified());
        console.MarkupLine(Markup.Escape($"Caseload: {path}"));
        var what = compareAsOf is { } later
            ? $"as of {Date(asOf)} compared with {later:yyyy-MM-dd}"
            : baseline is not null ? $"as of {Date(asOf)} compared with {baselinePath} (rule set {string.Join(", ", fingerprints)} then, {evaluator.RuleSet.Fingerprint} now)" : $"as of {Date(asOf)}";
        console.MarkupLine(Markup.Escape($"Evaluated {what}."));
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Clients read: {screened:N0}; evaluated: {screened - invalid.Count:N0}; invalid: {invalid.Count:N0}; changed: {changed:N0}.")));
        foreach (var line in invalid.OrderBy(r => r.Line))
        {
            foreach (var error in line.Errors)
            {
                console.MarkupLine(Markup.Escape($"  line {line.Line} ({line.Id}): {error.Path}: {error.Message}"));
            }
        }

        if (compareAsOf is not null || baseline is not null)
        {
            WriteCounts(console, "Changes by outcome", "Outcome (report path)", byPath);
            WriteCounts(console, "Changes by rule", "Rule", byRule);
        }

        return invalid.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    private static void WriteCounts(IAnsiConsole console, string title, string column, SortedDictionary<string, int> counts)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        if (counts.Count == 0)
        {
            console.MarkupLine("[grey]No change.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn(column).AddColumn(new TableColumn("Clients").RightAligned());
        foreach (var (key, count) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(key), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    /// <summary>One output line: the client, the outcomes and findings now, and what changed.</summary>
    private static string Line(ScreeningResult result)
    {
        var line = new JsonObject { ["id"] = result.Id, ["line"] = result.Line };
        if (!result.IsValid)
        {
            line["errors"] = new JsonArray([.. result.Errors.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["message"] = e.Message })]);
            return line.ToJsonString();
        }

        var snapshot = result.Snapshot!;
        line["ruleSet"] = new JsonObject { ["version"] = snapshot.RuleSet.Version, ["fingerprint"] = snapshot.RuleSet.Fingerprint, ["rules"] = snapshot.RuleSet.Rules };
        line["outcomes"] = Map(snapshot.Outcomes);
        line["findings"] = Map(snapshot.Findings);
        line["changes"] = new JsonArray([.. result.Changes.Select(c => (JsonNode)new JsonObject
        {
            ["path"] = c.Path,
            ["from"] = c.From,
            ["to"] = c.To,
            ["rules"] = new JsonArray([.. c.Rules.Select(r => (JsonNode)JsonValue.Create(r)!)]),
        })]);
        return line.ToJsonString();
    }

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>Reads an earlier screening's output: each valid line's outcomes and findings, by client ID.</summary>
    private static Dictionary<string, ReportSnapshot> ReadBaseline(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"--baseline: {path}: no such file.");
        }

        var baseline = new Dictionary<string, ReportSnapshot>(StringComparer.Ordinal);
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                var line = JsonNode.Parse(text)!.AsObject();
                if (line["errors"] is not null)
                {
                    continue;
                }

                var ruleSet = line["ruleSet"]!;
                baseline[line["id"]!.GetValue<string>()] = new ReportSnapshot
                {
                    RuleSet = new RuleSetInfo(ruleSet["version"]!.GetValue<string>(), ruleSet["fingerprint"]!.GetValue<string>(), ruleSet["rules"]!.GetValue<int>()),
                    Outcomes = line["outcomes"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal),
                    Findings = line["findings"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal),
                };
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException or FormatException)
            {
                throw new CliInputException($"--baseline: {path}, line {number}: not a line of a screening's --out file ({ex.Message}).");
            }
        }

        return baseline;
    }

    private static StreamWriter Create(string path)
    {
        try
        {
            return new StreamWriter(path, false, new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliInputException($"{path}: cannot be written ({ex.Message}).");
        }
    }

    private static long CountLines(string path)
    {
        long count = 0;
        foreach (var line in File.ReadLines(path))
        {
            count += string.IsNullOrWhiteSpace(line) ? 0 : 1;
        }

        return count;
    }

    private static DateOnly? ParseDate(string option, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CliInputException($"{option}: '{text}' is not a date in the form yyyy-MM-dd.");

    private static string Date(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "today";

    private static string Csv(string? value) =>
        value is null ? string.Empty : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    /// <summary>Clients per second, without the byte units of Spectre's transfer-speed column.</summary>
    private sealed class TransferSpeedlessRateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup(task.Speed is { } speed ? $"{speed.ToString("N0", CultureInfo.InvariantCulture)}/s" : "-");
    }
}
