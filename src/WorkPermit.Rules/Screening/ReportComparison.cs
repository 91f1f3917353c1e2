using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules;

/// <summary>
/// What a report concluded, in a form that can be stored and compared: every outcome by its report path, every
/// finding's outcome by rule ID, and the rule set that produced it. A line of a screening's output carries one, so a
/// later screening can compare against it (<see cref="ReportComparison"/>).
/// </summary>
public sealed record ReportSnapshot
{
    /// <summary>The report's top-level properties that are not outcomes.</summary>
    private static readonly HashSet<string> NotOutcomes = new(StringComparer.Ordinal) { "asOf", "advisories", "facts", "findings", "house", "questions", "ruleSet", "suggestions", "suggestionSearch", "warnings" };

    /// <summary>Gets the rule set that produced the report.</summary>
    /// <value>The rule set's version, fingerprint and rule count.</value>
    public required RuleSetInfo RuleSet { get; init; }

    /// <summary>Gets every outcome by its report path (for example <c>portOfEntry.outcome</c>, <c>route</c>,
    /// <c>portOfEntry.exclusions</c>), written as the report's JSON writes it; lists are sorted and comma-separated.</summary>
    /// <value>Values by path; an outcome the report does not have is absent.</value>
    public required IReadOnlyDictionary<string, string> Outcomes { get; init; }

    /// <summary>Gets every finding's outcome by rule ID (yes, no or unknown; a finding that does not apply is absent).</summary>
    /// <value>Outcomes by rule ID.</value>
    public required IReadOnlyDictionary<string, string> Findings { get; init; }

    /// <summary>Takes the snapshot of a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static ReportSnapshot Of(WorkPermitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var root = JsonNode.Parse(ReportJson.Write(report))!.AsObject();
        foreach (var (name, value) in root)
        {
            if (!NotOutcomes.Contains(name))
            {
                Flatten(name, value, outcomes);
            }
        }

        var findings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var finding in report.Findings)
        {
            findings[finding.RuleId] = ProfileJson.ValueName(finding.Outcome);
        }

        return new ReportSnapshot { RuleSet = report.RuleSet, Outcomes = outcomes, Findings = findings };
    }

    private static void Flatten(string path, JsonNode? node, SortedDictionary<string, string> into)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Flatten($"{path}.{name}", value, into);
                }

                return;
            case JsonArray array:
                // Lists of IDs, or of items with an id (documents, actions): compared as sets.
                into[path] = string.Join(",", array.Select(a => a is JsonObject item && item["id"] is { } id ? Text(id) : Text(a)).Order(StringComparer.Ordinal));
                return;
            default:
                into[path] = Text(node);
                return;
        }
    }

    private static string Text(JsonNode? node) => node is null ? "null" : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
}

/// <summary>One outcome that differs between two reports of the same client.</summary>
/// <param name="Path">The report path, for example <c>portOfEntry.outcome</c>.</param>
/// <param name="From">The earlier value, or <see langword="null"/> when the earlier report had no such outcome.</param>
/// <param name="To">The later value, or <see langword="null"/> when the later report has no such outcome.</param>
/// <param name="Rules">The rule IDs whose findings flipped and that decide this outcome.</param>
public sealed record OutcomeChange(string Path, string? From, string? To, IReadOnlyList<string> Rules);

/// <summary>Compares two reports of the same client: which outcomes changed, and because of which rules.</summary>
public static class ReportComparison
{
    /// <summary>The catalogue areas whose rules decide each top-level outcome of the report.</summary>
    private static readonly Dictionary<string, string[]> Areas = new(StringComparer.Ordinal)
    {
        ["general"] = ["GEN"],
        ["outsideCanada"] = ["OUT"],
        ["insideCanada"] = ["INS"],
        ["portOfEntry"] = ["POE"],
        ["route"] = ["POE"],
        ["biometricsAtPortOfEntry"] = ["BIO", "POE"],
        ["medicalExam"] = ["IME"],
        ["openPermit"] = ["OWP"],
        ["employer"] = ["LMIA", "CHG"],
        ["interimAuthorization"] = ["AFT"],
        ["afterApplying"] = ["AFT"],
    };

    /// <summary>Compares two reports.</summary>
    /// <param name="before">The earlier report.</param>
    /// <param name="after">The later report.</param>
    /// <returns>Every outcome that changed, in path order; empty when none did.</returns>
    public static IReadOnlyList<OutcomeChange> Compare(WorkPermitReport before, WorkPermitReport after) =>
        Compare(ReportSnapshot.Of(before), ReportSnapshot.Of(after));

    /// <summary>Compares two snapshots (for example one stored by an earlier screening).</summary>
    /// <param name="before">The earlier snapshot.</param>
    /// <param name="after">The later snapshot.</param>
    /// <returns>Every outcome that changed, in path order; empty when none did.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<OutcomeChange> Compare(ReportSnapshot before, ReportSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var flipped = FlippedRules(before, after);
        var changes = new List<OutcomeChange>();
        foreach (var path in before.Outcomes.Keys.Union(after.Outcomes.Keys).Order(StringComparer.Ordinal))
        {
            var from = before.Outcomes.GetValueOrDefault(path);
            var to = after.Outcomes.GetValueOrDefault(path);
            if (string.Equals(from, to, StringComparison.Ordinal))
            {
                continue;
            }

            var top = path.Split('.')[0];
            var rules = Areas.TryGetValue(top, out var areas)
                ? flipped.Where(r => areas.Any(a => r.StartsWith(a + "-", StringComparison.Ordinal))).ToArray()
                : [];
            changes.Add(new OutcomeChange(path, from, to, rules.Length > 0 ? rules : flipped));
        }

        return changes;
    }

    /// <summary>The rule IDs whose finding differs between two snapshots (outcome changed, or present in only one).</summary>
    /// <param name="before">The earlier snapshot.</param>
    /// <param name="after">The later snapshot.</param>
    /// <returns>Rule IDs, in order.</returns>
    public static IReadOnlyList<string> FlippedRules(ReportSnapshot before, ReportSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. before.Findings.Keys.Union(after.Findings.Keys)
            .Where(id => !string.Equals(before.Findings.GetValueOrDefault(id), after.Findings.GetValueOrDefault(id), StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }
}
