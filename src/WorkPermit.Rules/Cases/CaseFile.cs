using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkPermit.Rules.Cases;

/// <summary>A case file of the contract: a profile and a partial expected report (see contract.md, "Case files").</summary>
public sealed record CaseFile
{
    /// <summary>Gets the case's ID.</summary>
    /// <value>The ID.</value>
    public required string Id { get; init; }

    /// <summary>Gets the case's short name.</summary>
    /// <value>The name, or an empty string.</value>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets what the case is about.</summary>
    /// <value>The description, or an empty string.</value>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the profile, as JSON.</summary>
    /// <value>The profile object.</value>
    public required JsonObject Profile { get; init; }

    /// <summary>Gets the expected partial report.</summary>
    /// <value>The expectation object.</value>
    public required JsonObject Expect { get; init; }

    /// <summary>Gets the rule IDs the case exercises.</summary>
    /// <value>Rule IDs.</value>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Gets the interpretation IDs the case depends on.</summary>
    /// <value>Interpretation IDs.</value>
    public IReadOnlyList<string> Interpretations { get; init; } = [];

    /// <summary>Reads a case file.</summary>
    /// <param name="json">The case file's text.</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFileException">The text is not a case file; the message names the JSON path.</exception>
    public static CaseFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            // A byte-order mark is not part of the JSON; a property given twice is a problem, not "last one wins".
            node = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { MaxDepth = 32, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            // Positions are reported as for a profile: line and position from 1.
            throw new CaseFileException("$", ProfileJson.InvalidJsonMessage(ex), ex);
        }

        if (node is not JsonObject root)
        {
            throw new CaseFileException("$", "a case file must be a JSON object");
        }

        return new CaseFile
        {
            Id = Text(root, "id", required: true)!,
            Name = Text(root, "name", required: false) ?? string.Empty,
            Description = Text(root, "description", required: false) ?? string.Empty,
            Profile = Object(root, "profile"),
            Expect = Object(root, "expect"),
            Rules = Texts(root, "rules"),
            Interpretations = Texts(root, "interpretations"),
        };
    }

    /// <summary>Reads a case file from disk.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The case.</returns>
    /// <exception cref="CaseFileException">The file is not a case file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CaseFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path));
    }

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(Name) ? Id : $"{Id} {Name}";

    private static string? Text(JsonObject root, string name, bool required)
    {
        if (root[name] is null)
        {
            return required ? throw new CaseFileException($"$.{name}", "is required") : null;
        }

        return root[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new CaseFileException($"$.{name}", "must be a string");
    }

    private static JsonObject Object(JsonObject root, string name) =>
        root[name] as JsonObject ?? throw new CaseFileException($"$.{name}", root[name] is null ? "is required" : "must be an object");

    private static string[] Texts(JsonObject root, string name)
    {
        if (root[name] is null)
        {
            return [];
        }

        if (root[name] is not JsonArray array)
        {
            throw new CaseFileException($"$.{name}", "must be a list of strings");
        }

        return array.Select((item, i) => item is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new CaseFileException($"$.{name}[{i}]", "must be a string")).ToArray();
    }
}

/// <summary>Thrown when a text is not a case file.</summary>
public sealed class CaseFileException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CaseFileException"/> class.</summary>
    /// <param name="path">The JSON path of the problem.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying exception.</param>
    public CaseFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner) => Path = path;

    /// <summary>Gets the JSON path of the problem.</summary>
    /// <value>The path.</value>
    public string Path { get; }
}

/// <summary>A difference between a case's expectation and the report.</summary>
/// <param name="Path">The report path, for example <c>portOfEntry.outcome</c>.</param>
/// <param name="Expected">The expected value, as JSON.</param>
/// <param name="Actual">The report's value, as JSON, or <c>(absent)</c>.</param>
public sealed record CaseDifference(string Path, string Expected, string Actual);

/// <summary>The result of checking one case.</summary>
public sealed record CaseResult
{
    /// <summary>Gets the case.</summary>
    /// <value>The case.</value>
    public required CaseFile Case { get; init; }

    /// <summary>Gets the problems in the case's profile, when it is not valid.</summary>
    /// <value>The problems; empty when the profile is valid.</value>
    public required IReadOnlyList<ProfileError> ProfileErrors { get; init; }

    /// <summary>Gets the report, when the profile is valid.</summary>
    /// <value>The report, or <see langword="null"/>.</value>
    public WorkPermitReport? Report { get; init; }

    /// <summary>Gets the differences between the expectation and the report.</summary>
    /// <value>The differences; empty when the case passes.</value>
    public required IReadOnlyList<CaseDifference> Differences { get; init; }

    /// <summary>Gets whether the case passes: a valid profile whose report matches every expectation.</summary>
    /// <value><see langword="true"/> when it passes.</value>
    public bool Passed => ProfileErrors.Count == 0 && Differences.Count == 0;

    /// <summary>Gets the findings behind a report path: the rules whose outcomes make it.</summary>
    /// <param name="path">A report path of a difference.</param>
    /// <returns>The findings.</returns>
    public IEnumerable<FindingResult> FindingsBehind(string path) => Report is null ? [] : CaseChecker.FindingsBehind(path, Report);
}

/// <summary>
/// Checks case files against reports with contract.md's matching rules: every expected property must be present and equal;
/// objects match property by property; lists match as sets; a list of strings expected where the report has objects with
/// an <c>id</c> (documents, actions) matches those ids.
/// </summary>
public static class CaseChecker
{
    /// <summary>Evaluates a case's profile and compares the report with the expectation.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="caseFile">The case.</param>
    /// <returns>The result.</returns>
    public static CaseResult Check(IWorkPermitEvaluator evaluator, CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(caseFile);
        var result = evaluator.Evaluate(caseFile.Profile.ToJsonString());
        if (result.Report is null)
        {
            return new CaseResult { Case = caseFile, ProfileErrors = result.Errors, Differences = [] };
        }

        var report = JsonNode.Parse(ReportJson.Write(result.Report))!;
        return new CaseResult { Case = caseFile, ProfileErrors = [], Report = result.Report, Differences = Differences(caseFile.Expect, report) };
    }

    /// <summary>Compares an expectation with a report written as JSON.</summary>
    /// <param name="expect">The expectation.</param>
    /// <param name="report">The report.</param>
    /// <returns>The differences.</returns>
    public static IReadOnlyList<CaseDifference> Differences(JsonObject expect, JsonNode report)
    {
        ArgumentNullException.ThrowIfNull(expect);
        ArgumentNullException.ThrowIfNull(report);
        var differences = new List<CaseDifference>();
        Compare(expect, report, string.Empty, differences);
        return differences;
    }

    internal static IEnumerable<FindingResult> FindingsBehind(string path, WorkPermitReport report)
    {
        var section = path.Split('.')[0];
        string[] prefixes = section switch
        {
            "general" => ["GEN-", "IME-04"],
            "outsideCanada" => ["OUT-01"],
            "insideCanada" => ["INS-"],
            "portOfEntry" or "route" => ["POE-", "OWP-01", "LMIA-05", "LMIA-06"],
            "biometricsAtPortOfEntry" => ["BIO-", "POE-04"],
            "medicalExam" => ["IME-"],
            "openPermit" => ["OWP-"],
            "employer" => ["LMIA-", "CHG-"],
            "interimAuthorization" => ["AFT-15", "AFT-16"],
            "afterApplying" => ["AFT-"],
            _ => [string.Empty],
        };
        return report.Findings.Where(f => prefixes.Any(p => f.RuleId.StartsWith(p, StringComparison.Ordinal))
            && (section is not ("documents" or "actions") || f.Outcome == Tri.Yes));
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<CaseDifference> differences)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject)
                {
                    differences.Add(new(path, Show(expected), Show(actual)));
                    return;
                }

                foreach (var (name, value) in expectedObject)
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    if (!actualObject.TryGetPropertyValue(name, out var actualValue))
                    {
                        differences.Add(new(childPath, Show(value), "(absent)"));
                    }
                    else if (actualValue is null || value is null)
                    {
                        // A null the report writes (a suggestion's unknown 'from') matches an expected null, and only that.
                        if (actualValue is not null || value is not null)
                        {
                            differences.Add(new(childPath, Show(value), Show(actualValue)));
                        }
                    }
                    else
                    {
                        Compare(value, actualValue, childPath, differences);
                    }
                }

                return;
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray)
                {
                    differences.Add(new(path, Show(expected), Show(actual)));
                    return;
                }

                if (expectedArray.Any(e => e is JsonObject))
                {
                    // A list of objects (suggestions, their changes): each expected object is matched property by
                    // property with a different element of the report's list, in any order, and none is left over.
                    if (expectedArray.Count != actualArray.Count || !Assign(expectedArray, actualArray, 0, new bool[actualArray.Count]))
                    {
                        differences.Add(new(path, Show(expected), Show(actual)));
                    }

                    return;
                }

                var byId = expectedArray.All(e => e is JsonValue) && actualArray.All(a => a is JsonObject o && o["id"] is JsonValue);
                var expectedSet = expectedArray.Select(Show).Order(StringComparer.Ordinal).ToArray();
                var actualSet = actualArray.Select(a => byId ? Show(a!["id"]) : Show(a)).Order(StringComparer.Ordinal).ToArray();
                if (!expectedSet.SequenceEqual(actualSet))
                {
                    differences.Add(new(path, $"[{string.Join(", ", expectedSet)}]", $"[{string.Join(", ", actualSet)}]"));
                }

                return;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add(new(path, Show(expected), Show(actual)));
                }

                return;
        }
    }

    /// <summary>Whether the expected elements from <paramref name="next"/> on can each be matched with a different unused actual element.</summary>
    private static bool Assign(JsonArray expected, JsonArray actual, int next, bool[] used)
    {
        if (next == expected.Count)
        {
            return true;
        }

        for (var i = 0; i < actual.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var differences = new List<CaseDifference>();
            Compare(expected[next], actual[i], string.Empty, differences);
            if (differences.Count == 0)
            {
                used[i] = true;
                if (Assign(expected, actual, next + 1, used))
                {
                    return true;
                }

                used[i] = false;
            }
        }

        return false;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
